package dev.smtpclient;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of a message the server accepted.
 *
 * @param sender the envelope sender
 * @param recipients every recipient with its reply, accepted or not
 * @param finalReply the reply to the final "." (often carries the server's queue id)
 * @param bytesSent the octets written between DATA and the final "." inclusive
 * @param attempts how many attempts it took (more than 1 only with a retry policy)
 */
public record SendResult(String sender, List<RecipientResult> recipients, SmtpReply finalReply, long bytesSent,
		int attempts) {

	private static final Pattern QUEUE_ID = Pattern.compile("(?i)\\bqueued as ([A-Za-z0-9._-]+)");

	public SendResult {
		recipients = List.copyOf(recipients);
	}

	SendResult withAttempts(int attempts) {
		return new SendResult(this.sender, this.recipients, this.finalReply, this.bytesSent, attempts);
	}

	public List<RecipientResult> accepted() {
		return this.recipients.stream().filter(RecipientResult::accepted).toList();
	}

	/**
	 * The recipients the server refused; the message was sent to the others.
	 * @return the rejected recipients
	 */
	public List<RecipientResult> rejected() {
		return this.recipients.stream().filter((recipient) -> !recipient.accepted()).toList();
	}

	/**
	 * The queue id in the final reply, when the server reports one in the usual "queued
	 * as ID" form.
	 * @return the queue id
	 */
	public Optional<String> queueId() {
		Matcher matcher = QUEUE_ID.matcher(this.finalReply.text());
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

}
