package dev.smtpclient;

import java.util.Optional;

/**
 * Authentication failed or was refused before it started (no common mechanism, no TLS). Holds no credentials.
 */
public class SmtpAuthenticationException extends SmtpException {

	private final SmtpReply reply;

	public SmtpAuthenticationException(String message) {
		super(SmtpPhase.AUTH, message);
		this.reply = null;
	}

	public SmtpAuthenticationException(String message, SmtpReply reply) {
		super(SmtpPhase.AUTH, message + ": " + reply);
		this.reply = reply;
	}

	/**
	 * The server's reply, when the server refused the credentials.
	 * @return the reply
	 */
	public Optional<SmtpReply> reply() {
		return Optional.ofNullable(this.reply);
	}

	@Override
	public boolean isTransient() {
		return this.reply != null && this.reply.isTransientFailure();
	}

}
