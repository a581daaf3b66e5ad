package dev.smtpclient;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The root of every failure this client reports. Never holds a password, token or AUTH
 * payload.
 */
public class SmtpException extends RuntimeException {

	private final SmtpPhase phase;

	private final @Nullable SmtpReply reply;

	public SmtpException(SmtpPhase phase, String message) {
		this(phase, message, null);
	}

	public SmtpException(SmtpPhase phase, String message, @Nullable Throwable cause) {
		this(phase, message, null, cause);
	}

	/**
	 * A failure that the server's reply shows.
	 * @param phase where in the session the failure happened
	 * @param message the message
	 * @param reply the server's reply, or {@code null} when no reply is at the root of
	 * the failure
	 * @param cause the cause, or {@code null}
	 */
	protected SmtpException(SmtpPhase phase, String message, @Nullable SmtpReply reply, @Nullable Throwable cause) {
		super(message, cause);
		this.phase = phase;
		this.reply = reply;
	}

	/**
	 * Where in the session the failure happened.
	 * @return the phase
	 */
	public SmtpPhase phase() {
		return this.phase;
	}

	/**
	 * The server's reply that the failure stems from: a refused command, credentials or
	 * STARTTLS. Empty when the failure is not a reply (a lost connection, a timeout, bad
	 * input).
	 * @return the reply, if any
	 */
	public Optional<SmtpReply> reply() {
		return Optional.ofNullable(this.reply);
	}

	/**
	 * Whether trying again later may succeed (a 4xx reply, a timeout, a lost connection
	 * before the message was handed over). Permanent failures (5xx replies, bad input,
	 * certificate errors) return {@code false}.
	 * @return whether the failure is transient
	 */
	public boolean isTransient() {
		return false;
	}

}
