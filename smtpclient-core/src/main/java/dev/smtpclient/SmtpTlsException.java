package dev.smtpclient;

/**
 * TLS could not be set up as the policy demands: STARTTLS missing or refused, a failed handshake, a certificate that does not verify.
 */
public class SmtpTlsException extends SmtpException {

	public SmtpTlsException(SmtpPhase phase, String message) {
		super(phase, message);
		this.reply = null;
	}

	public SmtpTlsException(SmtpPhase phase, String message, Throwable cause) {
		super(phase, message, cause);
		this.reply = null;
	}

	private final SmtpReply reply;

	/**
	 * STARTTLS answered with something other than 220.
	 * @param reply the server's reply
	 */
	public SmtpTlsException(SmtpReply reply) {
		super(SmtpPhase.STARTTLS, "STARTTLS refused: " + reply);
		this.reply = reply;
	}

	public java.util.Optional<SmtpReply> reply() {
		return java.util.Optional.ofNullable(this.reply);
	}

	/**
	 * Transient only when the server refused STARTTLS with a 4xx reply (for example 454 or 421).
	 */
	@Override
	public boolean isTransient() {
		return this.reply != null && this.reply.isTransientFailure();
	}

}
