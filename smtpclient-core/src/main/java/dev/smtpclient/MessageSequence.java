package dev.smtpclient;

import java.util.function.Supplier;

/**
 * Messages sent one after another on one connection. With PIPELINING, the next message's MAIL, RCPTs and DATA
 * go out in the same write as the previous message's data and final ".", saving a round trip per message (RFC
 * 2920 3.1). A message whose commands went out but whose data never did is reported as not sent, so the caller
 * can send it again elsewhere.
 */
final class MessageSequence {

	private final SmtpConnection connection;

	private final Supplier<Mail> source;

	private final Outcomes outcomes;

	MessageSequence(SmtpConnection connection, Supplier<Mail> source, Outcomes outcomes) {
		this.connection = connection;
		this.source = source;
		this.outcomes = outcomes;
	}

	void run() {
		Mail currentMail = null;
		MailTransaction current = null;
		SmtpConnection.MessageTimer timer = null;
		while (this.connection.isUsable()) {
			if (current == null) {
				currentMail = this.source.get();
				if (currentMail == null) {
					return;
				}
				timer = this.connection.startMessage();
				try {
					current = new MailTransaction(this.connection, currentMail.envelope(), currentMail.content());
					current.writeCommands();
					this.connection.flush(SmtpPhase.MAIL);
				}
				catch (SmtpException ex) {
					this.outcomes.failed(currentMail, this.connection.failed(ex, timer));
					current = null;
					continue;
				}
			}
			Mail followingMail = null;
			MailTransaction following = null;
			SmtpConnection.MessageTimer followingTimer = null;
			try {
				current.awaitCommandReplies();
				current.writeContent();
				if (this.connection.capabilities().pipelining()) {
					followingMail = this.source.get();
					if (followingMail != null) {
						followingTimer = this.connection.startMessage();
						following = new MailTransaction(this.connection, followingMail.envelope(), followingMail.content());
						try {
							following.writeCommands();
						}
						catch (SmtpCapabilityException | InvalidInputException ex) {
							// refused before anything of it was written: the current message goes on alone
							this.outcomes.failed(followingMail, this.connection.failed(asSmtpException(ex), followingTimer));
							followingMail = null;
							following = null;
						}
					}
				}
				current.flushEndOfData();
				this.outcomes.sent(currentMail, this.connection.accepted(current.awaitFinalReply(), timer));
			}
			catch (SmtpException ex) {
				this.outcomes.failed(currentMail, this.connection.failed(ex, timer));
				if (following != null && !this.connection.isUsable()) {
					// its commands may have been written, but its data never was: nothing of it was delivered
					this.outcomes.notSent(followingMail);
					return;
				}
			}
			current = following;
			currentMail = followingMail;
			timer = followingTimer;
		}
		if (current != null) {
			this.outcomes.notSent(currentMail);
		}
	}

	private static SmtpException asSmtpException(RuntimeException ex) {
		return (ex instanceof SmtpException smtp) ? smtp : new SmtpException(SmtpPhase.MAIL, ex.getMessage(), ex);
	}

	/**
	 * Told the outcome of each message of the sequence.
	 */
	interface Outcomes {

		void sent(Mail mail, SendResult result);

		void failed(Mail mail, SmtpException error);

		/**
		 * The connection broke before the message's data was sent: it was not delivered and may go again.
		 */
		void notSent(Mail mail);

	}

}
