package dev.smtpclient.autoconfigure.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.TlsSessionInfo;
import dev.smtpclient.autoconfigure.SendOutcomes;

/**
 * A {@link MeterBinder} that records meters from a client's connection events (register
 * it as the client's {@link SmtpEventListener}). Events that arrive before it is bound to
 * a registry are not recorded. Every meter carries the given common tags (the
 * auto-configuration gives {@code server.address} and {@code server.port}); the other
 * tags are low-cardinality only: no address, subject or message id ever becomes a tag.
 * Outcomes and error types use the {@link SendOutcomes} vocabulary, as the send
 * observation does.
 * <ul>
 * <li>{@code smtp.client.connect} timer: outcome (SUCCESS, FAILURE), error.type</li>
 * <li>{@code smtp.client.tls.handshake} timer: outcome, tls.protocol, error.type</li>
 * <li>{@code smtp.client.transaction} timer (one mail transaction on a connection, MAIL
 * to the final reply): outcome (SUCCESS, PARTIAL, FAILURE), reply.class, tls.protocol,
 * error.type</li>
 * <li>{@code smtp.client.sent} and {@code smtp.client.received} counters, in bytes (in
 * Prometheus {@code smtp_client_sent_bytes_total} and
 * {@code smtp_client_received_bytes_total})</li>
 * <li>{@code smtp.client.commands} counter: command (the verb), reply.class</li>
 * </ul>
 * The pool's gauges are {@link SmtpClientPoolMetrics}.
 */
public final class SmtpClientMetrics implements SmtpEventListener, MeterBinder {

	public static final String CONNECT = "smtp.client.connect";

	public static final String TLS_HANDSHAKE = "smtp.client.tls.handshake";

	public static final String TRANSACTION = "smtp.client.transaction";

	public static final String BYTES_SENT = "smtp.client.sent";

	public static final String BYTES_RECEIVED = "smtp.client.received";

	public static final String COMMANDS = "smtp.client.commands";

	private static final Set<String> VERBS = Set.of("GREETING", "EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT",
			"DATA", "BDAT", "RSET", "NOOP", "QUIT");

	private static final String NONE = SendOutcomes.NONE;

	private final Tags tags;

	private volatile @Nullable MeterRegistry registry;

	private volatile @Nullable Counter bytesSent;

	private volatile @Nullable Counter bytesReceived;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	private final Map<String, Counter> commands = new ConcurrentHashMap<>();

	private final Map<Long, Long> connectStarts = new ConcurrentHashMap<>();

	private final Map<Long, Long> tlsStarts = new ConcurrentHashMap<>();

	private final Map<Long, String> tlsProtocols = new ConcurrentHashMap<>();

	public SmtpClientMetrics(Tags tags) {
		this.tags = tags;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.bytesSent = Counter.builder(BYTES_SENT)
			.description("Bytes sent to SMTP servers")
			.baseUnit(BaseUnits.BYTES)
			.tags(this.tags)
			.register(registry);
		this.bytesReceived = Counter.builder(BYTES_RECEIVED)
			.description("Bytes received from SMTP servers")
			.baseUnit(BaseUnits.BYTES)
			.tags(this.tags)
			.register(registry);
		this.registry = registry;
	}

	@Override
	public void connectStart(SmtpConnectionInfo connection, InetSocketAddress address) {
		this.connectStarts.put(connection.id(), System.nanoTime());
	}

	@Override
	public void connectEnd(SmtpConnectionInfo connection, InetSocketAddress address, Duration took) {
		this.connectStarts.remove(connection.id());
		timer(CONNECT, "Time to open a TCP connection to the server", "outcome", SendOutcomes.SUCCESS, "error.type",
				NONE)
			.record(took);
	}

	@Override
	public void connectFailed(SmtpConnectionInfo connection, InetSocketAddress address, IOException error) {
		timer(CONNECT, "Time to open a TCP connection to the server", "outcome", SendOutcomes.FAILURE, "error.type",
				SendOutcomes.errorType(error))
			.record(since(this.connectStarts.remove(connection.id())));
	}

	@Override
	public void tlsStart(SmtpConnectionInfo connection) {
		this.tlsStarts.put(connection.id(), System.nanoTime());
	}

	@Override
	public void tlsEstablished(SmtpConnectionInfo connection, TlsSessionInfo tls, Duration took) {
		this.tlsStarts.remove(connection.id());
		this.tlsProtocols.put(connection.id(), tls.protocol());
		timer(TLS_HANDSHAKE, "Time of the TLS handshake", "outcome", SendOutcomes.SUCCESS, "tls.protocol",
				tls.protocol(), "error.type", NONE)
			.record(took);
	}

	@Override
	public void tlsFailed(SmtpConnectionInfo connection, Exception error) {
		timer(TLS_HANDSHAKE, "Time of the TLS handshake", "outcome", SendOutcomes.FAILURE, "tls.protocol", NONE,
				"error.type", SendOutcomes.errorType(error))
			.record(since(this.tlsStarts.remove(connection.id())));
	}

	@Override
	public void bytesWritten(SmtpConnectionInfo connection, long count) {
		Counter counter = this.bytesSent;
		if (counter != null) {
			counter.increment(count);
		}
	}

	@Override
	public void bytesRead(SmtpConnectionInfo connection, long count) {
		Counter counter = this.bytesReceived;
		if (counter != null) {
			counter.increment(count);
		}
	}

	@Override
	public void replyReceived(SmtpConnectionInfo connection, String verb, SmtpReply reply, Duration took) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		String command = verb.toUpperCase(Locale.ROOT);
		String tag = VERBS.contains(command) ? command : "OTHER";
		String replyClass = replyClass(reply.code());
		this.commands
			.computeIfAbsent(tag + " " + replyClass,
					(key) -> Counter.builder(COMMANDS)
						.description("Commands sent, by the class of their reply")
						.tags(this.tags)
						.tag("command", tag)
						.tag("reply.class", replyClass)
						.register(registry))
			.increment();
	}

	@Override
	public void messageAccepted(SmtpConnectionInfo connection, SendResult result, Duration took) {
		transaction(connection, SendOutcomes.outcome(result), replyClass(result.finalReply().code()), NONE)
			.record(took);
	}

	@Override
	public void messageFailed(SmtpConnectionInfo connection, SmtpException error, Duration took) {
		String replyClass = (error instanceof SmtpReplyException reply) ? replyClass(reply.replyCode()) : NONE;
		transaction(connection, SendOutcomes.FAILURE, replyClass, SendOutcomes.errorType(error)).record(took);
	}

	@Override
	public void connectionClosed(SmtpConnectionInfo connection) {
		this.connectStarts.remove(connection.id());
		this.tlsStarts.remove(connection.id());
		this.tlsProtocols.remove(connection.id());
	}

	private Recorder transaction(SmtpConnectionInfo connection, String outcome, String replyClass, String error) {
		return timer(TRANSACTION, "Time of one mail transaction, from MAIL to the reply to the message data", "outcome",
				outcome, "reply.class", replyClass, "tls.protocol",
				this.tlsProtocols.getOrDefault(connection.id(), NONE), "error.type", error);
	}

	private Recorder timer(String name, String description, String... keyValues) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return (duration) -> {
			};
		}
		String key = name + " " + String.join(" ", keyValues);
		Timer timer = this.timers.computeIfAbsent(key,
				(ignored) -> Timer.builder(name)
					.description(description)
					.tags(this.tags)
					.tags(keyValues)
					.register(registry));
		return timer::record;
	}

	private static Duration since(@Nullable Long startNanos) {
		return (startNanos != null) ? Duration.ofNanos(System.nanoTime() - startNanos) : Duration.ZERO;
	}

	static String replyClass(int code) {
		return SendOutcomes.replyClass(code);
	}

	@FunctionalInterface
	private interface Recorder {

		void record(Duration duration);

	}

}
