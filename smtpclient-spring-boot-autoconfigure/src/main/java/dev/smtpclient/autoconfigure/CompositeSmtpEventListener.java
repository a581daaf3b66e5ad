package dev.smtpclient.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import dev.smtpclient.PoolStats;
import dev.smtpclient.SendResult;
import dev.smtpclient.ServerCapabilities;
import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.TlsSessionInfo;

/**
 * Hands every event to several listeners, in order. The client keeps one failing listener from breaking a send;
 * here one failing listener is also kept from starving the next.
 */
final class CompositeSmtpEventListener implements SmtpEventListener {

	private final List<SmtpEventListener> listeners;

	private CompositeSmtpEventListener(List<SmtpEventListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	static SmtpEventListener of(List<SmtpEventListener> listeners) {
		if (listeners.isEmpty()) {
			return SmtpEventListener.NONE;
		}
		return (listeners.size() == 1) ? listeners.get(0) : new CompositeSmtpEventListener(listeners);
	}

	private void each(Event event) {
		RuntimeException first = null;
		for (SmtpEventListener listener : this.listeners) {
			try {
				event.deliver(listener);
			}
			catch (RuntimeException ex) {
				if (first == null) {
					first = ex;
				}
			}
		}
		if (first != null) {
			throw first;
		}
	}

	@Override
	public void dnsStart(SmtpConnectionInfo connection, String host) {
		each((listener) -> listener.dnsStart(connection, host));
	}

	@Override
	public void dnsEnd(SmtpConnectionInfo connection, String host, List<InetAddress> addresses) {
		each((listener) -> listener.dnsEnd(connection, host, addresses));
	}

	@Override
	public void dnsFailed(SmtpConnectionInfo connection, String host, IOException error) {
		each((listener) -> listener.dnsFailed(connection, host, error));
	}

	@Override
	public void connectStart(SmtpConnectionInfo connection, InetSocketAddress address) {
		each((listener) -> listener.connectStart(connection, address));
	}

	@Override
	public void connectEnd(SmtpConnectionInfo connection, InetSocketAddress address, Duration took) {
		each((listener) -> listener.connectEnd(connection, address, took));
	}

	@Override
	public void connectFailed(SmtpConnectionInfo connection, InetSocketAddress address, IOException error) {
		each((listener) -> listener.connectFailed(connection, address, error));
	}

	@Override
	public void tlsStart(SmtpConnectionInfo connection) {
		each((listener) -> listener.tlsStart(connection));
	}

	@Override
	public void tlsEstablished(SmtpConnectionInfo connection, TlsSessionInfo tls, Duration took) {
		each((listener) -> listener.tlsEstablished(connection, tls, took));
	}

	@Override
	public void tlsFailed(SmtpConnectionInfo connection, Exception error) {
		each((listener) -> listener.tlsFailed(connection, error));
	}

	@Override
	public void bytesWritten(SmtpConnectionInfo connection, long count) {
		each((listener) -> listener.bytesWritten(connection, count));
	}

	@Override
	public void bytesRead(SmtpConnectionInfo connection, long count) {
		each((listener) -> listener.bytesRead(connection, count));
	}

	@Override
	public void commandSent(SmtpConnectionInfo connection, String verb) {
		each((listener) -> listener.commandSent(connection, verb));
	}

	@Override
	public void replyReceived(SmtpConnectionInfo connection, String verb, SmtpReply reply, Duration took) {
		each((listener) -> listener.replyReceived(connection, verb, reply, took));
	}

	@Override
	public void sessionReady(SmtpConnectionInfo connection, ServerCapabilities capabilities) {
		each((listener) -> listener.sessionReady(connection, capabilities));
	}

	@Override
	public void messageStart(SmtpConnectionInfo connection) {
		each((listener) -> listener.messageStart(connection));
	}

	@Override
	public void messageAccepted(SmtpConnectionInfo connection, SendResult result, Duration took) {
		each((listener) -> listener.messageAccepted(connection, result, took));
	}

	@Override
	public void messageFailed(SmtpConnectionInfo connection, SmtpException error, Duration took) {
		each((listener) -> listener.messageFailed(connection, error, took));
	}

	@Override
	public void connectionClosed(SmtpConnectionInfo connection) {
		each((listener) -> listener.connectionClosed(connection));
	}

	@Override
	public void poolChanged(PoolStats stats) {
		each((listener) -> listener.poolChanged(stats));
	}

	@FunctionalInterface
	private interface Event {

		void deliver(SmtpEventListener listener);

	}

}
