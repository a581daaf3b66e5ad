package dev.smtpclient.internal.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.Envelope;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SendResult;
import dev.smtpclient.ServerCapabilities;
import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.TlsSessionInfo;
import dev.smtpclient.internal.protocol.BareCommand;
import dev.smtpclient.internal.protocol.ProtocolLog;

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

	private final CommandChannel channel;

	private final MessageReporter reporter;

	private SmtpReply greeting;

	private ServerCapabilities capabilities = ServerCapabilities.none();

	private boolean authenticated;

	private final long openedAtNanos = System.nanoTime();

	private Session(ConnectionSettings settings) {
		this.settings = settings;
		this.info = new SmtpConnectionInfo(IDS.incrementAndGet(), settings.host(), settings.port());
		this.log = new ProtocolLog(this.info, settings.infoLog(), settings.debugLog());
		this.events = CompositeEventListener.shield(settings.eventListener(), this.log::debug);
		this.channel = new CommandChannel(settings, this.info, this.events, this.log);
		this.reporter = new MessageReporter(this.info, this.events, this.log, this.channel);
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
			connection.channel.connect();
			Handshake handshake = new Handshake(connection.channel, settings, connection.log);
			try {
				handshake.run();
			}
			finally {
				connection.greeting = handshake.greeting();
				connection.capabilities = handshake.capabilities();
				connection.authenticated = handshake.authenticated();
			}
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

	// ---- the public operations

	/**
	 * Sends one message: MAIL FROM, RCPT TO for each recipient, DATA, the content and the
	 * final ".". Commands are pipelined when the server offers PIPELINING.
	 * @param envelope the sender and recipients
	 * @param content the message
	 * @return the result, with every recipient's reply and the final reply
	 */
	public SendResult send(Envelope envelope, MessageContent content) {
		this.channel.requireUsable();
		MessageReporter.MessageTimer timer = this.reporter.startMessage();
		try {
			return this.reporter.accepted(
					new MailTransaction(this.channel, this.settings, this.capabilities, this.log, envelope, content)
						.run(),
					timer);
		}
		catch (SmtpException ex) {
			throw this.reporter.failed(ex, timer);
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
		this.channel.requireUsable();
		new MessageSequence(this.channel, this.settings, this.capabilities, this.log, this.reporter, source, outcomes)
			.run();
	}

	/**
	 * Sends RSET, abandoning any transaction.
	 */
	public void reset() {
		this.channel.reset();
	}

	/**
	 * Sends NOOP, to check that the connection is alive.
	 * @return the reply
	 */
	public SmtpReply noop() {
		this.channel.requireOpen();
		SmtpReply reply = this.channel.guarded(() -> this.channel.command(BareCommand.NOOP));
		if (!reply.isPositive()) {
			abort();
			throw new SmtpReplyException(SmtpPhase.NOOP, reply);
		}
		return reply;
	}

	/**
	 * Ends the session politely (QUIT, waiting briefly for the reply) and closes the
	 * connection. Idempotent.
	 */
	@Override
	public void close() {
		if (this.channel.isClosed()) {
			return;
		}
		if (!this.channel.isBroken() && this.channel.isConnected()) {
			try {
				this.channel.write(BareCommand.QUIT);
				this.channel.flush(SmtpPhase.QUIT);
				this.channel.read("QUIT", SmtpPhase.QUIT, min(QUIT_TIMEOUT, this.settings.commandTimeout()));
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
		this.channel.abort();
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
		return this.channel.isUsable();
	}

	public boolean isSecure() {
		return this.channel.isSecure();
	}

	public Optional<TlsSessionInfo> tlsSession() {
		return this.channel.tlsSession();
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
		return this.reporter.messagesSent();
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
		return new String(this.channel.recorded(), StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "SmtpConnection[" + this.info + (this.channel.isClosed() ? ", closed" : "") + (isSecure() ? ", TLS" : "")
				+ (this.authenticated ? ", user=" + this.settings.username() : "") + "]";
	}

}
