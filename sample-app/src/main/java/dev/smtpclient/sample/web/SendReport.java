package dev.smtpclient.sample.web;

import java.time.Duration;
import java.util.List;

import dev.smtpclient.RecipientResult;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpReply;

/**
 * What the server said about a message it accepted, for the page and the REST client.
 *
 * @param sender the envelope sender
 * @param recipients every recipient with the reply to its RCPT TO
 * @param finalReply the reply to the final "."
 * @param queueId the server's queue id, when its reply names one
 * @param bytesSent the octets of message data sent
 * @param attempts how many attempts the send took
 * @param durationMillis the time the send took, in milliseconds
 */
public record SendReport(String sender, List<Recipient> recipients, Reply finalReply, String queueId, long bytesSent,
		int attempts, long durationMillis) {

	static SendReport of(SendResult result, Duration duration) {
		return new SendReport(result.sender(), result.recipients().stream().map(Recipient::of).toList(),
				Reply.of(result.finalReply()), result.queueId().orElse(null), result.bytesSent(), result.attempts(),
				duration.toMillis());
	}

	/**
	 * A recipient and the server's reply to it.
	 *
	 * @param address the address
	 * @param accepted whether the server took it
	 * @param reply the reply
	 */
	public record Recipient(String address, boolean accepted, Reply reply) {

		static Recipient of(RecipientResult result) {
			return new Recipient(result.address(), result.accepted(), Reply.of(result.reply()));
		}

	}

	/**
	 * An SMTP reply.
	 *
	 * @param code the reply code
	 * @param text the reply's text, lines joined by newlines
	 */
	public record Reply(int code, String text) {

		static Reply of(SmtpReply reply) {
			return new Reply(reply.code(), reply.text());
		}

	}

}
