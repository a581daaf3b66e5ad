package dev.smtpclient.internal.pool;

import java.time.Duration;

import dev.smtpclient.InvalidInputException;
import dev.smtpclient.SendRateLimiter;
import dev.smtpclient.SmtpConnectionException;
import dev.smtpclient.SmtpPhase;

/**
 * Spaces sends out evenly to at most a given rate, shared by all threads of a client.
 */
public final class RateLimiter implements SendRateLimiter {

	private final long intervalNanos;

	private long nextFreeNanos = System.nanoTime();

	public RateLimiter(double permitsPerSecond) {
		if (!(permitsPerSecond > 0)) {
			throw new InvalidInputException("rateLimit", "must be a positive number of messages per second");
		}
		this.intervalNanos = (long) (1_000_000_000L / permitsPerSecond);
	}

	/**
	 * Waits for a permit of the given limiter.
	 * @throws SmtpConnectionException when interrupted while waiting
	 */
	public static void acquireOrFail(SendRateLimiter limiter) {
		try {
			limiter.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SmtpConnectionException(SmtpPhase.CONNECT, "interrupted while waiting for the rate limit", ex);
		}
	}

	/**
	 * Waits for the next permit.
	 * @throws InterruptedException when interrupted while waiting; the permit is then
	 * spent
	 */
	@Override
	public void acquire() throws InterruptedException {
		long waitNanos;
		synchronized (this) {
			long now = System.nanoTime();
			long slot = Math.max(now, this.nextFreeNanos);
			this.nextFreeNanos = slot + this.intervalNanos;
			waitNanos = slot - now;
		}
		if (waitNanos > 0) {
			Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
		}
	}

	/**
	 * Takes a permit if one is free now, without waiting.
	 * @return whether a permit was taken
	 */
	@Override
	public synchronized boolean tryAcquire() {
		long now = System.nanoTime();
		if (now - this.nextFreeNanos < 0) {
			return false;
		}
		this.nextFreeNanos = now + this.intervalNanos;
		return true;
	}

	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SmtpConnectionException(SmtpPhase.CONNECT, "interrupted while waiting", ex);
		}
	}

}
