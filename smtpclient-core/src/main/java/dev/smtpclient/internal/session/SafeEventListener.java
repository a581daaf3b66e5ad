package dev.smtpclient.internal.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import dev.smtpclient.PoolStats;
import dev.smtpclient.SendResult;
import dev.smtpclient.ServerCapabilities;
import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.TlsSessionInfo;

/**
 * Shields the engine from a listener that throws: the failure goes to the debug log and the send goes on.
 */
public final class SafeEventListener implements SmtpEventListener {

	private final SmtpEventListener delegate;

	private final Consumer<String> debugLog;

	private SafeEventListener(SmtpEventListener delegate, Consumer<String> debugLog) {
		this.delegate = delegate;
		this.debugLog = debugLog;
	}

	public static SmtpEventListener wrap(SmtpEventListener delegate, Consumer<String> debugLog) {
		if (delegate == SmtpEventListener.NONE || delegate instanceof SafeEventListener) {
			return delegate;
		}
		return new SafeEventListener(delegate, debugLog);
	}

	private void failed(String event, RuntimeException ex) {
		try {
			this.debugLog.accept("event listener failed in " + event + ": " + ex);
		}
		catch (RuntimeException ignored) {
			// a failing log must not break the send either
		}
	}

	@Override
	public void dnsStart(SmtpConnectionInfo connection, String host) {
		try {
			this.delegate.dnsStart(connection, host);
		}
		catch (RuntimeException ex) {
			failed("dnsStart", ex);
		}
	}

	@Override
	public void dnsEnd(SmtpConnectionInfo connection, String host, List<InetAddress> addresses) {
		try {
			this.delegate.dnsEnd(connection, host, addresses);
		}
		catch (RuntimeException ex) {
			failed("dnsEnd", ex);
		}
	}

	@Override
	public void dnsFailed(SmtpConnectionInfo connection, String host, IOException error) {
		try {
			this.delegate.dnsFailed(connection, host, error);
		}
		catch (RuntimeException ex) {
			failed("dnsFailed", ex);
		}
	}

	@Override
	public void connectStart(SmtpConnectionInfo connection, InetSocketAddress address) {
		try {
			this.delegate.connectStart(connection, address);
		}
		catch (RuntimeException ex) {
			failed("connectStart", ex);
		}
	}

	@Override
	public void connectEnd(SmtpConnectionInfo connection, InetSocketAddress address, Duration took) {
		try {
			this.delegate.connectEnd(connection, address, took);
		}
		catch (RuntimeException ex) {
			failed("connectEnd", ex);
		}
	}

	@Override
	public void connectFailed(SmtpConnectionInfo connection, InetSocketAddress address, IOException error) {
		try {
			this.delegate.connectFailed(connection, address, error);
		}
		catch (RuntimeException ex) {
			failed("connectFailed", ex);
		}
	}

	@Override
	public void tlsStart(SmtpConnectionInfo connection) {
		try {
			this.delegate.tlsStart(connection);
		}
		catch (RuntimeException ex) {
			failed("tlsStart", ex);
		}
	}

	@Override
	public void tlsEstablished(SmtpConnectionInfo connection, TlsSessionInfo tls, Duration took) {
		try {
			this.delegate.tlsEstablished(connection, tls, took);
		}
		catch (RuntimeException ex) {
			failed("tlsEstablished", ex);
		}
	}

	@Override
	public void tlsFailed(SmtpConnectionInfo connection, Exception error) {
		try {
			this.delegate.tlsFailed(connection, error);
		}
		catch (RuntimeException ex) {
			failed("tlsFailed", ex);
		}
	}

	@Override
	public void bytesWritten(SmtpConnectionInfo connection, long count) {
		try {
			this.delegate.bytesWritten(connection, count);
		}
		catch (RuntimeException ex) {
			failed("bytesWritten", ex);
		}
	}

	@Override
	public void bytesRead(SmtpConnectionInfo connection, long count) {
		try {
			this.delegate.bytesRead(connection, count);
		}
		catch (RuntimeException ex) {
			failed("bytesRead", ex);
		}
	}

	@Override
	public void commandSent(SmtpConnectionInfo connection, String verb) {
		try {
			this.delegate.commandSent(connection, verb);
		}
		catch (RuntimeException ex) {
			failed("commandSent", ex);
		}
	}

	@Override
	public void replyReceived(SmtpConnectionInfo connection, String verb, SmtpReply reply, Duration took) {
		try {
			this.delegate.replyReceived(connection, verb, reply, took);
		}
		catch (RuntimeException ex) {
			failed("replyReceived", ex);
		}
	}

	@Override
	public void sessionReady(SmtpConnectionInfo connection, ServerCapabilities capabilities) {
		try {
			this.delegate.sessionReady(connection, capabilities);
		}
		catch (RuntimeException ex) {
			failed("sessionReady", ex);
		}
	}

	@Override
	public void messageStart(SmtpConnectionInfo connection) {
		try {
			this.delegate.messageStart(connection);
		}
		catch (RuntimeException ex) {
			failed("messageStart", ex);
		}
	}

	@Override
	public void messageAccepted(SmtpConnectionInfo connection, SendResult result, Duration took) {
		try {
			this.delegate.messageAccepted(connection, result, took);
		}
		catch (RuntimeException ex) {
			failed("messageAccepted", ex);
		}
	}

	@Override
	public void messageFailed(SmtpConnectionInfo connection, SmtpException error, Duration took) {
		try {
			this.delegate.messageFailed(connection, error, took);
		}
		catch (RuntimeException ex) {
			failed("messageFailed", ex);
		}
	}

	@Override
	public void connectionClosed(SmtpConnectionInfo connection) {
		try {
			this.delegate.connectionClosed(connection);
		}
		catch (RuntimeException ex) {
			failed("connectionClosed", ex);
		}
	}


	@Override
	public void poolChanged(PoolStats stats) {
		try {
			this.delegate.poolChanged(stats);
		}
		catch (RuntimeException ex) {
			failed("poolChanged", ex);
		}
	}

}
