package dev.smtpclient.internal.pool;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import dev.smtpclient.PoolSettings;
import dev.smtpclient.PoolStats;
import dev.smtpclient.SmtpConnectionException;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpPoolTimeoutException;
import dev.smtpclient.internal.session.Session;

/**
 * The connections of one client. Idle connections are reused most recently returned
 * first, so that under light load the others go idle and are closed. Connections are
 * opened and closed outside the lock, so a slow server never blocks the sends that could
 * use an idle connection.
 */
public final class ConnectionPool implements AutoCloseable {

	private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

	private final PoolSettings settings;

	private final Supplier<Session> factory;

	private final Clock clock;

	private final SmtpEventListener events;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition available = this.lock.newCondition();

	/**
	 * Signalled when no connection is lent or being opened; apart from
	 * {@link #available}, so that a release never spends its one wake-up on a thread that
	 * waits for something else.
	 */
	private final Condition quiescent = this.lock.newCondition();

	/**
	 * Pool changes for the listener, queued under the lock and delivered after it is
	 * released: a listener (a metrics registry, a log appender) must never run while the
	 * pool is locked.
	 */
	private final ConcurrentLinkedQueue<PoolStats> changes = new ConcurrentLinkedQueue<>();

	private final ReentrantLock delivering = new ReentrantLock();

	/**
	 * Ends retired connections (QUIT, up to a few seconds each) off the thread that is
	 * sending, as HikariCP's close executor does.
	 */
	private final ThreadPoolExecutor closer;

	private final Deque<PooledConnection> idle = new ArrayDeque<>();

	private int active;

	private int opening;

	private int pending;

	private int closing;

	private long created;

	private long closed;

	private boolean shutDown;

	public ConnectionPool(PoolSettings settings, Supplier<Session> factory, Clock clock, SmtpEventListener events) {
		this.settings = settings;
		this.factory = factory;
		this.clock = clock;
		this.events = events;
		this.closer = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), (task) -> {
			Thread thread = new Thread(task, "smtpclient-closer");
			thread.setDaemon(true);
			return thread;
		});
		this.closer.allowCoreThreadTimeOut(true);
	}

	/**
	 * Lends a connection: an idle one (checked with NOOP if it has been idle long), or a
	 * new one if the pool has room, or the first one returned within the acquire timeout.
	 * @return the connection, to be given back with {@link #release(PooledConnection)}
	 * @throws SmtpPoolTimeoutException when none became free in time
	 * @throws SmtpException when a new connection could not be opened
	 */
	public PooledConnection acquire() {
		long deadline = System.nanoTime() + this.settings.acquireTimeout().toNanos();
		while (true) {
			List<PooledConnection> stale = new ArrayList<>();
			PooledConnection candidate = null;
			boolean open = false;
			this.lock.lock();
			try {
				while (candidate == null && !open) {
					requireRunning();
					long now = this.clock.millis();
					PooledConnection next;
					while (candidate == null && (next = this.idle.pollFirst()) != null) {
						if (next.isExpired(now) || next.idleMillis(now) >= this.settings.idleTimeout().toMillis()
								|| !next.connection().isUsable()) {
							stale.add(next);
						}
						else {
							candidate = next;
						}
					}
					if (candidate == null && total() < this.settings.maxSize()) {
						open = true;
					}
					if (candidate == null && !open) {
						if (!stale.isEmpty()) {
							break;
						}
						long remaining = deadline - System.nanoTime();
						if (remaining <= 0) {
							throw new SmtpPoolTimeoutException(this.settings.acquireTimeout(), statsLocked());
						}
						this.pending++;
						publish();
						try {
							this.available.awaitNanos(remaining);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							throw new SmtpConnectionException(SmtpPhase.CONNECT,
									"interrupted while waiting for a connection", ex);
						}
						finally {
							this.pending--;
						}
					}
				}
				this.closing += stale.size();
				if (candidate != null) {
					this.active++;
				}
				else if (open) {
					this.opening++;
				}
				publish();
			}
			finally {
				this.lock.unlock();
				deliverChanges();
			}
			retireLater(stale);
			if (candidate != null) {
				if (validate(candidate)) {
					return candidate;
				}
				continue;
			}
			if (open) {
				return openNew();
			}
		}
	}

	private boolean validate(PooledConnection candidate) {
		long now = this.clock.millis();
		if (candidate.idleMillis(now) < this.settings.validateAfterIdle().toMillis()) {
			return true;
		}
		try {
			candidate.connection().noop();
			return true;
		}
		catch (SmtpException ex) {
			// the server dropped it while idle; noop() has closed it
			discard(candidate);
			return false;
		}
	}

	private PooledConnection openNew() {
		Session connection;
		try {
			connection = this.factory.get();
		}
		catch (RuntimeException ex) {
			this.lock.lock();
			try {
				this.opening--;
				this.available.signal();
				signalIfQuiescent();
				publish();
			}
			finally {
				this.lock.unlock();
				deliverChanges();
			}
			throw ex;
		}
		long now = this.clock.millis();
		long lifetime = this.settings.maxLifetime().toMillis();
		// up to 2.5% less, so connections opened together do not all retire together
		long jitter = (long) (lifetime * 0.025 * ThreadLocalRandom.current().nextDouble());
		PooledConnection pooled = new PooledConnection(connection, now, lifetime - jitter);
		this.lock.lock();
		try {
			this.opening--;
			this.active++;
			this.created++;
			publish();
		}
		finally {
			this.lock.unlock();
			deliverChanges();
		}
		return pooled;
	}

	/**
	 * Takes a connection back. It goes back to the idle set if it is usable, under its
	 * message cap and lifetime, and the pool is running; otherwise it is closed.
	 * @param pooled the connection
	 */
	public void release(PooledConnection pooled) {
		Session connection = pooled.connection();
		long now = this.clock.millis();
		boolean keep = connection.isUsable() && connection.messagesSent() < this.settings.maxMessagesPerConnection()
				&& !pooled.isExpired(now);
		boolean retire;
		this.lock.lock();
		try {
			this.active--;
			// decided under the lock: close() takes every idle connection, so one kept
			// here after shutdown
			// would be closed twice
			retire = !keep || this.shutDown;
			if (retire) {
				this.closing++;
			}
			else {
				pooled.returned(now);
				this.idle.addFirst(pooled);
				this.available.signal();
			}
			signalIfQuiescent();
			publish();
		}
		finally {
			this.lock.unlock();
			deliverChanges();
		}
		if (retire) {
			retireLater(List.of(pooled));
		}
	}

	/**
	 * A lent connection that must not come back (its state is unknown).
	 */
	public void discard(PooledConnection pooled) {
		pooled.connection().abort();
		this.lock.lock();
		try {
			this.active--;
			this.closed++;
			this.available.signal();
			signalIfQuiescent();
			publish();
		}
		finally {
			this.lock.unlock();
			deliverChanges();
		}
	}

	/**
	 * Opens one connection now and adds it to the idle set.
	 * @throws SmtpException when it cannot be opened
	 */
	public void prime() {
		release(acquireNew());
	}

	private PooledConnection acquireNew() {
		this.lock.lock();
		try {
			requireRunning();
			if (total() >= this.settings.maxSize()) {
				PooledConnection existing = this.idle.pollFirst();
				if (existing != null) {
					this.active++;
					return existing;
				}
				throw new SmtpPoolTimeoutException(Duration.ZERO, statsLocked());
			}
			this.opening++;
		}
		finally {
			this.lock.unlock();
		}
		return openNew();
	}

	/**
	 * Closes idle connections past their idle timeout or lifetime, then opens connections
	 * up to the minimum idle. Run by the housekeeper; callable directly (tests drive it
	 * with their own clock).
	 */
	public void housekeep() {
		List<PooledConnection> stale = new ArrayList<>();
		int missing;
		this.lock.lock();
		try {
			if (this.shutDown) {
				return;
			}
			long now = this.clock.millis();
			int keepable = this.idle.size();
			for (var iterator = this.idle.descendingIterator(); iterator.hasNext();) {
				PooledConnection pooled = iterator.next();
				boolean idleTooLong = pooled.idleMillis(now) >= this.settings.idleTimeout().toMillis()
						&& keepable > this.settings.minIdle();
				if (pooled.isExpired(now) || idleTooLong || !pooled.connection().isUsable()) {
					iterator.remove();
					stale.add(pooled);
					keepable--;
				}
			}
			this.closing += stale.size();
			missing = Math.min(this.settings.minIdle() - this.idle.size(), this.settings.maxSize() - total());
			publish();
		}
		finally {
			this.lock.unlock();
			deliverChanges();
		}
		retire(stale);
		for (int i = 0; i < missing; i++) {
			try {
				prime();
			}
			catch (SmtpException ex) {
				// the server is unreachable now; the next round tries again
				break;
			}
		}
	}

	/**
	 * Closes the idle connections (the seed's {@code disconnect()}); lent ones close when
	 * they come back.
	 */
	public void closeIdle() {
		List<PooledConnection> all;
		this.lock.lock();
		try {
			all = new ArrayList<>(this.idle);
			this.idle.clear();
			this.closing += all.size();
			publish();
		}
		finally {
			this.lock.unlock();
			deliverChanges();
		}
		retire(all);
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			this.shutDown = true;
			this.available.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		closeIdle();
		// the connections already handed to the closer still say QUIT, each within its
		// own short bound
		this.closer.shutdown();
		try {
			this.closer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits until no connection is lent, for a graceful shutdown.
	 * @param timeout the longest wait
	 * @return whether every connection came back
	 */
	public boolean awaitQuiescence(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		this.lock.lock();
		try {
			while (this.active + this.opening > 0) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return false;
				}
				this.quiescent.await(remaining, TimeUnit.NANOSECONDS);
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

	public PoolStats stats() {
		this.lock.lock();
		try {
			return statsLocked();
		}
		finally {
			this.lock.unlock();
		}
	}

	private PoolStats statsLocked() {
		return new PoolStats(this.active + this.opening, this.idle.size(), this.pending, this.settings.maxSize(),
				this.created, this.closed);
	}

	/**
	 * Connections count against the maximum until their socket is really closed.
	 */
	private int total() {
		return this.active + this.opening + this.idle.size() + this.closing;
	}

	private void requireRunning() {
		if (this.shutDown) {
			throw new IllegalStateException("the client is closed");
		}
	}

	private void signalIfQuiescent() {
		if (this.active + this.opening == 0) {
			this.quiescent.signalAll();
		}
	}

	/**
	 * Queues the current stats for the listener; called under the lock.
	 */
	private void publish() {
		this.changes.add(statsLocked());
	}

	/**
	 * Hands the queued changes to the listener, in order, one thread at a time; called
	 * after the lock is released.
	 */
	private void deliverChanges() {
		while (!this.changes.isEmpty() && this.delivering.tryLock()) {
			try {
				PoolStats stats;
				while ((stats = this.changes.poll()) != null) {
					this.events.poolChanged(stats);
				}
			}
			finally {
				this.delivering.unlock();
			}
		}
	}

	/**
	 * Ends connections on the closer's thread, so that no sender waits for their QUIT;
	 * their places stay taken until they are closed.
	 */
	private void retireLater(List<PooledConnection> connections) {
		if (connections.isEmpty()) {
			return;
		}
		try {
			this.closer.execute(() -> retire(connections));
		}
		catch (RejectedExecutionException ex) {
			// the pool is closing: end them here
			retire(connections);
		}
	}

	/**
	 * Ends connections gracefully (QUIT) outside the lock, then frees their places.
	 */
	private void retire(List<PooledConnection> connections) {
		if (connections.isEmpty()) {
			return;
		}
		for (PooledConnection pooled : connections) {
			pooled.connection().close();
		}
		this.lock.lock();
		try {
			this.closing -= connections.size();
			this.closed += connections.size();
			this.available.signalAll();
			publish();
		}
		finally {
			this.lock.unlock();
			deliverChanges();
		}
	}

}
