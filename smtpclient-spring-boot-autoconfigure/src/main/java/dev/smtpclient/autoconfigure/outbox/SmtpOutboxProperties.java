package dev.smtpclient.autoconfigure.outbox;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the durable outbox.
 */
@ConfigurationProperties("smtp.outbox")
public class SmtpOutboxProperties {

	/**
	 * Whether to store messages in the outbox table of the application's DataSource and
	 * send them from there.
	 */
	private boolean enabled;

	/**
	 * Whether this instance sends due messages; when off it only enqueues.
	 */
	private boolean deliver = true;

	/**
	 * Whether to create the outbox table at startup when it does not exist (PostgreSQL
	 * and H2). Applications with Flyway or Liquibase use the scripts under
	 * db/smtpclient-outbox/ instead.
	 */
	private boolean initializeSchema;

	/**
	 * Name this instance claims messages under; must differ between instances. Defaults
	 * to a random UUID.
	 */
	private @Nullable String instanceId;

	/**
	 * Number of worker threads claiming and sending batches.
	 */
	private int workers = 2;

	/**
	 * Most messages a worker claims at once.
	 */
	private int batchSize = 50;

	/**
	 * Time between polls for due messages.
	 */
	private Duration pollInterval = Duration.ofSeconds(1);

	/**
	 * Time claimed messages stay with this instance without a renewal; after it, other
	 * instances record them as outcome unknown.
	 */
	private Duration lease = Duration.ofSeconds(30);

	/**
	 * Most attempts of a message whose failures are transient.
	 */
	private int maxAttempts = 10;

	/**
	 * Wait after the first failed attempt; doubles after each further one.
	 */
	private Duration initialBackoff = Duration.ofSeconds(30);

	/**
	 * Longest wait between attempts.
	 */
	private Duration maxBackoff = Duration.ofHours(1);

	/**
	 * Whether a message whose outcome is unknown is sent again, which may deliver it
	 * twice.
	 */
	private boolean resendUnknown;

	/**
	 * Time sent messages stay in the table.
	 */
	private Duration retention = Duration.ofDays(7);

	/**
	 * Largest message accepted by enqueue.
	 */
	private DataSize maxMessageSize = DataSize.ofMegabytes(25);

	private final Health health = new Health();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isDeliver() {
		return this.deliver;
	}

	public void setDeliver(boolean deliver) {
		this.deliver = deliver;
	}

	public boolean isInitializeSchema() {
		return this.initializeSchema;
	}

	public void setInitializeSchema(boolean initializeSchema) {
		this.initializeSchema = initializeSchema;
	}

	public @Nullable String getInstanceId() {
		return this.instanceId;
	}

	public void setInstanceId(@Nullable String instanceId) {
		this.instanceId = instanceId;
	}

	public int getWorkers() {
		return this.workers;
	}

	public void setWorkers(int workers) {
		this.workers = workers;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public Duration getInitialBackoff() {
		return this.initialBackoff;
	}

	public void setInitialBackoff(Duration initialBackoff) {
		this.initialBackoff = initialBackoff;
	}

	public Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	public void setMaxBackoff(Duration maxBackoff) {
		this.maxBackoff = maxBackoff;
	}

	public boolean isResendUnknown() {
		return this.resendUnknown;
	}

	public void setResendUnknown(boolean resendUnknown) {
		this.resendUnknown = resendUnknown;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	public Health getHealth() {
		return this.health;
	}

	public static class Health {

		/**
		 * Age past its due time of the oldest due message at which the outbox health is
		 * DOWN.
		 */
		private Duration maxDueAge = Duration.ofMinutes(5);

		public Duration getMaxDueAge() {
			return this.maxDueAge;
		}

		public void setMaxDueAge(Duration maxDueAge) {
			this.maxDueAge = maxDueAge;
		}

	}

}
