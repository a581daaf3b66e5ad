package dev.smtpclient;

/**
 * Gives out permits to send, one per message: the client's local limiter by default
 * ({@link SmtpClientBuilder#rateLimit(double)}), or one of the application's own, for
 * example a budget shared by every instance, through
 * {@link SmtpClientBuilder#rateLimiter(SendRateLimiter)}. Implementations must be
 * thread-safe.
 */
public interface SendRateLimiter {

	/**
	 * Waits for a permit.
	 * @throws InterruptedException when interrupted while waiting
	 */
	void acquire() throws InterruptedException;

	/**
	 * Takes a permit if one is free now, without waiting.
	 * @return whether a permit was taken
	 */
	boolean tryAcquire();

}
