package dev.smtpclient.internal.session;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.DsnOptions;
import dev.smtpclient.Envelope;
import dev.smtpclient.InvalidInputException;
import dev.smtpclient.MessageContent;
import dev.smtpclient.OutcomeUnknownException;
import dev.smtpclient.RecipientResult;
import dev.smtpclient.SendResult;
import dev.smtpclient.ServerCapabilities;
import dev.smtpclient.SmtpCapabilityException;
import dev.smtpclient.SmtpConnectionException;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpProtocolException;
import dev.smtpclient.SmtpRecipientsRejectedException;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.internal.protocol.BareCommand;
import dev.smtpclient.internal.protocol.DataEncoder;
import dev.smtpclient.internal.protocol.MailFrom;
import dev.smtpclient.internal.protocol.ProtocolLog;
import dev.smtpclient.internal.protocol.RcptTo;

/**
 * One message on an open connection: MAIL FROM, RCPT TO for each recipient, DATA, the
 * content and the final ".". With PIPELINING, MAIL, every RCPT and DATA go out in one
 * write (RFC 2920) and their replies are matched in order. The steps are separate so that
 * a sequence of messages on one connection can put the next message's commands in the
 * same write as this one's data and final ".".
 */
public final class MailTransaction {

	private final CommandChannel channel;

	private final ConnectionSettings settings;

	private final ServerCapabilities capabilities;

	private final ProtocolLog log;

	private final Envelope envelope;

	private final MessageContent content;

	public MailTransaction(CommandChannel channel, ConnectionSettings settings, ServerCapabilities capabilities,
			ProtocolLog log, Envelope envelope, MessageContent content) {
		this.channel = channel;
		this.settings = settings;
		this.capabilities = capabilities;
		this.log = log;
		this.envelope = envelope;
		this.content = content;
		// PIPELINING lets DATA ride with the RCPTs; not when every recipient must be
		// accepted first, because a
		// 354 cannot be taken back without sending a (then empty) message
		this.pipelined = this.capabilities.pipelining();
		this.chunked = this.settings.chunking() && this.capabilities.chunking();
		this.dataInGroup = this.pipelined && !this.chunked && !this.settings.requireAllRecipients();
	}

	private final boolean pipelined;

	private final boolean dataInGroup;

	private final boolean chunked;

	private final List<RecipientResult> recipients = new ArrayList<>();

	private @Nullable SmtpReply mailReply;

	private @Nullable SmtpReply dataReply;

	private long bytes;

	private @Nullable BdatWriter chunks;

	public SendResult run() {
		writeCommands();
		if (this.pipelined) {
			this.channel.flush(SmtpPhase.MAIL);
		}
		awaitCommandReplies();
		writeContent();
		flushEndOfData();
		return awaitFinalReply();
	}

	/**
	 * Checks what the message needs against the server and writes MAIL FROM and the RCPTs
	 * (and DATA, when it may ride in the group). With PIPELINING nothing is flushed or
	 * read yet, so the caller may put these commands in the same write as the previous
	 * message's data; without it, each command waits for its reply here.
	 */
	public void writeCommands() {
		this.channel.write(mailCommand(this.capabilities));
		if (!this.pipelined) {
			this.channel.flush(SmtpPhase.MAIL);
			this.mailReply = this.channel.read("MAIL", SmtpPhase.MAIL);
			if (!this.mailReply.isPositive()) {
				throw new SmtpReplyException(SmtpPhase.MAIL, this.mailReply);
			}
		}
		DsnOptions rcptDsn = dsn().orElse(null);
		for (String recipient : this.envelope.recipients()) {
			this.channel.write(new RcptTo(recipient, rcptDsn));
			if (!this.pipelined) {
				this.channel.flush(SmtpPhase.RCPT);
				SmtpReply reply = this.channel.read("RCPT", SmtpPhase.RCPT);
				if (reply.code() == 421) {
					// the server is closing: the other recipients would be written to a
					// connection that is gone
					throw new SmtpReplyException(SmtpPhase.RCPT, reply);
				}
				this.recipients.add(new RecipientResult(recipient, reply));
			}
		}
		if (this.dataInGroup) {
			this.channel.write(BareCommand.DATA);
		}
	}

	/**
	 * Reads the replies to the commands (for a pipelined group, in order), decides
	 * whether the message can go, and gets the 354 for DATA.
	 */
	public void awaitCommandReplies() {
		if (this.pipelined) {
			this.mailReply = readInGroup("MAIL", SmtpPhase.MAIL);
			for (String recipient : this.envelope.recipients()) {
				this.recipients.add(new RecipientResult(recipient, readInGroup("RCPT", SmtpPhase.RCPT)));
			}
			if (this.dataInGroup) {
				this.dataReply = readInGroup("DATA", SmtpPhase.DATA);
			}
		}
		this.channel.inTransaction(this.mailReply.isPositive());
		if (!this.mailReply.isPositive()) {
			SmtpReplyException refused = new SmtpReplyException(SmtpPhase.MAIL, this.mailReply);
			try {
				abandonData(this.dataReply);
			}
			catch (SmtpException ex) {
				refused.addSuppressed(ex);
			}
			throw refused;
		}
		boolean noneAccepted = this.recipients.stream().noneMatch(RecipientResult::accepted);
		boolean someRejected = this.recipients.stream().anyMatch((recipient) -> !recipient.accepted());
		if (noneAccepted || (someRejected && this.settings.requireAllRecipients())) {
			throw endTransaction(new SmtpRecipientsRejectedException(this.recipients), this.dataReply);
		}
		if (this.chunked) {
			return;
		}
		if (this.dataReply == null) {
			this.dataReply = this.channel.command(BareCommand.DATA);
		}
		if (this.dataReply.code() != 354) {
			throw endTransaction(new SmtpReplyException(SmtpPhase.DATA, this.dataReply), null);
		}
		if (this.channel.hasUnsolicitedInput()) {
			// more replies than commands: one of them would be taken for the reply to the
			// final "."
			this.channel.markBroken();
			throw new SmtpProtocolException(SmtpPhase.DATA, "the server sent more replies than commands");
		}
	}

	/**
	 * Ends a refused transaction (RSET). The refusal is what the caller must see, with
	 * its per-recipient replies and whether it is permanent: a failing RSET only closes
	 * the connection and rides along as a suppressed exception.
	 */
	private SmtpReplyException endTransaction(SmtpReplyException refusal, @Nullable SmtpReply pipelinedDataReply) {
		try {
			abandonData(pipelinedDataReply);
			this.channel.resetIfUsable();
		}
		catch (SmtpException ex) {
			this.channel.abort();
			refusal.addSuppressed(ex);
		}
		return refusal;
	}

	public boolean isChunked() {
		return this.chunked;
	}

	/**
	 * Reads the reply to the final "." and ends the transaction.
	 * @return the result when the server accepted the message
	 */
	public SendResult awaitFinalReply() {
		SmtpReply finalReply = this.chunked ? this.chunks.awaitLastReply() : readFinalReply();
		// after a refused BDAT the server still holds the transaction (RFC 3030 4.2): the
		// next send resets it
		this.channel.inTransaction(this.chunked && !finalReply.isPositive());
		if (!finalReply.isPositive()) {
			throw new SmtpReplyException(SmtpPhase.MESSAGE, finalReply);
		}
		return new SendResult(this.envelope.sender(), this.recipients, finalReply, this.bytes, 1);
	}

	/**
	 * Reads the next reply of a pipelined group. After a 421 the server has closed the
	 * connection and the rest of the group's replies will never come.
	 */
	private SmtpReply readInGroup(String verb, SmtpPhase phase) {
		SmtpReply reply = this.channel.read(verb, phase);
		if (reply.code() == 421) {
			throw new SmtpReplyException(phase, reply);
		}
		return reply;
	}

	private MailFrom mailCommand(ServerCapabilities capabilities) {
		this.content.checkSendable();
		boolean smtpUtf8 = this.envelope.needsSmtpUtf8() || this.content.needsSmtpUtf8();
		if (smtpUtf8 && !capabilities.smtpUtf8()) {
			throw new SmtpCapabilityException(SmtpPhase.MAIL,
					"the message has internationalised addresses or "
							+ "UTF-8 in its header fields, which need SMTPUTF8, and " + this.channel.info()
							+ " does not offer it");
		}
		boolean eightBit = this.content.isEightBit();
		if (eightBit && !capabilities.eightBitMime()) {
			throw new SmtpCapabilityException(SmtpPhase.MAIL,
					"the message has 8-bit content, which needs 8BITMIME, " + "and " + this.channel.info()
							+ " does not offer it; encode it as 7-bit (quoted-printable or " + "base64)");
		}
		OptionalLong size = this.content.size();
		OptionalLong limit = capabilities.maxSize();
		if (size.isPresent() && limit.isPresent() && size.getAsLong() > limit.getAsLong()) {
			throw new SmtpCapabilityException(SmtpPhase.MAIL, "the message (" + size.getAsLong()
					+ " octets) exceeds the server's SIZE limit of " + limit.getAsLong());
		}
		OptionalLong declared = capabilities.supports("SIZE") ? size : OptionalLong.empty();
		return new MailFrom(this.envelope.sender(), declared, eightBit, smtpUtf8, dsn().orElse(null));
	}

	/**
	 * The DSN requests, when the server can take them (RFC 3461 forbids the parameters
	 * otherwise).
	 */
	private java.util.Optional<DsnOptions> dsn() {
		if (this.envelope.dsn().isPresent() && !this.capabilities.dsn()) {
			this.log.info("the server does not offer DSN: delivery notification requests left out");
			return java.util.Optional.empty();
		}
		return this.envelope.dsn();
	}

	/**
	 * A pipelined DATA was accepted although the transaction failed (a server that
	 * ignores RFC 2920 3.1): end the data at once. With no valid recipient or no sender
	 * the server has nobody to deliver the empty message to.
	 */
	private void abandonData(@Nullable SmtpReply dataReply) {
		if (dataReply != null && dataReply.code() == 354 && this.channel.isUsable()) {
			this.channel.write(BareCommand.ABANDON_DATA);
			this.channel.flush(SmtpPhase.DATA);
			this.channel.read("DATA", SmtpPhase.DATA);
		}
	}

	/**
	 * Writes the content and the end of data into the transport's buffer;
	 * {@link #flushEndOfData()} sends them.
	 */
	public void writeContent() {
		TransportStream wire = new TransportStream(this.channel);
		if (this.chunked) {
			this.chunks = new BdatWriter(this.channel, this.settings, this.capabilities, wire);
		}
		DataEncoder encoder = this.chunked ? new DataEncoder(this.chunks, false) : new DataEncoder(wire);
		try {
			this.content.writeTo(encoder);
		}
		catch (DataEncoder.LineTooLongException ex) {
			// only closing the connection abandons data: the end of data, which would
			// deliver it, never goes out
			this.channel.markBroken();
			throw new InvalidInputException("content", ex.getMessage());
		}
		catch (SmtpException ex) {
			// a refused BDAT chunk: the transaction was reset
			throw ex;
		}
		catch (RuntimeException ex) {
			// the content's own failure, part-way through the data: the final "." was
			// never sent
			this.channel.markBroken();
			throw new SmtpException(SmtpPhase.MESSAGE, "could not read the message content: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			// the final "." was not sent, so nothing can be delivered; but the server
			// still waits for data
			this.channel.markBroken();
			if (wire.failure != null) {
				throw this.channel.writeFailure(SmtpPhase.MESSAGE, wire.failure);
			}
			throw new SmtpException(SmtpPhase.MESSAGE, "could not read the message content: " + ex.getMessage(), ex);
		}
		try {
			encoder.finish();
			if (this.chunked) {
				this.chunks.finish();
			}
		}
		catch (IOException ex) {
			throw endOfDataFailure(ex);
		}
		this.bytes = encoder.count();
		if (this.log.isDebugEnabled()) {
			this.log.sent("<message data: " + encoder.count() + " octets>");
		}
	}

	/**
	 * Sends what is buffered: the end of data, and whatever was written after it (the
	 * next message's commands).
	 */
	public void flushEndOfData() {
		try {
			this.channel.flushData();
		}
		catch (IOException ex) {
			throw endOfDataFailure(ex);
		}
	}

	private OutcomeUnknownException endOfDataFailure(IOException ex) {
		// the end of data may or may not have reached the server
		this.channel.markBroken();
		return new OutcomeUnknownException("the connection failed while the end of the message was being sent; "
				+ "the server may or may not have accepted it", ex);
	}

	private SmtpReply readFinalReply() {
		try {
			return this.channel.read("DATA", SmtpPhase.MESSAGE, this.settings.dataTimeout());
		}
		catch (SmtpConnectionException | SmtpProtocolException ex) {
			throw new OutcomeUnknownException("no valid reply after the end of the message (" + ex.getMessage()
					+ "); the server may or may not have accepted it", ex);
		}
	}

	/**
	 * The transport as an output stream, remembering a transport failure apart from one
	 * of the content's own.
	 */
	private static final class TransportStream extends OutputStream {

		private final CommandChannel channel;

		private @Nullable IOException failure;

		TransportStream(CommandChannel channel) {
			this.channel = channel;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			try {
				this.channel.writeData(bytes, offset, length);
			}
			catch (IOException ex) {
				this.failure = ex;
				throw ex;
			}
		}

	}

}
