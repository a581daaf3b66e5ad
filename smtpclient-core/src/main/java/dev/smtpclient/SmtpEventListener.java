package dev.smtpclient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.smtpclient.internal.session.CompositeEventListener;

/**
 * Instrumentation of connections: look-ups, connects, TLS, bytes, commands and replies,
 * messages. Every method does nothing by default; override the ones you need. Start
 * events are paired with an end or a failure.
 * <p>
 * Called on the thread doing the work, so keep methods fast. A listener that throws never
 * breaks a send: the exception is reported to the debug log and ignored. Several
 * listeners are combined with {@link #composite(SmtpEventListener...)}. No event carries
 * a password, token or AUTH payload; the commands are reported by verb only, so no
 * address reaches a listener through them either.
 */
public interface SmtpEventListener {

	/**
	 * A listener that does nothing.
	 */
	SmtpEventListener NONE = new SmtpEventListener() {
	};

	/**
	 * Combines listeners into one that calls each in turn. Each is shielded from the
	 * others: one that throws has its failure logged, and the next is still called.
	 * Nested composites are flattened and {@link #NONE} is left out.
	 * @param listeners the listeners, called in this order
	 * @return one listener for all, {@link #NONE} when none is given
	 */
	static SmtpEventListener composite(SmtpEventListener... listeners) {
		return composite(Arrays.asList(listeners));
	}

	/**
	 * Combines listeners into one that calls each in turn; see
	 * {@link #composite(SmtpEventListener...)}.
	 * @param listeners the listeners, called in this order
	 * @return one listener for all, {@link #NONE} when none is given
	 */
	static SmtpEventListener composite(List<? extends SmtpEventListener> listeners) {
		return CompositeEventListener.of(listeners);
	}

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
	 * A command was written. Only the verb is given ({@code MAIL}, {@code AUTH}, ...),
	 * never its arguments.
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
	 * The pool of a {@link SmtpClient} changed: a connection was lent, returned, opened
	 * or closed, or a send started or stopped waiting.
	 * @param stats the pool now
	 */
	default void poolChanged(PoolStats stats) {
	}

}
