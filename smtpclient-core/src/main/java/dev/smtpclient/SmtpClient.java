package dev.smtpclient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.internal.pool.BatchSender;
import dev.smtpclient.internal.pool.ConnectionPool;
import dev.smtpclient.internal.pool.PooledConnection;
import dev.smtpclient.internal.pool.RateLimiter;
import dev.smtpclient.internal.session.CompositeEventListener;
import dev.smtpclient.internal.session.Session;

/**
 * A thread-safe SMTP client that keeps a pool of connections, each greeted, secured and
 * authenticated once and then reused for many messages.
 * <p>
 * {@code SmtpClient.create("esmtptls://user:secret@smtp.example.com")} gives a client
 * with the defaults; use {@link #builder(String)} for everything else. Close it when
 * done: {@link #close()} ends every connection with QUIT.
 */
public final class SmtpClient implements AutoCloseable {

	private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

	private final ConnectionSettings connectionSettings;

	private final PoolSettings poolSettings;

	private final RetryPolicy retryPolicy;

	private final @Nullable SendRateLimiter rateLimiter;

	private final ConnectionPool pool;

	private final Executor executor;

	private final @Nullable ExecutorService ownedExecutor;

	private final @Nullable ScheduledExecutorService housekeeper;

	private final Clock clock;

	private final dev.smtpclient.dkim.@Nullable DkimSigner dkimSigner;

	private final AtomicBoolean closed = new AtomicBoolean();

	SmtpClient(SmtpClientBuilder builder) {
		this.connectionSettings = builder.connectionSettings();
		this.poolSettings = builder.poolSettings();
		this.retryPolicy = builder.retryPolicy();
		this.rateLimiter = (builder.rateLimiter() != null) ? builder.rateLimiter()
				: (builder.rateLimit() > 0) ? new RateLimiter(builder.rateLimit()) : null;
		this.dkimSigner = builder.dkimSigner();
		SmtpEventListener events = CompositeEventListener.shield(this.connectionSettings.eventListener(),
				this.connectionSettings.debugLog());
		Clock clock = builder.clock();
		this.clock = clock;
		this.pool = new ConnectionPool(this.poolSettings, () -> Session.open(this.connectionSettings), clock, events);
		if (builder.executor() != null) {
			this.executor = builder.executor();
			this.ownedExecutor = null;
		}
		else {
			this.ownedExecutor = Executors.defaultFor(this.poolSettings.maxSize());
			this.executor = this.ownedExecutor;
		}
		if (builder.housekeeping()) {
			ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "smtpclient-housekeeper");
				thread.setDaemon(true);
				return thread;
			});
			long interval = this.poolSettings.housekeepingInterval().toMillis();
			scheduler.scheduleWithFixedDelay(this.pool::housekeep, interval, interval, TimeUnit.MILLISECONDS);
			this.housekeeper = scheduler;
		}
		else {
			this.housekeeper = null;
		}
	}

	/**
	 * A client with default settings for the URL.
	 * @param url the URL, see {@link SmtpUrl}
	 * @return the client
	 */
	public static SmtpClient create(String url) {
		return builder(url).build();
	}

	public static SmtpClientBuilder builder(String url) {
		return new SmtpClientBuilder(ConnectionSettings.builder(url));
	}

	public static SmtpClientBuilder builder(ConnectionSettings settings) {
		return new SmtpClientBuilder(settings.toBuilder());
	}

	/**
	 * Sends a message over a pooled connection, retrying per the retry policy.
	 * @param envelope the sender and recipients
	 * @param content the message
	 * @return the result; {@link SendResult#attempts()} says how many attempts it took
	 * @throws SmtpException when the message could not be sent (see its subclasses)
	 */
	public SendResult send(Envelope envelope, MessageContent content) {
		requireOpen();
		content.checkSendable();
		content = prepare(content);
		int staleRetries = 0;
		boolean permitHeld = false;
		for (int attempt = 1;; attempt++) {
			if (this.rateLimiter != null && !permitHeld) {
				RateLimiter.acquireOrFail(this.rateLimiter);
				permitHeld = true;
			}
			try {
				return sendOnce(envelope, content).withAttempts(attempt);
			}
			catch (StaleConnectionException stale) {
				// a reused connection the server had dropped while it sat idle: the
				// message never left, so it
				// goes again at once on another connection, whatever the retry policy
				// (bounded by the pool size),
				// and with the rate limiter's permit it already holds
				if (++staleRetries > this.poolSettings.maxSize() || this.closed.get()) {
					throw stale.failure;
				}
				attempt--;
			}
			catch (SmtpException ex) {
				// a real attempt: the next one waits for its own permit and may again
				// replace stale connections
				permitHeld = false;
				staleRetries = 0;
				if (attempt >= this.retryPolicy.maxAttempts() || !RetryPolicy.isRetryable(ex) || this.closed.get()) {
					if (attempt > 1) {
						ex.addSuppressed(new SmtpException(ex.phase(), "gave up after " + attempt + " attempts"));
					}
					throw ex;
				}
				RateLimiter.sleep(this.retryPolicy.backoffBefore(attempt + 1));
			}
		}
	}

	/**
	 * Sends a message over a pooled connection, retrying per the retry policy.
	 * @param mail the message, for example a
	 * {@link dev.smtpclient.message.ComposedMessage}
	 * @return the result; {@link SendResult#attempts()} says how many attempts it took
	 * @throws SmtpException when the message could not be sent (see its subclasses)
	 */
	public SendResult send(Mail mail) {
		return send(mail.envelope(), mail.content());
	}

	/**
	 * Alias of {@link #send(Mail)} for a {@link dev.smtpclient.message.Message} as it is
	 * now (a snapshot: later changes do not affect it).
	 * @param message the message
	 * @return the result
	 */
	public SendResult sendMessage(dev.smtpclient.message.Message message) {
		return send(message.snapshot());
	}

	/**
	 * Alias of {@link #send(Mail)}.
	 * @param mail the message
	 * @return the result
	 */
	public SendResult sendMessage(Mail mail) {
		return send(mail);
	}

	private SendResult sendOnce(Envelope envelope, MessageContent content) {
		PooledConnection pooled = this.pool.acquire();
		boolean reused = pooled.wasIdle();
		try {
			SendResult result = pooled.connection().send(envelope, content);
			this.pool.release(pooled);
			return result;
		}
		catch (SmtpException ex) {
			this.pool.release(pooled);
			if (reused && isStale(ex, pooled.connection())) {
				throw new StaleConnectionException(ex);
			}
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			this.pool.discard(pooled);
			throw ex;
		}
	}

	/**
	 * Signs the content when DKIM is configured: once, before any attempt, so every
	 * attempt sends the same bytes.
	 */
	private MessageContent prepare(MessageContent content) {
		if (this.dkimSigner == null) {
			return content;
		}
		try {
			return this.dkimSigner.sign(content);
		}
		catch (java.io.IOException ex) {
			throw new SmtpException(SmtpPhase.MESSAGE, "could not read the message to sign it: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether a failure shows the server had closed the connection while it sat idle: at
	 * MAIL, the first command of the transaction, the connection broke at once (I/O error
	 * or 421), so nothing was delivered. A timeout is no sign of that: it is a slow
	 * server, and sending again at once would only load it more.
	 */
	private static boolean isStale(SmtpException failure, Session connection) {
		if (connection.isUsable() || failure.phase() != SmtpPhase.MAIL || failure instanceof SmtpTimeoutException) {
			return false;
		}
		return failure instanceof SmtpConnectionException
				|| (failure instanceof SmtpReplyException reply && reply.replyCode() == 421);
	}

	private static final class StaleConnectionException extends RuntimeException {

		private final SmtpException failure;

		StaleConnectionException(SmtpException failure) {
			super(null, null, false, false);
			this.failure = failure;
		}

	}

	/**
	 * Sends on the client's executor.
	 * @param mail the message
	 * @return the result, or the {@link SmtpException} as the future's failure
	 */
	public CompletableFuture<SendResult> sendAsync(Mail mail) {
		requireOpen();
		return CompletableFuture.supplyAsync(() -> send(mail), this.executor);
	}

	/**
	 * Sends a batch over the pool and waits for all of it. Up to the pool's size of
	 * connections work through the batch at once, each sending message after message;
	 * where the server offers PIPELINING, each message's commands travel in the same
	 * write as the previous message's data. A message that fails in a way the retry
	 * policy allows is tried again on its own; one whose end of data may have reached the
	 * server ({@link OutcomeUnknownException}) never is. Every message gets an outcome,
	 * also one that could not be prepared (DKIM signing content without a From) or was
	 * not sent because a worker was interrupted.
	 * @param mails the messages
	 * @return one outcome per message, in order
	 */
	public List<SendOutcome> sendAll(List<? extends Mail> mails) {
		requireOpen();
		return new BatchSender(new BatchSender.Context(this.pool, this.poolSettings, this.retryPolicy, this.rateLimiter,
				this.executor, this.clock, this.dkimSigner != null, this::prepare, this::send), mails)
			.run();
	}

	/**
	 * Opens and handshakes one connection now, so configuration errors show at start-up
	 * rather than at the first send.
	 * @throws SmtpException when the connection cannot be opened
	 */
	public void connect() {
		requireOpen();
		this.pool.prime();
	}

	/**
	 * Closes the idle connections. The client stays usable.
	 */
	public void disconnect() {
		this.pool.closeIdle();
	}

	/**
	 * Whether a connection is open (always true in test mode).
	 * @return whether connected
	 */
	public boolean isConnected() {
		return this.connectionSettings.testMode() || this.pool.stats().open() > 0;
	}

	/**
	 * Whether this client is in test mode (no network).
	 * @return the test flag
	 */
	public boolean test() {
		return this.connectionSettings.testMode();
	}

	/**
	 * One round of the housekeeper now: close idle and expired connections, open up to
	 * the minimum idle.
	 */
	void housekeep() {
		this.pool.housekeep();
	}

	public PoolStats stats() {
		return this.pool.stats();
	}

	public ConnectionSettings connectionSettings() {
		return this.connectionSettings;
	}

	public PoolSettings poolSettings() {
		return this.poolSettings;
	}

	/**
	 * Closes the client: no new sends, sends under way may finish for a few seconds, then
	 * every connection ends with QUIT. Idempotent.
	 */
	@Override
	public void close() {
		close(CLOSE_GRACE);
	}

	/**
	 * Closes the client gracefully: from now on new sends are refused, sends under way
	 * (and those already waiting for a connection) get up to the grace to finish, then
	 * every idle connection ends with QUIT and a connection still lent ends when its send
	 * returns. Idempotent: a second call returns at once.
	 * @param grace the longest wait for sends under way
	 * @return whether every send under way finished within the grace ({@code false} also
	 * when already closed)
	 */
	public boolean close(Duration grace) {
		if (!this.closed.compareAndSet(false, true)) {
			return false;
		}
		if (this.housekeeper != null) {
			this.housekeeper.shutdownNow();
		}
		boolean drained = this.pool.awaitQuiescence(grace);
		this.pool.close();
		if (this.ownedExecutor != null) {
			this.ownedExecutor.shutdown();
		}
		return drained;
	}

	private void requireOpen() {
		if (this.closed.get()) {
			throw new IllegalStateException("the client is closed");
		}
	}

	@Override
	public String toString() {
		return "SmtpClient[" + this.connectionSettings + ", " + this.poolSettings + "]";
	}

	/**
	 * The default executor for async sends: virtual threads where the JVM has them (21+),
	 * otherwise a pool of daemon threads as large as the connection pool.
	 */
	static final class Executors {

		private Executors() {
		}

		static ExecutorService defaultFor(int size) {
			try {
				return (ExecutorService) java.util.concurrent.Executors.class
					.getMethod("newVirtualThreadPerTaskExecutor")
					.invoke(null);
			}
			catch (ReflectiveOperationException ex) {
				return java.util.concurrent.Executors.newFixedThreadPool(size, (task) -> {
					Thread thread = new Thread(task, "smtpclient-send");
					thread.setDaemon(true);
					return thread;
				});
			}
		}

	}

}
