package dev.smtpclient.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.Envelope;
import dev.smtpclient.InvalidInputException;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SendOutcome;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.outbox.OutboxStore.Claimed;
import dev.smtpclient.outbox.OutboxStore.Outcome;

/**
 * A durable outbox: {@link #enqueue(Mail)} stores a message in the {@code smtp_outbox}
 * table, in the caller's transaction, and the workers {@link #start()} begins claim due
 * messages and send them through the pooled {@link SmtpClient}, on every instance that
 * shares the database.
 * <p>
 * Each message gets one recorded outcome: {@link OutboxState#SENT sent},
 * {@link OutboxState#FAILED failed}, {@link OutboxState#RETRYING retrying} later, or
 * {@link OutboxState#UNKNOWN outcome unknown}. A message whose outcome is unknown (the
 * data went out but no reply came, or the instance sending it stopped) is not sent again
 * unless {@link Builder#resendUnknown(boolean)} is set, since the server may already have
 * it.
 * <p>
 * A worker holds the messages it claimed under a lease that it renews while it lives;
 * when an instance stops, the others find its expired leases and record those messages as
 * outcome unknown.
 */
public final class SmtpOutbox implements AutoCloseable {

	// the column's size; RFC 5321 allows a reverse path of 256 octets
	private static final int MAX_SENDER_LENGTH = 1000;

	private static final System.Logger logger = System.getLogger(SmtpOutbox.class.getName());

	private final OutboxStore store;

	private final @Nullable SmtpClient client;

	private final Clock clock;

	private final String instanceId;

	private final int batchSize;

	private final int workers;

	private final Duration pollInterval;

	private final Duration lease;

	private final Duration retention;

	private final long maxMessageSize;

	private final boolean resendUnknown;

	private final AttemptOutcomes outcomes;

	private final Map<OutboxState, LongAdder> recorded = new EnumMap<>(OutboxState.class);

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicInteger activeRounds = new AtomicInteger();

	private volatile @Nullable ScheduledExecutorService scheduler;

	private SmtpOutbox(Builder builder) {
		this.store = new OutboxStore(builder.dataSource);
		this.client = builder.client;
		this.clock = builder.clock;
		this.instanceId = (builder.instanceId != null) ? builder.instanceId : UUID.randomUUID().toString();
		this.batchSize = builder.batchSize;
		this.workers = builder.workers;
		this.pollInterval = builder.pollInterval;
		this.lease = builder.lease;
		this.retention = builder.retention;
		this.maxMessageSize = builder.maxMessageSize;
		this.resendUnknown = builder.resendUnknown;
		this.outcomes = new AttemptOutcomes(builder.maxAttempts, builder.initialBackoff, builder.maxBackoff,
				builder.resendUnknown);
		for (OutboxState state : List.of(OutboxState.SENT, OutboxState.FAILED, OutboxState.RETRYING,
				OutboxState.UNKNOWN)) {
			this.recorded.put(state, new LongAdder());
		}
	}

	/**
	 * A builder for an outbox on the given database.
	 * @param dataSource the database holding the {@code smtp_outbox} table; wrap it in
	 * Spring's {@code TransactionAwareDataSourceProxy} for {@link #enqueue(Mail)} to join
	 * Spring-managed transactions
	 * @return the builder
	 */
	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	/**
	 * Stores a message, on a connection of the outbox's data source: in the transaction
	 * that connection is part of (with Spring's {@code TransactionAwareDataSourceProxy},
	 * the current transaction), else on its own, which needs the data source's
	 * connections to be in auto-commit mode outside a transaction (the default of JDBC
	 * and of connection pools): nothing here commits.
	 * @param mail the message; its content must have a Message-ID header
	 * @return the id to ask {@link #status(UUID)} about
	 * @throws InvalidInputException when the message could never be sent; nothing is
	 * stored then
	 * @throws OutboxException when the database fails
	 */
	public UUID enqueue(Mail mail) {
		Prepared prepared = prepare(mail);
		try (Connection connection = this.store.dataSource().getConnection()) {
			return insert(connection, prepared);
		}
		catch (SQLException ex) {
			throw new OutboxException("could not store the message in the outbox", ex);
		}
	}

	/**
	 * Stores a message on the caller's connection, in its transaction: the message exists
	 * if and only if the caller commits. The connection is neither committed nor closed.
	 * @param connection the caller's connection to the outbox's database
	 * @param mail the message; its content must have a Message-ID header
	 * @return the id to ask {@link #status(UUID)} about
	 * @throws InvalidInputException when the message could never be sent; nothing is
	 * stored then
	 * @throws OutboxException when the database fails
	 */
	public UUID enqueue(Connection connection, Mail mail) {
		Objects.requireNonNull(connection, "connection");
		Prepared prepared = prepare(mail);
		try {
			return insert(connection, prepared);
		}
		catch (SQLException ex) {
			throw new OutboxException("could not store the message in the outbox", ex);
		}
	}

	private UUID insert(Connection connection, Prepared prepared) throws SQLException {
		UUID id = UUID.randomUUID();
		this.store.insert(connection, id, prepared.messageId(), prepared.envelope(), prepared.content(),
				this.clock.instant());
		return id;
	}

	/**
	 * The checks {@code send} makes before anything reaches the wire, made here so that
	 * bad input never reaches the table: an envelope (whose addresses {@link Envelope}
	 * checked), content that can be read, and a Message-ID.
	 */
	private Prepared prepare(Mail mail) {
		if (mail == null || mail.envelope() == null || mail.content() == null) {
			throw new InvalidInputException("mail", "an envelope and content are required");
		}
		Envelope envelope = mail.envelope();
		if (envelope.sender().length() > MAX_SENDER_LENGTH) {
			throw new InvalidInputException("sender", "is longer than " + MAX_SENDER_LENGTH + " characters");
		}
		MessageContent content = mail.content();
		content.checkSendable();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			content.writeTo(bytes);
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidInputException("content", "could not be read: " + ex.getMessage());
		}
		if (bytes.size() == 0) {
			throw new InvalidInputException("content", "is empty");
		}
		if (bytes.size() > this.maxMessageSize) {
			throw new InvalidInputException("content",
					"is " + bytes.size() + " octets, more than the outbox's " + "limit of " + this.maxMessageSize);
		}
		byte[] message = bytes.toByteArray();
		// content written by another implementation is checked only as it is written:
		// its octets, now in hand, are checked before they are stored
		MessageContent measured = MessageContent.ofBytes(message);
		measured.checkSendable();
		String messageId = MessageIdHeader.read(message);
		return new Prepared(envelope,
				new StoredContent(message, measured.size(), content.isEightBit(), content.needsSmtpUtf8()), messageId);
	}

	/**
	 * Where a message stands now.
	 * @param id the id {@link #enqueue} returned
	 * @return its status, or empty when there is no such message (never stored, or sent
	 * and deleted by the retention policy)
	 */
	public Optional<OutboxStatus> status(UUID id) {
		try {
			return this.store.status(id);
		}
		catch (SQLException ex) {
			throw new OutboxException("could not read the message's status", ex);
		}
	}

	/**
	 * Counts the whole table by state, and the age of the oldest due message.
	 * @return the snapshot
	 */
	public OutboxStats stats() {
		try {
			return this.store.stats(this.clock.instant());
		}
		catch (SQLException ex) {
			throw new OutboxException("could not count the outbox", ex);
		}
	}

	/**
	 * How many attempts this instance recorded with each outcome since it started:
	 * {@code SENT}, {@code FAILED}, {@code RETRYING} and {@code UNKNOWN}.
	 * @return the counts
	 */
	public Map<OutboxState, Long> recordedOutcomes() {
		Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
		this.recorded.forEach((state, count) -> counts.put(state, count.sum()));
		return counts;
	}

	public String instanceId() {
		return this.instanceId;
	}

	/**
	 * Whether this outbox has a client to send with, and so can {@link #start()}.
	 * @return whether it can deliver
	 */
	public boolean canDeliver() {
		return this.client != null;
	}

	/**
	 * Sends every message due now, in batches, on the calling thread, and returns when
	 * none is left. The workers of {@link #start()} do the same on a schedule.
	 * @return how many messages were attempted
	 */
	public int deliverDue() {
		requireClient();
		int attempted = 0;
		this.activeRounds.incrementAndGet();
		try {
			recoverExpired();
			while (!this.closed.get()) {
				Instant now = this.clock.instant();
				List<Claimed> batch = this.store.claim(this.instanceId, now, now.plus(this.lease), this.batchSize);
				if (batch.isEmpty()) {
					break;
				}
				attempted += batch.size();
				send(batch);
				if (batch.size() < this.batchSize) {
					break;
				}
			}
		}
		catch (SQLException ex) {
			throw new OutboxException("could not claim due messages", ex);
		}
		finally {
			this.activeRounds.decrementAndGet();
		}
		return attempted;
	}

	private void send(List<Claimed> batch) throws SQLException {
		List<Mail> mails = new ArrayList<>(batch.size());
		for (Claimed message : batch) {
			mails.add(Mail.of(message.envelope(), message.content()));
		}
		List<Outcome> results = new ArrayList<>(batch.size());
		try {
			List<SendOutcome> sent = this.client.sendAll(mails);
			Instant now = this.clock.instant();
			for (int i = 0; i < batch.size(); i++) {
				SendOutcome outcome = sent.get(i);
				results.add(outcome.isSuccess() ? this.outcomes.sent(batch.get(i), outcome.result(), now)
						: this.outcomes.failed(batch.get(i), outcome.error(), now));
			}
		}
		catch (RuntimeException ex) {
			Instant now = this.clock.instant();
			for (Claimed message : batch) {
				results.add(this.outcomes.broken(message, ex, now));
			}
		}
		this.store.record(results);
		for (Outcome outcome : results) {
			this.recorded.get(outcome.state()).increment();
		}
	}

	/**
	 * Records messages held under an expired lease as outcome unknown (or due again, when
	 * unknown outcomes are resent).
	 * @return how many were found
	 */
	public int recoverExpired() {
		try {
			int recovered = this.store.recoverExpired(this.clock.instant(), this.resendUnknown);
			if (recovered > 0) {
				this.recorded.get(this.resendUnknown ? OutboxState.RETRYING : OutboxState.UNKNOWN).add(recovered);
				logger.log(System.Logger.Level.WARNING,
						"{0} outbox message(s) were held by an instance that " + "stopped; recorded as {1}", recovered,
						this.resendUnknown ? "due again" : "outcome unknown");
			}
			return recovered;
		}
		catch (SQLException ex) {
			throw new OutboxException("could not recover expired leases", ex);
		}
	}

	/**
	 * Deletes sent messages older than the retention period.
	 * @return how many were deleted
	 */
	public int purgeSent() {
		try {
			return this.store.purgeSent(this.clock.instant().minus(this.retention));
		}
		catch (SQLException ex) {
			throw new OutboxException("could not delete sent messages", ex);
		}
	}

	/**
	 * Starts the workers: each polls for due messages at the poll interval, the lease of
	 * claimed messages is renewed at a third of its length, and sent messages past
	 * retention are deleted once a minute.
	 */
	public synchronized void start() {
		requireClient();
		if (this.closed.get() || this.scheduler != null) {
			throw new IllegalStateException("the outbox was already started or closed");
		}
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(this.workers + 1, (task) -> {
			Thread thread = new Thread(task, "smtpclient-outbox");
			thread.setDaemon(true);
			return thread;
		});
		long poll = this.pollInterval.toMillis();
		for (int i = 0; i < this.workers; i++) {
			scheduler.scheduleWithFixedDelay(() -> quietly("deliver", this::deliverDue), i * poll / this.workers, poll,
					TimeUnit.MILLISECONDS);
		}
		long renew = Math.max(1, this.lease.toMillis() / 3);
		scheduler.scheduleWithFixedDelay(() -> quietly("renew leases", this::renewLeases), renew, renew,
				TimeUnit.MILLISECONDS);
		scheduler.scheduleWithFixedDelay(() -> quietly("purge", this::purgeSent), 1, 60, TimeUnit.SECONDS);
		this.scheduler = scheduler;
	}

	private int renewLeases() {
		try {
			return this.store.renewLeases(this.instanceId, this.clock.instant().plus(this.lease));
		}
		catch (SQLException ex) {
			throw new OutboxException("could not renew leases", ex);
		}
	}

	private void quietly(String what, java.util.function.IntSupplier task) {
		try {
			task.getAsInt();
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING, "outbox " + what + " failed; trying again at the next round", ex);
		}
	}

	private void requireClient() {
		if (this.client == null) {
			throw new IllegalStateException("this outbox only enqueues: it was built without a client");
		}
	}

	/**
	 * Stops the workers, letting batches under way finish and record their outcomes. The
	 * client is not closed.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdown();
			try {
				if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
					scheduler.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				scheduler.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public String toString() {
		return "SmtpOutbox[instance=" + this.instanceId + ", workers=" + this.workers + ", batch=" + this.batchSize
				+ "]";
	}

	private record Prepared(Envelope envelope, StoredContent content, String messageId) {
	}

	/**
	 * Builds an {@link SmtpOutbox}. Defaults: batches of 50, 2 workers, polling every
	 * second, a 30-second lease, 10 attempts with a backoff from 30 seconds doubling up
	 * to an hour, sent messages kept 7 days, messages up to 25 MiB, unknown outcomes not
	 * resent.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private @Nullable SmtpClient client;

		private Clock clock = Clock.systemUTC();

		private @Nullable String instanceId;

		private int batchSize = 50;

		private int workers = 2;

		private Duration pollInterval = Duration.ofSeconds(1);

		private Duration lease = Duration.ofSeconds(30);

		private int maxAttempts = 10;

		private Duration initialBackoff = Duration.ofSeconds(30);

		private Duration maxBackoff = Duration.ofHours(1);

		private Duration retention = Duration.ofDays(7);

		private long maxMessageSize = 25L * 1024 * 1024;

		private boolean resendUnknown;

		private Builder(DataSource dataSource) {
			this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		}

		/**
		 * The client that sends; without one the outbox only enqueues (and reports
		 * status).
		 * @param client the client
		 * @return this builder
		 */
		public Builder client(SmtpClient client) {
			this.client = client;
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * The name this instance claims messages under; a random UUID by default. Must
		 * differ between instances.
		 * @param instanceId the name
		 * @return this builder
		 */
		public Builder instanceId(String instanceId) {
			if (instanceId == null || instanceId.isBlank() || instanceId.length() > 200) {
				throw new InvalidInputException("instanceId", "must be 1 to 200 characters");
			}
			this.instanceId = instanceId;
			return this;
		}

		public Builder batchSize(int batchSize) {
			this.batchSize = positive("batchSize", batchSize);
			return this;
		}

		public Builder workers(int workers) {
			this.workers = positive("workers", workers);
			return this;
		}

		public Builder pollInterval(Duration pollInterval) {
			this.pollInterval = positive("pollInterval", pollInterval);
			return this;
		}

		/**
		 * How long claimed messages stay with this instance without a renewal; after
		 * that, other instances record them as outcome unknown.
		 * @param lease the lease
		 * @return this builder
		 */
		public Builder lease(Duration lease) {
			this.lease = positive("lease", lease);
			return this;
		}

		public Builder maxAttempts(int maxAttempts) {
			this.maxAttempts = positive("maxAttempts", maxAttempts);
			return this;
		}

		public Builder backoff(Duration initial, Duration max) {
			this.initialBackoff = positive("backoff.initial", initial);
			this.maxBackoff = positive("backoff.max", max);
			return this;
		}

		/**
		 * How long sent messages stay in the table.
		 * @param retention the retention period
		 * @return this builder
		 */
		public Builder retention(Duration retention) {
			this.retention = positive("retention", retention);
			return this;
		}

		public Builder maxMessageSize(long octets) {
			if (octets <= 0) {
				throw new InvalidInputException("maxMessageSize", "must be positive");
			}
			this.maxMessageSize = octets;
			return this;
		}

		/**
		 * Whether a message whose outcome is unknown is sent again. Off by default: the
		 * server may already have it, and a second attempt may deliver it twice.
		 * @param resendUnknown whether to resend
		 * @return this builder
		 */
		public Builder resendUnknown(boolean resendUnknown) {
			this.resendUnknown = resendUnknown;
			return this;
		}

		public SmtpOutbox build() {
			return new SmtpOutbox(this);
		}

		private static int positive(String field, int value) {
			if (value <= 0) {
				throw new InvalidInputException(field, "must be positive");
			}
			return value;
		}

		private static Duration positive(String field, Duration value) {
			if (value == null || value.isNegative() || value.isZero()) {
				throw new InvalidInputException(field, "must be a positive duration");
			}
			return value;
		}

	}

}
