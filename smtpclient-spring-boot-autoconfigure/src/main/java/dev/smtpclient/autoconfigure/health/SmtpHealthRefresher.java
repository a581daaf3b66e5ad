package dev.smtpclient.autoconfigure.health;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the checks of every {@link SmtpHealthIndicator} on one daemon thread, each
 * indicator every its interval, the first check at once. Checks run one after the other:
 * a slow server delays the others' next check, never a health request. Closed with the
 * application context.
 */
public final class SmtpHealthRefresher implements AutoCloseable {

	private final ScheduledExecutorService scheduler;

	public SmtpHealthRefresher() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "smtp-health");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler = scheduler;
	}

	/**
	 * Checks the indicator's server now and then every interval.
	 * @param indicator the indicator
	 * @return the indicator
	 */
	public SmtpHealthIndicator schedule(SmtpHealthIndicator indicator) {
		long interval = indicator.interval().toMillis();
		this.scheduler.scheduleWithFixedDelay(indicator::refresh, 0, interval, TimeUnit.MILLISECONDS);
		return indicator;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
