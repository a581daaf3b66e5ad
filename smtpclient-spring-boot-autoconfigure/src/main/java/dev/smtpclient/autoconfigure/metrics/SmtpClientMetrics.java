package dev.smtpclient.autoconfigure.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import org.jspecify.annotations.Nullable;

import dev.smtpclient.PoolStats;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.TlsSessionInfo;

/**
 * Records Micrometer meters from a client's connection events. Every meter carries the given common tags
 * (the auto-configuration gives {@code server.address} and {@code server.port}); the other tags are
 * low-cardinality only: no address, subject or message id ever becomes a tag.
 * <ul>
 * <li>{@code smtp.client.connect} timer: outcome</li>
 * <li>{@code smtp.client.tls.handshake} timer: outcome, tls.protocol</li>
 * <li>{@code smtp.client.transaction} timer (one mail transaction on a connection, MAIL to the final reply):
 * outcome (success, partial, failure), reply.class, tls.protocol, error</li>
 * <li>{@code smtp.client.bytes.written} and {@code smtp.client.bytes.read} counters</li>
 * <li>{@code smtp.client.commands} counter: command (the verb), reply.class</li>
 * <li>{@code smtp.client.pool.active}, {@code .idle}, {@code .pending} and {@code .max} gauges</li>
 * </ul>
 */
public final class SmtpClientMetrics implements SmtpEventListener {

	public static final String CONNECT = "smtp.client.connect";

	public static final String TLS_HANDSHAKE = "smtp.client.tls.handshake";

	public static final String TRANSACTION = "smtp.client.transaction";

	public static final String BYTES_WRITTEN = "smtp.client.bytes.written";

	public static final String BYTES_READ = "smtp.client.bytes.read";

	public static final String COMMANDS = "smtp.client.commands";

	public static final String POOL_PREFIX = "smtp.client.pool.";

	private static final Set<String> VERBS = Set.of("GREETING", "EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT",
			"DATA", "BDAT", "RSET", "NOOP", "QUIT");

	private static final String NONE = "none";

	private final MeterRegistry registry;

	private final Tags tags;

	private final Counter bytesWritten;

	private final Counter bytesRead;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	private final Map<String, Counter> commands = new ConcurrentHashMap<>();

	private final Map<Long, Long> connectStarts = new ConcurrentHashMap<>();

	private final Map<Long, Long> tlsStarts = new ConcurrentHashMap<>();

	private final Map<Long, String> tlsProtocols = new ConcurrentHashMap<>();

	private volatile PoolStats pool = new PoolStats(0, 0, 0, 0, 0, 0);

	public SmtpClientMetrics(MeterRegistry registry, Tags tags) {
		this.registry = registry;
		this.tags = tags;
		this.bytesWritten = Counter.builder(BYTES_WRITTEN)
			.description("Bytes written to SMTP servers")
			.baseUnit(BaseUnits.BYTES)
			.tags(tags)
			.register(registry);
		this.bytesRead = Counter.builder(BYTES_READ)
			.description("Bytes read from SMTP servers")
			.baseUnit(BaseUnits.BYTES)
			.tags(tags)
			.register(registry);
		gauge("active", "Connections lent to a send", PoolStats::active);
		gauge("idle", "Connections open and free", PoolStats::idle);
		gauge("pending", "Sends waiting for a connection", PoolStats::pending);
		gauge("max", "Most connections the pool may open", PoolStats::max);
	}

	private void gauge(String name, String description, ToDoubleFunction<PoolStats> value) {
		Gauge.builder(POOL_PREFIX + name, this, (metrics) -> value.applyAsDouble(metrics.pool))
			.description(description)
			.baseUnit(name.equals("pending") ? "sends" : BaseUnits.CONNECTIONS)
			.tags(this.tags)
			.strongReference(true)
			.register(this.registry);
	}

	@Override
	public void connectStart(SmtpConnectionInfo connection, InetSocketAddress address) {
		this.connectStarts.put(connection.id(), System.nanoTime());
	}

	@Override
	public void connectEnd(SmtpConnectionInfo connection, InetSocketAddress address, Duration took) {
		this.connectStarts.remove(connection.id());
		timer(CONNECT, "Time to open a TCP connection to the server", "outcome", "success").record(took);
	}

	@Override
	public void connectFailed(SmtpConnectionInfo connection, InetSocketAddress address, IOException error) {
		timer(CONNECT, "Time to open a TCP connection to the server", "outcome", "failure")
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
		timer(TLS_HANDSHAKE, "Time of the TLS handshake", "outcome", "success", "tls.protocol", tls.protocol())
			.record(took);
	}

	@Override
	public void tlsFailed(SmtpConnectionInfo connection, Exception error) {
		timer(TLS_HANDSHAKE, "Time of the TLS handshake", "outcome", "failure", "tls.protocol", NONE)
			.record(since(this.tlsStarts.remove(connection.id())));
	}

	@Override
	public void bytesWritten(SmtpConnectionInfo connection, long count) {
		this.bytesWritten.increment(count);
	}

	@Override
	public void bytesRead(SmtpConnectionInfo connection, long count) {
		this.bytesRead.increment(count);
	}

	@Override
	public void replyReceived(SmtpConnectionInfo connection, String verb, SmtpReply reply, Duration took) {
		String command = verb.toUpperCase(Locale.ROOT);
		String tag = VERBS.contains(command) ? command : "OTHER";
		String replyClass = replyClass(reply.code());
		this.commands.computeIfAbsent(tag + " " + replyClass, (key) -> Counter.builder(COMMANDS)
			.description("Commands sent, by the class of their reply")
			.tags(this.tags)
			.tag("command", tag)
			.tag("reply.class", replyClass)
			.register(this.registry)).increment();
	}

	@Override
	public void messageAccepted(SmtpConnectionInfo connection, SendResult result, Duration took) {
		String outcome = result.rejected().isEmpty() ? "success" : "partial";
		transaction(connection, outcome, replyClass(result.finalReply().code()), NONE).record(took);
	}

	@Override
	public void messageFailed(SmtpConnectionInfo connection, SmtpException error, Duration took) {
		String replyClass = (error instanceof SmtpReplyException reply) ? replyClass(reply.replyCode()) : NONE;
		transaction(connection, "failure", replyClass, error.getClass().getSimpleName()).record(took);
	}

	@Override
	public void connectionClosed(SmtpConnectionInfo connection) {
		this.connectStarts.remove(connection.id());
		this.tlsStarts.remove(connection.id());
		this.tlsProtocols.remove(connection.id());
	}

	@Override
	public void poolChanged(PoolStats stats) {
		this.pool = stats;
	}

	private Timer transaction(SmtpConnectionInfo connection, String outcome, String replyClass, String error) {
		return timer(TRANSACTION, "Time of one mail transaction, from MAIL to the reply to the message data",
				"outcome", outcome, "reply.class", replyClass, "tls.protocol",
				this.tlsProtocols.getOrDefault(connection.id(), NONE), "error", error);
	}

	private Timer timer(String name, String description, String... keyValues) {
		String key = name + String.join(" ", keyValues);
		return this.timers.computeIfAbsent(key, (ignored) -> Timer.builder(name)
			.description(description)
			.tags(this.tags)
			.tags(keyValues)
			.register(this.registry));
	}

	private static Duration since(@Nullable Long startNanos) {
		return (startNanos != null) ? Duration.ofNanos(System.nanoTime() - startNanos) : Duration.ZERO;
	}

	static String replyClass(int code) {
		int replyClass = code / 100;
		return (replyClass >= 1 && replyClass <= 5) ? replyClass + "xx" : NONE;
	}

}
