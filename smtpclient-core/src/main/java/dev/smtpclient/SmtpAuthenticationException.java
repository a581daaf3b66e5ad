package dev.smtpclient;

/**
 * Authentication failed or was refused before it started (no common mechanism, no TLS).
 * Holds no credentials.
 */
public class SmtpAuthenticationException extends SmtpException {

	public SmtpAuthenticationException(String message) {
		super(SmtpPhase.AUTH, message);
	}

	/**
	 * The server refused the credentials; {@link #reply()} holds its reply.
	 * @param message the message
	 * @param reply the server's reply
	 */
	public SmtpAuthenticationException(String message, SmtpReply reply) {
		super(SmtpPhase.AUTH, message + ": " + reply, reply, null);
	}

	@Override
	public boolean isTransient() {
		return reply().map(SmtpReply::isTransientFailure).orElse(false);
	}

}
