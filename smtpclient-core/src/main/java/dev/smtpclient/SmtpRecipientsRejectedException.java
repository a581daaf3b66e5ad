package dev.smtpclient;

import java.util.List;

/**
 * The server rejected recipients, so the message was not sent: all of them were rejected,
 * or some were and the connection requires every recipient to be accepted.
 */
public class SmtpRecipientsRejectedException extends SmtpReplyException {

	private final List<RecipientResult> recipients;

	public SmtpRecipientsRejectedException(List<RecipientResult> recipients) {
		super(SmtpPhase.RCPT, firstRejection(recipients), describe(recipients));
		this.recipients = List.copyOf(recipients);
	}

	private static SmtpReply firstRejection(List<RecipientResult> recipients) {
		return recipients.stream()
			.filter((recipient) -> !recipient.accepted())
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no recipient was rejected"))
			.reply();
	}

	private static String describe(List<RecipientResult> recipients) {
		long rejected = recipients.stream().filter((recipient) -> !recipient.accepted()).count();
		return rejected + " of " + recipients.size() + " recipients rejected, message not sent: "
				+ recipients.stream()
					.filter((recipient) -> !recipient.accepted())
					.map(RecipientResult::toString)
					.toList();
	}

	/**
	 * Every recipient with the server's reply to it.
	 * @return the recipients
	 */
	public List<RecipientResult> recipients() {
		return this.recipients;
	}

	public List<RecipientResult> rejected() {
		return this.recipients.stream().filter((recipient) -> !recipient.accepted()).toList();
	}

	/**
	 * Transient only when every rejection was transient.
	 */
	@Override
	public boolean isTransient() {
		return rejected().stream().allMatch((recipient) -> recipient.reply().isTransientFailure());
	}

}
