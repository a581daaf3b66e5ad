package dev.smtpclient.outbox;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message in the outbox as it stands now.
 *
 * @param id the id {@link SmtpOutbox#enqueue} returned
 * @param messageId the message's Message-ID header value, with its angle brackets
 * @param state where the message stands
 * @param attempts how many attempts were started
 * @param createdAt when it was enqueued
 * @param nextAttemptAt when the next attempt is due, for a pending message
 * @param completedAt when it reached a final state
 * @param reply the server's reply: the final reply when sent, the refusal when failed
 * @param queueId the server's queue id from the final reply, when sent and the server
 * reported one
 * @param lastError the last failure, or the recipients refused when sent to the others
 */
public record OutboxStatus(UUID id, String messageId, OutboxState state, int attempts, Instant createdAt,
		@Nullable Instant nextAttemptAt, @Nullable Instant completedAt, @Nullable String reply,
		@Nullable String queueId, @Nullable String lastError) {

	public Optional<Instant> nextAttempt() {
		return Optional.ofNullable(this.nextAttemptAt);
	}

	public Optional<String> queueIdIfSent() {
		return Optional.ofNullable(this.queueId);
	}

}
