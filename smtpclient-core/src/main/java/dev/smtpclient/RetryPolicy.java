package dev.smtpclient;

import java.time.Duration;

/**
 * When a send is tried again. Only failures that left the message undelivered for sure
 * are retried: 4xx replies and lost or timed-out connections before the end of the
 * message. A connection lost after the final "." is {@link OutcomeUnknownException} and
 * never retried, since the server may have taken the message.
 *
 * @param maxAttempts attempts in all, 1 meaning no retry
 * @param initialBackoff the wait before the second attempt
 * @param multiplier how much each wait grows
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

	/**
	 * No retries: the default.
	 */
	public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1));

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new InvalidInputException("retry.maxAttempts", "must be at least 1");
		}
		if (initialBackoff == null || initialBackoff.isNegative() || maxBackoff == null || maxBackoff.isNegative()) {
			throw new InvalidInputException("retry.backoff", "must not be negative");
		}
		if (multiplier < 1.0) {
			throw new InvalidInputException("retry.multiplier", "must be at least 1");
		}
	}

	/**
	 * Up to {@code maxAttempts} attempts, waiting 1 s, 2 s, 4 s ... at most 30 s between
	 * them.
	 * @param maxAttempts attempts in all
	 * @return the policy
	 */
	public static RetryPolicy attempts(int maxAttempts) {
		return new RetryPolicy(maxAttempts, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));
	}

	/**
	 * Whether the failure may be retried.
	 * @param failure the failure
	 * @return whether a retry is safe and may help
	 */
	public static boolean isRetryable(SmtpException failure) {
		if (failure instanceof OutcomeUnknownException) {
			return false;
		}
		return failure.isTransient();
	}

	/**
	 * The wait before the given attempt.
	 * @param attempt the attempt about to be made, 2 or more
	 * @return the wait
	 */
	public Duration backoffBefore(int attempt) {
		double millis = this.initialBackoff.toMillis() * Math.pow(this.multiplier, Math.max(0, attempt - 2));
		return Duration.ofMillis((long) Math.min(millis, this.maxBackoff.toMillis()));
	}

}
