package dev.smtpclient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Instrumentation of connections: look-ups, connects, TLS, bytes, commands and replies, messages. Every method
 * does nothing by default; override the ones you need. Start events are paired with an end or a failure.
 * <p>
 * Called on the thread doing the work, so keep methods fast. A listener that throws never breaks a send: the
 * exception is reported to the debug log and ignored. No event carries a password, token or AUTH payload; the
 * commands are reported by verb only, so no address reaches a listener through them either.
 */
public interface SmtpEventListener {

	/**
	 * A listener that does nothing.
	 */
	SmtpEventListener NONE = new SmtpEventListener() {
	};

	default void dnsStart(SmtpConnectionInfo connection, String host) {
	}

	default void dnsEnd(SmtpConnectionInfo connection, String host, List<InetAddress> addresses) {
	}

	default void dnsFailed(SmtpConnectionInfo connection, String host, IOException error) {
	}

	default void connectStart(SmtpConnectionInfo connection, InetSocketAddress address) {
	}

	default void connectEnd(SmtpConnectionInfo connection, InetSocketAddress address, Duration took) {
	}

	default void connectFailed(SmtpConnectionInfo connection, InetSocketAddress address, IOException error) {
	}

	default void tlsStart(SmtpConnectionInfo connection) {
	}

	default void tlsEstablished(SmtpConnectionInfo connection, TlsSessionInfo tls, Duration took) {
	}

	default void tlsFailed(SmtpConnectionInfo connection, Exception error) {
	}

	default void bytesWritten(SmtpConnectionInfo connection, long count) {
	}

	default void bytesRead(SmtpConnectionInfo connection, long count) {
	}

	/**
	 * A command was written. Only the verb is given ({@code MAIL}, {@code AUTH}, ...), never its arguments.
	 * @param connection the connection
	 * @param verb the command verb
	 */
	default void commandSent(SmtpConnectionInfo connection, String verb) {
	}

	default void replyReceived(SmtpConnectionInfo connection, String verb, SmtpReply reply, Duration took) {
	}

	/**
	 * The connection is ready for mail: greeting, EHLO, TLS and AUTH done.
	 * @param connection the connection
	 * @param capabilities what the server offers
	 */
	default void sessionReady(SmtpConnectionInfo connection, ServerCapabilities capabilities) {
	}

	default void messageStart(SmtpConnectionInfo connection) {
	}

	default void messageAccepted(SmtpConnectionInfo connection, SendResult result, Duration took) {
	}

	default void messageFailed(SmtpConnectionInfo connection, SmtpException error, Duration took) {
	}

	default void connectionClosed(SmtpConnectionInfo connection) {
	}

	/**
	 * The pool of a {@link SmtpClient} changed: a connection was lent, returned, opened or closed, or a send
	 * started or stopped waiting.
	 * @param stats the pool now
	 */
	default void poolChanged(PoolStats stats) {
	}

}
