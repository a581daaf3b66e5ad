package dev.smtpclient;

/**
 * TLS could not be set up as the policy demands: STARTTLS missing or refused, a failed handshake, a certificate that does not verify.
 */
public class SmtpTlsException extends SmtpException {

	public SmtpTlsException(SmtpPhase phase, String message) {
		super(phase, message);
	}

	public SmtpTlsException(SmtpPhase phase, String message, Throwable cause) {
		super(phase, message, cause);
	}

}
