package dev.smtpclient;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one message of a batch: a result or an error.
 *
 * @param index the message's position in the batch
 * @param result the result when the message was accepted
 * @param error the failure otherwise
 */
public record SendOutcome(int index, @Nullable SendResult result, @Nullable SmtpException error) {

	public boolean isSuccess() {
		return this.result != null;
	}

	public Optional<SendResult> resultIfSent() {
		return Optional.ofNullable(this.result);
	}

	public Optional<SmtpException> errorIfFailed() {
		return Optional.ofNullable(this.error);
	}

}
