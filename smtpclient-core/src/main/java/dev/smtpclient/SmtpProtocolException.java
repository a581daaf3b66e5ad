package dev.smtpclient;

import org.jspecify.annotations.Nullable;

/**
 * The server broke the protocol (a malformed or oversized reply, a reply that does not
 * belong). The connection is closed.
 */
public class SmtpProtocolException extends SmtpException {

	public SmtpProtocolException(SmtpPhase phase, String message) {
		super(phase, message);
	}

	public SmtpProtocolException(SmtpPhase phase, String message, @Nullable Throwable cause) {
		super(phase, message, cause);
	}

}
