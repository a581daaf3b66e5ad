package dev.smtpclient;

import org.jspecify.annotations.Nullable;

/**
 * TLS could not be set up as the policy demands: STARTTLS missing or refused, a failed
 * handshake, a certificate that does not verify.
 */
public class SmtpTlsException extends SmtpException {

	public SmtpTlsException(SmtpPhase phase, String message) {
		super(phase, message);
	}

	public SmtpTlsException(SmtpPhase phase, String message, @Nullable Throwable cause) {
		super(phase, message, cause);
	}

	/**
	 * STARTTLS answered with something other than 220.
	 * @param reply the server's reply
	 */
	public SmtpTlsException(SmtpReply reply) {
		super(SmtpPhase.STARTTLS, "STARTTLS refused: " + reply, reply, null);
	}

	/**
	 * Transient only when the server refused STARTTLS with a 4xx reply (for example 454
	 * or 421).
	 */
	@Override
	public boolean isTransient() {
		return reply().map(SmtpReply::isTransientFailure).orElse(false);
	}

}
