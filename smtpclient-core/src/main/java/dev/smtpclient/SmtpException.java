package dev.smtpclient;

/**
 * The root of every failure this client reports. Never holds a password, token or AUTH payload.
 */
public class SmtpException extends RuntimeException {

	private final SmtpPhase phase;

	public SmtpException(SmtpPhase phase, String message) {
		this(phase, message, null);
	}

	public SmtpException(SmtpPhase phase, String message, Throwable cause) {
		super(message, cause);
		this.phase = phase;
	}

	/**
	 * Where in the session the failure happened.
	 * @return the phase
	 */
	public SmtpPhase phase() {
		return this.phase;
	}

	/**
	 * Whether trying again later may succeed (a 4xx reply, a timeout, a lost connection before the message was
	 * handed over). Permanent failures (5xx replies, bad input, certificate errors) return {@code false}.
	 * @return whether the failure is transient
	 */
	public boolean isTransient() {
		return false;
	}

}
