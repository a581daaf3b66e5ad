package dev.smtpclient;

import java.time.Duration;
import java.util.Optional;

import dev.smtpclient.internal.session.Session;

/**
 * One SMTP session on one connection: opened, greeted, upgraded to TLS and authenticated
 * once, then used for any number of messages, one after another. Not thread-safe: one
 * thread at a time (the pooled client hands each connection to one thread).
 * <p>
 * A connection that saw a 421 reply, an I/O error, a timeout or a protocol error is
 * closed and can never be used again ({@link #isUsable()} is false).
 */
public final class SmtpConnection implements AutoCloseable {

	private final Session session;

	private SmtpConnection(Session session) {
		this.session = session;
	}

	/**
	 * Connects and performs the handshake: greeting, EHLO (or HELO), STARTTLS and EHLO
	 * again as the TLS policy asks, and AUTH when credentials are configured.
	 * @param settings the settings
	 * @return the open connection, ready for mail
	 * @throws SmtpException when any step fails; the connection is closed then
	 */
	public static SmtpConnection open(ConnectionSettings settings) {
		return new SmtpConnection(Session.open(settings));
	}

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
		return this.session.send(envelope, content);
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
	 * Sends RSET, abandoning any transaction.
	 */
	public void reset() {
		this.session.reset();
	}

	/**
	 * Sends NOOP, to check that the connection is alive.
	 * @return the reply
	 */
	public SmtpReply noop() {
		return this.session.noop();
	}

	/**
	 * Ends the session politely (QUIT, waiting briefly for the reply) and closes the
	 * connection. Idempotent.
	 */
	@Override
	public void close() {
		this.session.close();
	}

	/**
	 * Closes the connection at once, without QUIT. Idempotent.
	 */
	public void abort() {
		this.session.abort();
	}

	/**
	 * Whether the connection can carry another message: open, and no failure that leaves
	 * its state unknown.
	 * @return whether the connection is usable
	 */
	public boolean isUsable() {
		return this.session.isUsable();
	}

	public boolean isSecure() {
		return this.session.isSecure();
	}

	public Optional<TlsSessionInfo> tlsSession() {
		return this.session.tlsSession();
	}

	public SmtpReply greeting() {
		return this.session.greeting();
	}

	/**
	 * What the server offers, as learnt from the last EHLO (after TLS, if TLS is used).
	 * @return the capabilities
	 */
	public ServerCapabilities capabilities() {
		return this.session.capabilities();
	}

	public boolean isAuthenticated() {
		return this.session.isAuthenticated();
	}

	public long messagesSent() {
		return this.session.messagesSent();
	}

	public SmtpConnectionInfo info() {
		return this.session.info();
	}

	/**
	 * How long ago this connection was opened.
	 * @return the age
	 */
	public Duration age() {
		return this.session.age();
	}

	/**
	 * In test mode, everything that would have been sent, byte for byte.
	 * @return the recorded bytes as UTF-8 text
	 * @throws IllegalStateException when not in test mode
	 */
	public String testTranscript() {
		return this.session.testTranscript();
	}

	@Override
	public String toString() {
		return this.session.toString();
	}

}
