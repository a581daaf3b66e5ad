package dev.smtpclient.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

import dev.smtpclient.OutcomeUnknownException;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpException;
import dev.smtpclient.outbox.OutboxStore.Claimed;
import dev.smtpclient.outbox.OutboxStore.Outcome;

/**
 * Turns what the client reported for one attempt into the row's next state: sent, failed,
 * retrying later or outcome unknown.
 */
final class AttemptOutcomes {

	private final int maxAttempts;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final boolean resendUnknown;

	AttemptOutcomes(int maxAttempts, Duration initialBackoff, Duration maxBackoff, boolean resendUnknown) {
		this.maxAttempts = maxAttempts;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
		this.resendUnknown = resendUnknown;
	}

	Outcome sent(Claimed message, SendResult result, Instant now) {
		String refused = result.rejected().isEmpty() ? null : "sent to the other recipients; refused: "
				+ result.rejected().stream().map(Object::toString).collect(Collectors.joining(", "));
		return new Outcome(message.id(), message.attempt(), OutboxState.SENT, null, now, result.finalReply().toString(),
				result.queueId().orElse(null), refused);
	}

	Outcome failed(Claimed message, SmtpException failure, Instant now) {
		String reply = failure.reply().map(Object::toString).orElse(null);
		if (failure instanceof OutcomeUnknownException) {
			return this.resendUnknown ? retry(message, failure, reply, now) : new Outcome(message.id(),
					message.attempt(), OutboxState.UNKNOWN, null, now, reply, null, failure.getMessage());
		}
		if (failure.isTransient() && message.attempt() < this.maxAttempts) {
			return retry(message, failure, reply, now);
		}
		String error = failure.isTransient()
				? "gave up after " + message.attempt() + " attempts: " + failure.getMessage() : failure.getMessage();
		return new Outcome(message.id(), message.attempt(), OutboxState.FAILED, null, now, reply, null, error);
	}

	/**
	 * The client failed in a way it does not report per message: whether anything went
	 * out is not known.
	 */
	Outcome broken(Claimed message, RuntimeException failure, Instant now) {
		return new Outcome(message.id(), message.attempt(), OutboxState.UNKNOWN, null, now, null, null,
				"the send failed unexpectedly: " + failure);
	}

	private Outcome retry(Claimed message, SmtpException failure, String reply, Instant now) {
		return new Outcome(message.id(), message.attempt(), OutboxState.RETRYING, now.plus(backoff(message.attempt())),
				null, reply, null, failure.getMessage());
	}

	/**
	 * The wait after the given failed attempt: doubling from the initial backoff, capped.
	 */
	Duration backoff(int attempt) {
		Duration backoff = this.initialBackoff;
		for (int i = 1; i < attempt && backoff.compareTo(this.maxBackoff) < 0; i++) {
			backoff = backoff.multipliedBy(2);
		}
		return (backoff.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : backoff;
	}

}
