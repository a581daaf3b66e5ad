package dev.smtpclient;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A connect, handshake, read or write did not finish in time. The connection is closed.
 */
public class SmtpTimeoutException extends SmtpConnectionException {

	private final Duration timeout;

	public SmtpTimeoutException(SmtpPhase phase, String what, Duration timeout, @Nullable Throwable cause) {
		super(phase, what + " timed out after " + timeout.toMillis() + " ms", cause);
		this.timeout = timeout;
	}

	public Duration timeout() {
		return this.timeout;
	}

}
