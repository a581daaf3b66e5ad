package dev.smtpclient.transport;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket whose write or TLS handshake blocks too long. Java's blocking sockets have no write timeout, so a
 * server that stops reading would otherwise hold the writing thread forever.
 */
final class Watchdog {

	private static final ScheduledThreadPoolExecutor SCHEDULER = createScheduler();

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
	 * Runs the action when the timeout passes before the returned handle is cancelled.
	 */
	static ScheduledFuture<?> arm(Duration timeout, Runnable onExpiry) {
		return SCHEDULER.schedule(onExpiry, timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

}
