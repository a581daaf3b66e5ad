package dev.smtpclient.internal.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
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
 * Several listeners as one, each shielded from the others and the engine from all of
 * them: a listener that throws has its failure logged and the next listener, and the
 * send, go on. Behind {@link SmtpEventListener#composite(List)}; the engine wraps the
 * configured listener once more to log failures to the connection's debug log.
 */
public final class CompositeEventListener implements SmtpEventListener {

	private static final System.Logger LOGGER = System.getLogger(SmtpEventListener.class.getName());

	private static final Consumer<String> SYSTEM_LOG = (message) -> LOGGER.log(System.Logger.Level.DEBUG, message);

	private final List<SmtpEventListener> listeners;

	private final Consumer<String> failureLog;

	private CompositeEventListener(List<SmtpEventListener> listeners, Consumer<String> failureLog) {
		this.listeners = listeners;
		this.failureLog = failureLog;
	}

	/**
	 * Combines listeners: nested composites are flattened, {@link SmtpEventListener#NONE}
	 * is left out.
	 * @param listeners the listeners, called in this order
	 * @return one listener, {@link SmtpEventListener#NONE} when none is left
	 */
	public static SmtpEventListener of(List<? extends SmtpEventListener> listeners) {
		return combine(listeners, SYSTEM_LOG);
	}

	/**
	 * Shields the engine from a listener that throws, logging the failure to the given
	 * log.
	 * @param listener the configured listener, perhaps a composite
	 * @param failureLog where a listener's failure is reported
	 * @return the shielded listener
	 */
	public static SmtpEventListener shield(SmtpEventListener listener, Consumer<String> failureLog) {
		return combine(List.of(listener), failureLog);
	}

	private static SmtpEventListener combine(List<? extends SmtpEventListener> listeners, Consumer<String> failureLog) {
		List<SmtpEventListener> flat = new ArrayList<>();
		for (SmtpEventListener listener : listeners) {
			if (listener instanceof CompositeEventListener composite) {
				flat.addAll(composite.listeners);
			}
			else if (listener == null) {
				throw new IllegalArgumentException("an event listener must not be null");
			}
			else if (listener != SmtpEventListener.NONE) {
				flat.add(listener);
			}
		}
		return flat.isEmpty() ? SmtpEventListener.NONE : new CompositeEventListener(List.copyOf(flat), failureLog);
	}

	private void each(String event, Consumer<SmtpEventListener> call) {
		for (SmtpEventListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				failed(event, ex);
			}
		}
	}

	private void failed(String event, RuntimeException ex) {
		try {
			this.failureLog.accept("event listener failed in " + event + ": " + ex);
		}
		catch (RuntimeException ignored) {
			// a failing log must not break the send either
		}
	}

	@Override
	public void dnsStart(SmtpConnectionInfo connection, String host) {
		each("dnsStart", (listener) -> listener.dnsStart(connection, host));
	}

	@Override
	public void dnsEnd(SmtpConnectionInfo connection, String host, List<InetAddress> addresses) {
		each("dnsEnd", (listener) -> listener.dnsEnd(connection, host, addresses));
	}

	@Override
	public void dnsFailed(SmtpConnectionInfo connection, String host, IOException error) {
		each("dnsFailed", (listener) -> listener.dnsFailed(connection, host, error));
	}

	@Override
	public void connectStart(SmtpConnectionInfo connection, InetSocketAddress address) {
		each("connectStart", (listener) -> listener.connectStart(connection, address));
	}

	@Override
	public void connectEnd(SmtpConnectionInfo connection, InetSocketAddress address, Duration took) {
		each("connectEnd", (listener) -> listener.connectEnd(connection, address, took));
	}

	@Override
	public void connectFailed(SmtpConnectionInfo connection, InetSocketAddress address, IOException error) {
		each("connectFailed", (listener) -> listener.connectFailed(connection, address, error));
	}

	@Override
	public void tlsStart(SmtpConnectionInfo connection) {
		each("tlsStart", (listener) -> listener.tlsStart(connection));
	}

	@Override
	public void tlsEstablished(SmtpConnectionInfo connection, TlsSessionInfo tls, Duration took) {
		each("tlsEstablished", (listener) -> listener.tlsEstablished(connection, tls, took));
	}

	@Override
	public void tlsFailed(SmtpConnectionInfo connection, Exception error) {
		each("tlsFailed", (listener) -> listener.tlsFailed(connection, error));
	}

	@Override
	public void bytesWritten(SmtpConnectionInfo connection, long count) {
		each("bytesWritten", (listener) -> listener.bytesWritten(connection, count));
	}

	@Override
	public void bytesRead(SmtpConnectionInfo connection, long count) {
		each("bytesRead", (listener) -> listener.bytesRead(connection, count));
	}

	@Override
	public void commandSent(SmtpConnectionInfo connection, String verb) {
		each("commandSent", (listener) -> listener.commandSent(connection, verb));
	}

	@Override
	public void replyReceived(SmtpConnectionInfo connection, String verb, SmtpReply reply, Duration took) {
		each("replyReceived", (listener) -> listener.replyReceived(connection, verb, reply, took));
	}

	@Override
	public void sessionReady(SmtpConnectionInfo connection, ServerCapabilities capabilities) {
		each("sessionReady", (listener) -> listener.sessionReady(connection, capabilities));
	}

	@Override
	public void messageStart(SmtpConnectionInfo connection) {
		each("messageStart", (listener) -> listener.messageStart(connection));
	}

	@Override
	public void messageAccepted(SmtpConnectionInfo connection, SendResult result, Duration took) {
		each("messageAccepted", (listener) -> listener.messageAccepted(connection, result, took));
	}

	@Override
	public void messageFailed(SmtpConnectionInfo connection, SmtpException error, Duration took) {
		each("messageFailed", (listener) -> listener.messageFailed(connection, error, took));
	}

	@Override
	public void connectionClosed(SmtpConnectionInfo connection) {
		each("connectionClosed", (listener) -> listener.connectionClosed(connection));
	}

	@Override
	public void poolChanged(PoolStats stats) {
		each("poolChanged", (listener) -> listener.poolChanged(stats));
	}

	@Override
	public String toString() {
		return "CompositeEventListener" + this.listeners;
	}

}
