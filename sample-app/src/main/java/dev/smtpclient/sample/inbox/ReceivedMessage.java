package dev.smtpclient.sample.inbox;

import java.time.Instant;
import java.util.List;

/**
 * A message the embedded server accepted, exactly as it arrived (dot-stuffing removed,
 * CRLF line endings).
 *
 * @param id the inbox id, also named in the server's reply to the final "."
 * @param receivedAt when the final "." arrived
 * @param sender the envelope sender (empty for the null reverse path)
 * @param recipients the envelope recipients
 * @param raw the message data
 */
public record ReceivedMessage(String id, Instant receivedAt, String sender, List<String> recipients, byte[] raw) {

	public ReceivedMessage {
		recipients = List.copyOf(recipients);
	}

	public int size() {
		return this.raw.length;
	}

}
