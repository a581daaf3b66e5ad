package dev.smtpclient.internal.transport;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket whose write or TLS handshake blocks too long. Java's blocking sockets
 * have no write timeout, so a server that stops reading would otherwise hold the writing
 * thread forever.
 */
final class Watchdog {

	private static final ScheduledThreadPoolExecutor SCHEDULER = createScheduler();

	private static final long SWEEP_NANOS = 50_000_000L;

	private static final Set<WriteDeadline> WRITES = ConcurrentHashMap.newKeySet();

	static {
		// writes are many and short: instead of scheduling a task per write, one sweep
		// looks at every connection's
		// current write deadline a few times a second
		SCHEDULER.scheduleWithFixedDelay(Watchdog::sweep, SWEEP_NANOS, SWEEP_NANOS, TimeUnit.NANOSECONDS);
	}

	private Watchdog() {
	}

	private static ScheduledThreadPoolExecutor createScheduler() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "smtpclient-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setRemoveOnCancelPolicy(true);
		return scheduler;
	}

	/**
	 * A connection's write deadline: 0 while no write is under way.
	 */
	interface WriteDeadline {

		long writeDeadlineNanos();

		void expire();

	}

	static void watch(WriteDeadline writes) {
		WRITES.add(writes);
	}

	static void unwatch(WriteDeadline writes) {
		WRITES.remove(writes);
	}

	private static void sweep() {
		long now = System.nanoTime();
		for (WriteDeadline writes : WRITES) {
			long deadline = writes.writeDeadlineNanos();
			if (deadline != 0 && now - deadline > 0) {
				try {
					writes.expire();
				}
				catch (RuntimeException ex) {
					// the sweep must go on for the other connections
				}
			}
		}
	}

	/**
	 * Runs the action when the timeout passes before the returned handle is cancelled.
	 */
	static ScheduledFuture<?> arm(Duration timeout, Runnable onExpiry) {
		return SCHEDULER.schedule(onExpiry, timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

}
