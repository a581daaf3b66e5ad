package dev.smtpclient.internal.session;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLException;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.Envelope;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SendResult;
import dev.smtpclient.ServerCapabilities;
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
import dev.smtpclient.internal.protocol.ProtocolLog;
import dev.smtpclient.internal.protocol.ReplyReader;
import dev.smtpclient.internal.transport.OfflineTransport;
import dev.smtpclient.internal.transport.SocketTransport;
import dev.smtpclient.internal.transport.Transport;

/**
 * One SMTP session on one connection, behind the public
 * {@link dev.smtpclient.SmtpConnection} and lent by the pool: opened, greeted, upgraded
 * to TLS and authenticated once, then used for any number of messages, one after another.
 * Not thread-safe: one thread at a time.
 * <p>
 * A connection that saw a 421 reply, an I/O error, a timeout or a protocol error is
 * closed and can never be used again ({@link #isUsable()} is false).
 */
public final class Session implements AutoCloseable {

	private static final AtomicLong IDS = new AtomicLong();

	private static final Duration QUIT_TIMEOUT = Duration.ofSeconds(5);

	private final ConnectionSettings settings;

	private final SmtpConnectionInfo info;

	private final SmtpEventListener events;

	private final ProtocolLog log;

	private Transport transport;

	private ReplyReader reader;

	private SmtpReply greeting;

	private ServerCapabilities capabilities = ServerCapabilities.none();

	private boolean authenticated;

	private boolean inTransaction;

	private boolean broken;

	private boolean closed;

	private long messagesSent;

	/**
	 * Replies owed by the server for what was written (the greeting counts as one).
	 */
	private int expectedReplies = 1;

	private final long openedAtNanos = System.nanoTime();

	private Session(ConnectionSettings settings) {
		this.settings = settings;
		this.info = new SmtpConnectionInfo(IDS.incrementAndGet(), settings.host(), settings.port());
		this.log = new ProtocolLog(this.info, settings.infoLog(), settings.debugLog());
		this.events = CompositeEventListener.shield(settings.eventListener(), this.log::debug);
	}

	/**
	 * Connects and performs the handshake: greeting, EHLO (or HELO), STARTTLS and EHLO
	 * again as the TLS policy asks, and AUTH when credentials are configured.
	 * @param settings the settings
	 * @return the open connection, ready for mail
	 * @throws SmtpException when any step fails; the connection is closed then
	 */
	public static Session open(ConnectionSettings settings) {
		Session connection = new Session(settings);
		try {
			connection.connect();
			new Handshake(connection).run();
			connection.events.sessionReady(connection.info, connection.capabilities);
			connection.log.info("ready: " + connection.capabilities + (connection.isSecure()
					? " over " + connection.tlsSession().map(TlsSessionInfo::protocol).orElse("TLS") : " without TLS")
					+ (connection.authenticated ? ", authenticated as " + settings.username() : ""));
			return connection;
		}
		catch (SmtpException ex) {
			connection.log.info("handshake failed: " + ex.getMessage());
			connection.abort();
			throw ex;
		}
		catch (RuntimeException ex) {
			connection.abort();
			throw ex;
		}
	}

	private void connect() {
		if (this.settings.testMode()) {
			this.transport = new OfflineTransport();
			this.log.info("test mode: no network, commands are recorded");
		}
		else {
			try {
				SocketTransport socket = SocketTransport.connect(this.info, this.events, this.settings.connectTimeout(),
						this.settings.writeTimeout(), this.settings.sslContext());
				this.transport = socket;
				if (this.settings.tlsPolicy() == TlsPolicy.IMPLICIT) {
					startTls();
				}
			}
			catch (SocketTimeoutException ex) {
				throw new SmtpTimeoutException(SmtpPhase.CONNECT, "connect to " + this.info,
						this.settings.connectTimeout(), ex);
			}
			catch (UnknownHostException ex) {
				throw new SmtpConnectionException(SmtpPhase.CONNECT, "unknown host " + this.settings.host(), ex);
			}
			catch (IOException ex) {
				throw new SmtpConnectionException(SmtpPhase.CONNECT,
						"cannot connect to " + this.info + ": " + ex.getMessage(), ex);
			}
		}
		this.reader = new ReplyReader(this.transport);
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

	// ---- commands and replies, shared by the handshake, AUTH and mail transactions

	/**
	 * Buffers one command line. The line is checked once more here, on its bytes: nothing
	 * that reaches this point may carry a line break or NUL.
	 */
	public void write(String verb, String line, String loggedLine) {
		if (this.broken) {
			// after a 421 or an I/O failure the server is gone or going: whatever is
			// written now is lost
			throw new SmtpConnectionException(phaseOf(verb),
					"connection " + this.info + " is broken; nothing more is " + "written to it", null);
		}
		byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length - 2; i++) {
			if (bytes[i] == '\r' || bytes[i] == '\n' || bytes[i] == 0) {
				throw new IllegalStateException("a command line with a line break or NUL reached the wire layer");
			}
		}
		if (this.expectedReplies == 0 && this.reader.hasBufferedBytes()) {
			// a reply that no command asked for would be taken as the answer to this one
			this.broken = true;
			throw new SmtpProtocolException(phaseOf(verb), "the server sent data that no command asked for");
		}
		this.expectedReplies++;
		try {
			this.transport.write(bytes, 0, bytes.length);
		}
		catch (IOException ex) {
			throw writeFailure(phaseOf(verb), ex);
		}
		this.log.sent(loggedLine);
		this.events.commandSent(this.info, verb);
	}

	public void flush(SmtpPhase phase) {
		try {
			this.transport.flush();
		}
		catch (IOException ex) {
			throw writeFailure(phase, ex);
		}
	}

	public SmtpException writeFailure(SmtpPhase phase, IOException ex) {
		this.broken = true;
		if (this.transport.writeTimedOut()) {
			return new SmtpTimeoutException(phase, "writing to the server", this.settings.writeTimeout(), ex);
		}
		return new SmtpConnectionException(phase, "connection failed while writing: " + ex.getMessage(), ex);
	}

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

	public SmtpReply command(String verb, String line, SmtpPhase phase) {
		return command(verb, line, line, phase);
	}

	public SmtpReply command(String verb, String line, String loggedLine, SmtpPhase phase) {
		write(verb, line, loggedLine);
		flush(phase);
		return read(verb, phase);
	}

	private static SmtpPhase phaseOf(String verb) {
		try {
			return SmtpPhase.valueOf(verb.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return SmtpPhase.MESSAGE;
		}
	}

	// ---- the public operations

	/**
	 * Sends one message: MAIL FROM, RCPT TO for each recipient, DATA, the content and the
	 * final ".". Commands are pipelined when the server offers PIPELINING.
	 * @param envelope the sender and recipients
	 * @param content the message
	 * @return the result, with every recipient's reply and the final reply
	 * @throws SmtpRecipientsRejectedException when no recipient (or, if required, not
	 * every one) was accepted
	 * @throws SmtpReplyException when the server refused the message
	 * @throws SmtpCapabilityException when the message needs an extension the server
	 * lacks, before anything is sent
	 * @throws OutcomeUnknownException when the message was written in full but no reply
	 * came
	 */
	public SendResult send(Envelope envelope, MessageContent content) {
		requireUsable();
		MessageTimer timer = startMessage();
		try {
			return accepted(new MailTransaction(this, envelope, content).run(), timer);
		}
		catch (SmtpException ex) {
			throw failed(ex, timer);
		}
	}

	/**
	 * Sends a message: its envelope (sender, To, Cc and Bcc) and its content.
	 * @param mail the message, for example a
	 * {@link dev.smtpclient.message.ComposedMessage}
	 * @return the result
	 */
	public SendResult send(Mail mail) {
		return send(mail.envelope(), mail.content());
	}

	/**
	 * Sends messages one after another, taking each from the source until it returns
	 * {@code null} or the connection breaks; see {@link MessageSequence}.
	 * @param source supplies the next message, or {@code null} when there is none
	 * @param outcomes told the outcome of each message taken
	 */
	public void sendSequence(MessageSequence.Source source, MessageSequence.Outcomes outcomes) {
		requireUsable();
		new MessageSequence(this, source, outcomes).run();
	}

	public record MessageTimer(long startedNanos) {

		Duration elapsed() {
			return Duration.ofNanos(System.nanoTime() - this.startedNanos);
		}

	}

	public MessageTimer startMessage() {
		this.events.messageStart(this.info);
		return new MessageTimer(System.nanoTime());
	}

	public SendResult accepted(SendResult result, MessageTimer timer) {
		this.messagesSent++;
		this.events.messageAccepted(this.info, result, timer.elapsed());
		this.log.info(() -> "message accepted: " + result.finalReply());
		return result;
	}

	public SmtpException failed(SmtpException ex, MessageTimer timer) {
		this.events.messageFailed(this.info, ex, timer.elapsed());
		this.log.info(() -> "message not sent: " + ex.getMessage());
		if (this.broken) {
			abort();
		}
		return ex;
	}

	/**
	 * Sends RSET, abandoning any transaction.
	 */
	public void reset() {
		requireOpen();
		SmtpReply reply = guarded(() -> command("RSET", "RSET", SmtpPhase.RSET));
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

	/**
	 * Sends NOOP, to check that the connection is alive.
	 * @return the reply
	 */
	public SmtpReply noop() {
		requireOpen();
		SmtpReply reply = guarded(() -> command("NOOP", "NOOP", SmtpPhase.NOOP));
		if (!reply.isPositive()) {
			abort();
			throw new SmtpReplyException(SmtpPhase.NOOP, reply);
		}
		return reply;
	}

	private SmtpReply guarded(java.util.function.Supplier<SmtpReply> action) {
		try {
			return action.get();
		}
		catch (SmtpException ex) {
			abort();
			throw ex;
		}
	}

	void requireUsable() {
		requireOpen();
		if (this.broken) {
			throw new IllegalStateException("connection " + this.info + " is broken and must not be used");
		}
		if (this.inTransaction) {
			reset();
		}
	}

	private void requireOpen() {
		if (this.closed) {
			throw new IllegalStateException("connection " + this.info + " is closed");
		}
	}

	/**
	 * Ends the session politely (QUIT, waiting briefly for the reply) and closes the
	 * connection. Idempotent.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		if (!this.broken && this.transport != null) {
			try {
				write("QUIT", "QUIT", "QUIT");
				flush(SmtpPhase.QUIT);
				read("QUIT", SmtpPhase.QUIT, min(QUIT_TIMEOUT, this.settings.commandTimeout()));
			}
			catch (SmtpException ex) {
				// the server may already have gone; the connection is closing anyway
			}
		}
		abort();
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

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	// ---- state

	/**
	 * Whether the connection can carry another message: open, and no failure that leaves
	 * its state unknown.
	 * @return whether the connection is usable
	 */
	public boolean isUsable() {
		return !this.closed && !this.broken;
	}

	public boolean isSecure() {
		return this.transport != null && this.transport.isSecure();
	}

	public Optional<TlsSessionInfo> tlsSession() {
		String[] parameters = (this.transport != null) ? this.transport.tlsParameters() : null;
		return (parameters != null) ? Optional.of(new TlsSessionInfo(parameters[0], parameters[1])) : Optional.empty();
	}

	public SmtpReply greeting() {
		return this.greeting;
	}

	/**
	 * What the server offers, as learnt from the last EHLO (after TLS, if TLS is used).
	 * @return the capabilities
	 */
	public ServerCapabilities capabilities() {
		return this.capabilities;
	}

	public boolean isAuthenticated() {
		return this.authenticated;
	}

	public long messagesSent() {
		return this.messagesSent;
	}

	public SmtpConnectionInfo info() {
		return this.info;
	}

	/**
	 * How long ago this connection was opened.
	 * @return the age
	 */
	public Duration age() {
		return Duration.ofNanos(System.nanoTime() - this.openedAtNanos);
	}

	/**
	 * In test mode, everything that would have been sent, byte for byte.
	 * @return the recorded bytes as UTF-8 text
	 * @throws IllegalStateException when not in test mode
	 */
	public String testTranscript() {
		if (!(this.transport instanceof OfflineTransport offline)) {
			throw new IllegalStateException("not in test mode");
		}
		return new String(offline.recorded(), StandardCharsets.UTF_8);
	}

	// ---- for the handshake and transaction classes

	public ConnectionSettings settings() {
		return this.settings;
	}

	public ProtocolLog log() {
		return this.log;
	}

	public Transport transport() {
		return this.transport;
	}

	public boolean hasUnreadInput() {
		return this.reader.hasBufferedBytes();
	}

	/**
	 * Whether the server has sent more than every reply owed so far.
	 */
	public boolean hasUnsolicitedInput() {
		return this.expectedReplies == 0 && this.reader.hasBufferedBytes();
	}

	public void greeting(SmtpReply greeting) {
		this.greeting = greeting;
	}

	public void capabilities(ServerCapabilities capabilities) {
		this.capabilities = capabilities;
	}

	public void authenticated(boolean authenticated) {
		this.authenticated = authenticated;
	}

	public void inTransaction(boolean inTransaction) {
		this.inTransaction = inTransaction;
	}

	public void markBroken() {
		this.broken = true;
	}

	@Override
	public String toString() {
		return "SmtpConnection[" + this.info + (this.closed ? ", closed" : "") + (isSecure() ? ", TLS" : "")
				+ (this.authenticated ? ", user=" + this.settings.username() : "") + "]";
	}

}
