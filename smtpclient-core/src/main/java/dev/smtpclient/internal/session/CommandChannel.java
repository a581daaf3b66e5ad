package dev.smtpclient.internal.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.SmtpConnectionException;
import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpProtocolException;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.SmtpTimeoutException;
import dev.smtpclient.SmtpTlsException;
import dev.smtpclient.TlsPolicy;
import dev.smtpclient.TlsSessionInfo;
import dev.smtpclient.internal.protocol.BareCommand;
import dev.smtpclient.internal.protocol.ProtocolLog;
import dev.smtpclient.internal.protocol.ReplyReader;
import dev.smtpclient.internal.protocol.SmtpCommand;
import dev.smtpclient.internal.transport.OfflineTransport;
import dev.smtpclient.internal.transport.SocketTransport;
import dev.smtpclient.internal.transport.Transport;

/**
 * The command channel of one connection: commands written, flushed and read back in
 * order, the count of replies the server still owes, and whether the connection may carry
 * anything more. The handshake, AUTH, the mail transaction, BDAT and message sequences
 * all talk to the server through this class and nothing else, so its rules hold for every
 * command:
 * <ul>
 * <li>after a 421 reply, an I/O error, a timeout or a malformed reply the channel is
 * broken, and nothing more is written to it;</li>
 * <li>a reply that arrives while none is owed is refused before the next command goes
 * out, so it can never be taken as that command's answer;</li>
 * <li>no command line reaches the transport with a line break or NUL in it.</li>
 * </ul>
 * Not thread-safe: one thread at a time.
 */
public final class CommandChannel {

	private final ConnectionSettings settings;

	private final SmtpConnectionInfo info;

	private final SmtpEventListener events;

	private final ProtocolLog log;

	private @Nullable Transport transport;

	private @Nullable ReplyReader reader;

	/**
	 * Replies owed by the server for what was written (the greeting counts as one).
	 */
	private int expectedReplies = 1;

	private boolean broken;

	private boolean closed;

	private boolean inTransaction;

	/**
	 * Creates a channel that is not connected yet; see {@link #connect()}.
	 * @param settings the settings, for timeouts and the TLS policy
	 * @param info the connection, for errors and events
	 * @param events told of every command and reply, and of the close
	 * @param log the protocol log
	 */
	public CommandChannel(ConnectionSettings settings, SmtpConnectionInfo info, SmtpEventListener events,
			ProtocolLog log) {
		this.settings = settings;
		this.info = info;
		this.events = events;
		this.log = log;
	}

	/**
	 * Opens the transport the settings ask for (none in test mode), with TLS at once for
	 * implicit TLS.
	 */
	public void connect() {
		if (this.settings.testMode()) {
			attach(new OfflineTransport());
			this.log.info("test mode: no network, commands are recorded");
			return;
		}
		try {
			attach(SocketTransport.connect(this.info, this.events, this.settings.connectTimeout(),
					this.settings.writeTimeout(), this.settings.sslContext()));
			if (this.settings.tlsPolicy() == TlsPolicy.IMPLICIT) {
				startTls();
			}
		}
		catch (SocketTimeoutException ex) {
			throw new SmtpTimeoutException(SmtpPhase.CONNECT, "connect to " + this.info, this.settings.connectTimeout(),
					ex);
		}
		catch (UnknownHostException ex) {
			throw new SmtpConnectionException(SmtpPhase.CONNECT, "unknown host " + this.settings.host(), ex);
		}
		catch (IOException ex) {
			throw new SmtpConnectionException(SmtpPhase.CONNECT,
					"cannot connect to " + this.info + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs the channel over an open transport.
	 * @param transport the transport
	 */
	public void attach(Transport transport) {
		this.transport = transport;
		this.reader = new ReplyReader(transport);
	}

	/**
	 * Upgrades to TLS and starts reading afresh: nothing received in cleartext is kept.
	 */
	public void startTls() {
		try {
			this.transport.startTls(this.settings.tlsHandshakeTimeout());
		}
		catch (SocketTimeoutException ex) {
			this.broken = true;
			throw new SmtpTimeoutException(SmtpPhase.TLS_HANDSHAKE, "TLS handshake",
					this.settings.tlsHandshakeTimeout(), ex);
		}
		catch (SSLException ex) {
			this.broken = true;
			throw new SmtpTlsException(SmtpPhase.TLS_HANDSHAKE,
					"TLS handshake with " + this.info + " failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			this.broken = true;
			throw new SmtpConnectionException(SmtpPhase.TLS_HANDSHAKE,
					"connection failed during the TLS handshake: " + ex.getMessage(), ex);
		}
		this.reader = new ReplyReader(this.transport);
		this.log.info("TLS established: " + tlsSession().map(Object::toString).orElse("?"));
	}

	// ---- commands and replies

	/**
	 * Buffers one command. Its line is checked once more here, on its bytes: nothing that
	 * reaches this point may carry a line break or NUL.
	 * @param command the command
	 */
	public void write(SmtpCommand command) {
		if (this.broken) {
			// after a 421 or an I/O failure the server is gone or going: whatever is
			// written now is lost
			throw new SmtpConnectionException(command.phase(),
					"connection " + this.info + " is broken; nothing more is " + "written to it", null);
		}
		byte[] bytes = (command.line() + "\r\n").getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length - 2; i++) {
			if (bytes[i] == '\r' || bytes[i] == '\n' || bytes[i] == 0) {
				throw new IllegalStateException("a command line with a line break or NUL reached the wire layer");
			}
		}
		if (this.expectedReplies == 0 && this.reader.hasBufferedBytes()) {
			// a reply that no command asked for would be taken as the answer to this one
			this.broken = true;
			throw new SmtpProtocolException(command.phase(), "the server sent data that no command asked for");
		}
		this.expectedReplies++;
		try {
			this.transport.write(bytes, 0, bytes.length);
		}
		catch (IOException ex) {
			throw writeFailure(command.phase(), ex);
		}
		this.log.sent(command.loggedLine());
		this.events.commandSent(this.info, command.verb());
	}

	/**
	 * Sends what is buffered.
	 * @param phase the phase, for errors
	 */
	public void flush(SmtpPhase phase) {
		try {
			this.transport.flush();
		}
		catch (IOException ex) {
			throw writeFailure(phase, ex);
		}
	}

	/**
	 * Breaks the channel for a failed write and describes the failure.
	 * @param phase the phase, for the error
	 * @param ex the failure
	 * @return the error to throw
	 */
	public SmtpException writeFailure(SmtpPhase phase, IOException ex) {
		this.broken = true;
		if (this.transport.writeTimedOut()) {
			return new SmtpTimeoutException(phase, "writing to the server", this.settings.writeTimeout(), ex);
		}
		return new SmtpConnectionException(phase, "connection failed while writing: " + ex.getMessage(), ex);
	}

	/**
	 * Reads the next reply; a failure to read one, or a 421, breaks the channel.
	 * @param verb the command the reply answers, for events
	 * @param phase the phase, for errors
	 * @param timeout the deadline for the whole reply
	 * @return the reply
	 */
	public SmtpReply read(String verb, SmtpPhase phase, Duration timeout) {
		long started = System.nanoTime();
		SmtpReply reply;
		try {
			reply = this.reader.read(phase, timeout);
		}
		catch (SmtpException ex) {
			this.broken = true;
			throw ex;
		}
		if (this.expectedReplies > 0) {
			this.expectedReplies--;
		}
		this.log.received(reply);
		this.events.replyReceived(this.info, verb, reply, Duration.ofNanos(System.nanoTime() - started));
		if (reply.code() == 421) {
			// the server is closing the connection: it must never carry another command
			this.broken = true;
		}
		return reply;
	}

	public SmtpReply read(String verb, SmtpPhase phase) {
		return read(verb, phase, this.settings.replyTimeout(phase));
	}

	/**
	 * Writes a command, sends it and reads its reply.
	 * @param command the command
	 * @return the reply
	 */
	public SmtpReply command(SmtpCommand command) {
		write(command);
		flush(command.phase());
		return read(command.verb(), command.phase());
	}

	// ---- message data, written around the command rules (dot-stuffed or in chunks)

	/**
	 * Buffers message data.
	 * @throws IOException when the transport fails
	 */
	public void writeData(byte[] bytes, int offset, int length) throws IOException {
		this.transport.write(bytes, offset, length);
	}

	/**
	 * Sends buffered message data and whatever was written after it.
	 * @throws IOException when the transport fails
	 */
	public void flushData() throws IOException {
		this.transport.flush();
	}

	// ---- the transaction the server holds

	/**
	 * Sends RSET, abandoning any transaction; a refused RSET closes the channel.
	 */
	public void reset() {
		requireOpen();
		SmtpReply reply = guarded(() -> command(BareCommand.RSET));
		this.inTransaction = false;
		if (!reply.isPositive()) {
			abort();
			throw new SmtpReplyException(SmtpPhase.RSET, reply);
		}
	}

	/**
	 * RSET after a failed transaction, unless the connection is already lost (a 421 or an
	 * I/O failure).
	 */
	public void resetIfUsable() {
		if (isUsable()) {
			reset();
		}
		else {
			this.inTransaction = false;
		}
	}

	/**
	 * RSET when a transaction is still open on the server (after a refused BDAT chunk).
	 */
	public void resetIfInTransaction() {
		if (this.inTransaction) {
			reset();
		}
	}

	public void inTransaction(boolean inTransaction) {
		this.inTransaction = inTransaction;
	}

	/**
	 * Runs a command; any failure closes the channel.
	 * @param action the command
	 * @return its reply
	 */
	public SmtpReply guarded(java.util.function.Supplier<SmtpReply> action) {
		try {
			return action.get();
		}
		catch (SmtpException ex) {
			abort();
			throw ex;
		}
	}

	/**
	 * Refuses a closed channel.
	 * @throws IllegalStateException when closed
	 */
	public void requireOpen() {
		if (this.closed) {
			throw new IllegalStateException("connection " + this.info + " is closed");
		}
	}

	/**
	 * Refuses a channel that is closed or broken, and ends a transaction the server still
	 * holds.
	 * @throws IllegalStateException when closed or broken
	 */
	public void requireUsable() {
		requireOpen();
		if (this.broken) {
			throw new IllegalStateException("connection " + this.info + " is broken and must not be used");
		}
		if (this.inTransaction) {
			reset();
		}
	}

	// ---- state

	/**
	 * Whether the channel can carry more commands: open, and no failure that leaves its
	 * state unknown.
	 * @return whether the channel is usable
	 */
	public boolean isUsable() {
		return !this.closed && !this.broken;
	}

	public boolean isBroken() {
		return this.broken;
	}

	public boolean isClosed() {
		return this.closed;
	}

	/**
	 * Marks the channel as one that must carry nothing more.
	 */
	public void markBroken() {
		this.broken = true;
	}

	public boolean hasUnreadInput() {
		return this.reader.hasBufferedBytes();
	}

	/**
	 * Whether the server has sent more than every reply owed so far.
	 * @return whether unsolicited input is buffered
	 */
	public boolean hasUnsolicitedInput() {
		return this.expectedReplies == 0 && this.reader.hasBufferedBytes();
	}

	/**
	 * Whether the transport is connected; false only when connecting failed.
	 * @return whether a transport is attached
	 */
	public boolean isConnected() {
		return this.transport != null;
	}

	public boolean isSecure() {
		return this.transport != null && this.transport.isSecure();
	}

	public Optional<TlsSessionInfo> tlsSession() {
		return (this.transport != null) ? this.transport.tlsSession() : Optional.empty();
	}

	public InetAddress localAddress() {
		return this.transport.localAddress();
	}

	public SmtpConnectionInfo info() {
		return this.info;
	}

	/**
	 * In test mode, everything that would have been sent, byte for byte.
	 * @return the recorded bytes
	 * @throws IllegalStateException when not in test mode
	 */
	public byte[] recorded() {
		if (!(this.transport instanceof OfflineTransport offline)) {
			throw new IllegalStateException("not in test mode");
		}
		return offline.recorded();
	}

	/**
	 * Closes the connection at once, without QUIT. Idempotent.
	 */
	public void abort() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.broken = true;
		if (this.transport != null) {
			this.transport.close();
		}
		this.events.connectionClosed(this.info);
	}

}
