package dev.smtpclient;

import org.jspecify.annotations.Nullable;

/**
 * The connection could not be opened, or was lost before the message was handed over. The
 * connection is closed.
 */
public class SmtpConnectionException extends SmtpException {

	public SmtpConnectionException(SmtpPhase phase, String message, @Nullable Throwable cause) {
		super(phase, message, cause);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
