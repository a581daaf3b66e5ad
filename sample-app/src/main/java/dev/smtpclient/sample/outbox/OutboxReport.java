package dev.smtpclient.sample.outbox;

import java.time.Instant;
import java.util.UUID;

import dev.smtpclient.outbox.OutboxState;
import dev.smtpclient.outbox.OutboxStatus;

/**
 * A message in the outbox as the page shows it.
 *
 * @param id the outbox's id of the message
 * @param messageId its Message-ID
 * @param state where it stands
 * @param done whether that state is final (the page stops asking)
 * @param attempts attempts started
 * @param createdAt when it was enqueued
 * @param nextAttemptAt when it is next due, while pending
 * @param completedAt when it reached a final state
 * @param reply the server's final reply or refusal
 * @param queueId the server's queue id, when sent
 * @param lastError the last failure
 */
public record OutboxReport(UUID id, String messageId, OutboxState state, boolean done, int attempts, Instant createdAt,
		Instant nextAttemptAt, Instant completedAt, String reply, String queueId, String lastError) {

	static OutboxReport of(OutboxStatus status) {
		return new OutboxReport(status.id(), status.messageId(), status.state(), status.state().isFinal(),
				status.attempts(), status.createdAt(), status.nextAttemptAt(), status.completedAt(), status.reply(),
				status.queueId(), status.lastError());
	}

}
