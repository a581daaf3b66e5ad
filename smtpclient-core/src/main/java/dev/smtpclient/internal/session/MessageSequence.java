package dev.smtpclient.internal.session;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.Mail;
import dev.smtpclient.OutcomeUnknownException;
import dev.smtpclient.SendResult;
import dev.smtpclient.ServerCapabilities;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.internal.protocol.ProtocolLog;

/**
 * Messages sent one after another on one connection. With PIPELINING, the next message's
 * MAIL, RCPTs and DATA go out in the same write as the previous message's data and final
 * ".", saving a round trip per message (RFC 2920 3.1). A message whose commands went out
 * but whose data never did is reported as not sent, so the caller can send it again
 * elsewhere.
 * <p>
 * Nothing that can wait runs between a message's 354 and its final ".": the next message
 * is taken only if it can go at once ({@link Source#poll()}), before the current
 * message's data is written; otherwise the "." is sent alone and the sequence waits for
 * the next message ({@link Source#take()}) with no transaction open. A server that saw
 * its data stall would drop the connection (RFC 5321 4.5.3.2.7) and the message would be
 * lost.
 */
public final class MessageSequence {

	private final CommandChannel channel;

	private final ConnectionSettings settings;

	private final ServerCapabilities capabilities;

	private final ProtocolLog log;

	private final MessageReporter reporter;

	private final Source source;

	private final Outcomes outcomes;

	public MessageSequence(CommandChannel channel, ConnectionSettings settings, ServerCapabilities capabilities,
			ProtocolLog log, MessageReporter reporter, Source source, Outcomes outcomes) {
		this.channel = channel;
		this.settings = settings;
		this.capabilities = capabilities;
		this.log = log;
		this.reporter = reporter;
		this.source = source;
		this.outcomes = outcomes;
	}

	public void run() {
		Pending current = begin(this.source.take());
		while (current != null) {
			Pending following = send(current);
			current = (following != null) ? following : (this.channel.isUsable() ? begin(this.source.take()) : null);
		}
	}

	/**
	 * Writes and flushes a message's commands; a message refused at this point is
	 * reported and the next one taken.
	 * @return the message whose commands are on their way, or {@code null} when none is
	 * left or the connection broke
	 */
	private @Nullable Pending begin(@Nullable Mail mail) {
		while (mail != null) {
			if (!this.channel.isUsable()) {
				this.outcomes.notSent(mail);
				return null;
			}
			MessageReporter.MessageTimer timer = this.reporter.startMessage();
			try {
				// a refused BDAT leaves the server's transaction open (RFC 3030 4.2)
				this.channel.resetIfInTransaction();
				MailTransaction transaction = transaction(mail);
				transaction.writeCommands();
				this.channel.flush(SmtpPhase.MAIL);
				return new Pending(mail, transaction, timer);
			}
			catch (RuntimeException ex) {
				this.outcomes.failed(mail, this.reporter.failed(asSmtpException(ex), timer));
			}
			if (!this.channel.isUsable()) {
				return null;
			}
			mail = this.source.take();
		}
		return null;
	}

	/**
	 * Sends the current message's data, with the next message's commands in the same
	 * write when the next message is ready and the server pipelines.
	 * @return the next message, its commands written, or {@code null}
	 */
	private @Nullable Pending send(Pending current) {
		try {
			current.transaction.awaitCommandReplies();
		}
		catch (SmtpException ex) {
			fail(current, ex);
			return null;
		}
		// BDAT LAST is never followed by the next envelope: if a chunk is refused, RSET
		// must come first
		Mail followingMail = (this.capabilities.pipelining() && !current.transaction.isChunked()) ? this.source.poll()
				: null;
		try {
			current.transaction.writeContent();
		}
		catch (RuntimeException ex) {
			// a refused chunk, a failed write, or content the client refuses (a line over
			// 998 octets)
			fail(current, asSmtpException(ex, SmtpPhase.MESSAGE));
			return (followingMail != null) ? begin(followingMail) : null;
		}
		Pending following = null;
		if (followingMail != null) {
			MessageReporter.MessageTimer timer = this.reporter.startMessage();
			try {
				MailTransaction transaction = transaction(followingMail);
				transaction.writeCommands();
				following = new Pending(followingMail, transaction, timer);
			}
			catch (RuntimeException ex) {
				if (!this.channel.isUsable()) {
					// writing may have flushed the buffer that holds the current
					// message's "."
					fail(current, new OutcomeUnknownException("the connection failed after the end of the message "
							+ "was written; the server may or may not have accepted it", ex));
					this.outcomes.notSent(followingMail);
					return null;
				}
				// refused before anything of it was written: the current message goes on
				// alone
				this.outcomes.failed(followingMail, this.reporter.failed(asSmtpException(ex), timer));
			}
		}
		try {
			current.transaction.flushEndOfData();
			this.outcomes.sent(current.mail,
					this.reporter.accepted(current.transaction.awaitFinalReply(), current.timer));
		}
		catch (SmtpException ex) {
			fail(current, ex);
			if (following != null && !this.channel.isUsable()) {
				// its commands may have been written, but its data never was: nothing of
				// it was delivered
				this.outcomes.notSent(following.mail);
				return null;
			}
		}
		return following;
	}

	private MailTransaction transaction(Mail mail) {
		return new MailTransaction(this.channel, this.settings, this.capabilities, this.log, mail.envelope(),
				mail.content());
	}

	private void fail(Pending message, SmtpException ex) {
		this.outcomes.failed(message.mail, this.reporter.failed(ex, message.timer));
	}

	/**
	 * A message the client refused before writing it (an {@link InvalidInputException},
	 * say) as a typed error.
	 */
	public static SmtpException asSmtpException(RuntimeException ex) {
		return asSmtpException(ex, SmtpPhase.MAIL);
	}

	public static SmtpException asSmtpException(RuntimeException ex, SmtpPhase phase) {
		return (ex instanceof SmtpException smtp) ? smtp
				: new SmtpException(phase, "the message was refused before it was sent: " + ex.getMessage(), ex);
	}

	private record Pending(Mail mail, MailTransaction transaction, MessageReporter.MessageTimer timer) {
	}

	/**
	 * Where a sequence takes its messages from.
	 */
	public interface Source {

		/**
		 * The next message if it may go at once, without waiting (for a rate limit, say).
		 * @return the message, or {@code null} when none is ready now or none is left
		 */
		@Nullable Mail poll();

		/**
		 * The next message, waiting for its turn if need be; called only with no
		 * transaction open.
		 * @return the message, or {@code null} when none is left for this connection
		 */
		@Nullable Mail take();

	}

	/**
	 * Told the outcome of each message of the sequence.
	 */
	public interface Outcomes {

		void sent(Mail mail, SendResult result);

		void failed(Mail mail, SmtpException error);

		/**
		 * The connection broke before the message's data was sent: it was not delivered
		 * and may go again.
		 */
		void notSent(Mail mail);

	}

}
