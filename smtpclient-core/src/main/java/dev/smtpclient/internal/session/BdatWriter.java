package dev.smtpclient.internal.session;

import java.io.IOException;
import java.io.OutputStream;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.OutcomeUnknownException;
import dev.smtpclient.ServerCapabilities;
import dev.smtpclient.SmtpConnectionException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpProtocolException;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.internal.protocol.Bdat;

/**
 * Message data as BDAT chunks (RFC 3030): each chunk is "BDAT size" and exactly that many
 * octets; the last says LAST. Chunks are pipelined: the writer reads a chunk's reply only
 * when several are outstanding, or at the end. A refused chunk stops the message: the
 * transaction is then reset.
 */
final class BdatWriter extends OutputStream {

	private static final int CHUNK_SIZE = 64 * 1024;

	private static final int MAX_OUTSTANDING = 4;

	private final CommandChannel channel;

	private final ConnectionSettings settings;

	private final ServerCapabilities capabilities;

	private final OutputStream wire;

	private final byte[] buffer = new byte[CHUNK_SIZE];

	private int buffered;

	private int outstanding;

	BdatWriter(CommandChannel channel, ConnectionSettings settings, ServerCapabilities capabilities,
			OutputStream wire) {
		this.channel = channel;
		this.settings = settings;
		this.capabilities = capabilities;
		this.wire = wire;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		while (length > 0) {
			int count = Math.min(length, CHUNK_SIZE - this.buffered);
			System.arraycopy(bytes, offset, this.buffer, this.buffered, count);
			this.buffered += count;
			offset += count;
			length -= count;
			if (this.buffered == CHUNK_SIZE) {
				sendChunk(false);
			}
		}
	}

	/**
	 * Sends what is left as the LAST chunk (into the transport's buffer; the caller
	 * flushes).
	 */
	void finish() throws IOException {
		sendChunk(true);
	}

	private void sendChunk(boolean last) throws IOException {
		this.channel.write(new Bdat(this.buffered, last));
		this.wire.write(this.buffer, 0, this.buffered);
		this.buffered = 0;
		this.outstanding++;
		// chunks may be pipelined only where the server offers PIPELINING (RFC 3030 4.2)
		if (!last && (this.outstanding > MAX_OUTSTANDING || !this.capabilities.pipelining())) {
			this.channel.flush(SmtpPhase.MESSAGE);
			expectChunkAccepted();
		}
	}

	private void expectChunkAccepted() {
		SmtpReply reply = this.channel.read("BDAT", SmtpPhase.MESSAGE);
		this.outstanding--;
		if (!reply.isPositive()) {
			// the rest of the message must not follow; the server discards what it has
			// after RSET
			drainOutstanding();
			this.channel.resetIfUsable();
			throw new SmtpReplyException(SmtpPhase.MESSAGE, reply);
		}
	}

	private void drainOutstanding() {
		while (this.outstanding > 0 && this.channel.isUsable()) {
			this.channel.read("BDAT", SmtpPhase.MESSAGE);
			this.outstanding--;
		}
	}

	/**
	 * Reads the replies still outstanding; the last one is the reply to the whole
	 * message.
	 * @return the reply to the LAST chunk
	 */
	SmtpReply awaitLastReply() {
		SmtpReply reply = null;
		try {
			while (this.outstanding > 1) {
				expectChunkAccepted();
			}
			reply = this.channel.read("BDAT", SmtpPhase.MESSAGE, this.settings.dataTimeout());
			this.outstanding--;
		}
		catch (SmtpConnectionException | SmtpProtocolException ex) {
			throw new OutcomeUnknownException("no valid reply after the last chunk (" + ex.getMessage()
					+ "); the server may or may not have accepted the message", ex);
		}
		return reply;
	}

}
