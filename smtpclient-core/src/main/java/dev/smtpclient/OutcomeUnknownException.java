package dev.smtpclient;

import org.jspecify.annotations.Nullable;

/**
 * The whole message was written, with its final ".", but no reply came (the connection
 * broke or timed out). The server may have accepted the message: sending it again may
 * deliver it twice, so this is never retried automatically.
 */
public class OutcomeUnknownException extends SmtpException {

	public OutcomeUnknownException(String message, @Nullable Throwable cause) {
		super(SmtpPhase.MESSAGE, message, cause);
	}

}
