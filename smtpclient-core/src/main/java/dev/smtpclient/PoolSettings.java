package dev.smtpclient;

import java.time.Duration;

/**
 * How a {@link SmtpClient} pools its connections. Immutable; start from
 * {@link #builder()}.
 * <p>
 * Defaults: at most 8 connections, none kept open when idle, an idle connection closed
 * after 60 s (servers usually drop idle clients at 300 s, and some far sooner), every
 * connection retired after 10 min give or take 2.5% (so connections opened together do
 * not all close together), at most 100 messages per connection, up to 30 s to wait for a
 * free connection, a NOOP before reusing a connection that has been idle for 10 s or
 * more, and housekeeping every 15 s.
 *
 * @param maxSize the most connections open at once
 * @param minIdle connections the housekeeper keeps open and idle
 * @param idleTimeout how long a connection may stay idle
 * @param maxLifetime how long a connection may live, before jitter
 * @param maxMessagesPerConnection messages after which a connection is retired
 * @param acquireTimeout how long a send waits for a free connection
 * @param validateAfterIdle idle time after which a connection is checked with NOOP before
 * use
 * @param housekeepingInterval how often idle connections are checked
 */
public record PoolSettings(int maxSize, int minIdle, Duration idleTimeout, Duration maxLifetime,
		int maxMessagesPerConnection, Duration acquireTimeout, Duration validateAfterIdle,
		Duration housekeepingInterval) {

	public PoolSettings {
		if (maxSize < 1) {
			throw new InvalidInputException("pool.maxSize", "must be at least 1");
		}
		if (minIdle < 0 || minIdle > maxSize) {
			throw new InvalidInputException("pool.minIdle", "must be between 0 and maxSize");
		}
		if (maxMessagesPerConnection < 1) {
			throw new InvalidInputException("pool.maxMessagesPerConnection", "must be at least 1");
		}
		positive("pool.idleTimeout", idleTimeout);
		positive("pool.maxLifetime", maxLifetime);
		positive("pool.acquireTimeout", acquireTimeout);
		positive("pool.housekeepingInterval", housekeepingInterval);
		if (validateAfterIdle == null || validateAfterIdle.isNegative()) {
			throw new InvalidInputException("pool.validateAfterIdle", "must not be negative");
		}
	}

	private static void positive(String field, Duration duration) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			throw new InvalidInputException(field, "must be a positive duration");
		}
	}

	public static PoolSettings defaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	public Builder toBuilder() {
		return new Builder().maxSize(this.maxSize)
			.minIdle(this.minIdle)
			.idleTimeout(this.idleTimeout)
			.maxLifetime(this.maxLifetime)
			.maxMessagesPerConnection(this.maxMessagesPerConnection)
			.acquireTimeout(this.acquireTimeout)
			.validateAfterIdle(this.validateAfterIdle)
			.housekeepingInterval(this.housekeepingInterval);
	}

	/**
	 * Builds {@link PoolSettings}.
	 */
	public static final class Builder {

		private int maxSize = 8;

		private int minIdle;

		private Duration idleTimeout = Duration.ofSeconds(60);

		private Duration maxLifetime = Duration.ofMinutes(10);

		private int maxMessagesPerConnection = 100;

		private Duration acquireTimeout = Duration.ofSeconds(30);

		private Duration validateAfterIdle = Duration.ofSeconds(10);

		private Duration housekeepingInterval = Duration.ofSeconds(15);

		private Builder() {
		}

		public Builder maxSize(int maxSize) {
			this.maxSize = maxSize;
			return this;
		}

		public Builder minIdle(int minIdle) {
			this.minIdle = minIdle;
			return this;
		}

		public Builder idleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
			return this;
		}

		public Builder maxLifetime(Duration maxLifetime) {
			this.maxLifetime = maxLifetime;
			return this;
		}

		public Builder maxMessagesPerConnection(int maxMessagesPerConnection) {
			this.maxMessagesPerConnection = maxMessagesPerConnection;
			return this;
		}

		public Builder acquireTimeout(Duration acquireTimeout) {
			this.acquireTimeout = acquireTimeout;
			return this;
		}

		public Builder validateAfterIdle(Duration validateAfterIdle) {
			this.validateAfterIdle = validateAfterIdle;
			return this;
		}

		public Builder housekeepingInterval(Duration housekeepingInterval) {
			this.housekeepingInterval = housekeepingInterval;
			return this;
		}

		public PoolSettings build() {
			return new PoolSettings(this.maxSize, this.minIdle, this.idleTimeout, this.maxLifetime,
					this.maxMessagesPerConnection, this.acquireTimeout, this.validateAfterIdle,
					this.housekeepingInterval);
		}

	}

}
