package dev.smtpclient.outbox;

/**
 * Where a message in the outbox stands.
 */
public enum OutboxState {

	/**
	 * Stored and due at its next attempt time; no attempt made yet.
	 */
	QUEUED,

	/**
	 * Claimed by a worker that is sending it now.
	 */
	SENDING,

	/**
	 * An attempt failed in a way that may pass; another attempt is due at the next
	 * attempt time.
	 */
	RETRYING,

	/**
	 * The server accepted the message (final state).
	 */
	SENT,

	/**
	 * The server refused the message permanently, or every attempt failed (final state).
	 */
	FAILED,

	/**
	 * The message was written but no reply came, or the instance sending it stopped
	 * before it recorded the outcome: the server may or may not have it. Never sent again
	 * unless the outbox resends unknown outcomes, because that could deliver it twice
	 * (final state).
	 */
	UNKNOWN;

	/**
	 * Whether a worker may claim a message in this state once it is due.
	 * @return whether the state waits for an attempt
	 */
	public boolean isPending() {
		return this == QUEUED || this == RETRYING;
	}

	/**
	 * Whether no worker will touch a message in this state again.
	 * @return whether the state is final
	 */
	public boolean isFinal() {
		return this == SENT || this == FAILED || this == UNKNOWN;
	}

}
