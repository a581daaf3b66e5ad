package dev.smtpclient;

import org.jspecify.annotations.Nullable;

/**
 * The message needs something the server does not offer (SMTPUTF8, 8BITMIME) or exceeds
 * its SIZE limit. Raised before MAIL FROM, so nothing was sent.
 */
public class SmtpCapabilityException extends SmtpException {

	public SmtpCapabilityException(SmtpPhase phase, String message) {
		super(phase, message);
	}

	public SmtpCapabilityException(SmtpPhase phase, String message, @Nullable Throwable cause) {
		super(phase, message, cause);
	}

}
