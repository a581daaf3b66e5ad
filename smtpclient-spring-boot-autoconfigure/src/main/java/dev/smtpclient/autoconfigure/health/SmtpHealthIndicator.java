package dev.smtpclient.autoconfigure.health;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.ServerCapabilities;
import dev.smtpclient.SmtpConnection;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpException;
import dev.smtpclient.TlsSessionInfo;

/**
 * {@link HealthIndicator} for an SMTP server. It opens a connection of its own (never one of the pool's) with
 * the client's settings but short timeouts: greeting, EHLO and STARTTLS as the TLS policy asks, AUTH only when
 * asked to, then QUIT. The whole check is bounded by a deadline as well, so a probe never waits longer than
 * the timeout; checks started while one is under way share it, and a result can be reused for a while.
 * <p>
 * Details: {@code target} (the password masked), {@code greeting}, {@code extensions}, {@code tls.protocol},
 * {@code tls.cipher}, {@code latency}; when DOWN, {@code error} and {@code phase}.
 */
public final class SmtpHealthIndicator implements HealthIndicator {

	private final ConnectionSettings settings;

	private final String target;

	private final Duration timeout;

	private final Duration cacheTtl;

	private final Executor executor;

	private final Object lock = new Object();

	private @Nullable CompletableFuture<Health> inFlight;

	private volatile @Nullable CachedHealth cached;

	/**
	 * Creates an indicator for the client's settings.
	 * @param clientSettings the settings of the client whose server is checked
	 * @param timeout the deadline of a check, and the timeout of each of its steps
	 * @param cacheTtl how long a result is reused, or zero
	 * @param authenticate whether to log in as well
	 */
	public SmtpHealthIndicator(ConnectionSettings clientSettings, Duration timeout, Duration cacheTtl,
			boolean authenticate) {
		this.settings = probeSettings(clientSettings, timeout, authenticate);
		this.target = target(clientSettings);
		this.timeout = timeout;
		this.cacheTtl = cacheTtl;
		this.executor = (task) -> {
			Thread thread = new Thread(task, "smtp-health");
			thread.setDaemon(true);
			thread.start();
		};
	}

	static ConnectionSettings probeSettings(ConnectionSettings client, Duration timeout, boolean authenticate) {
		ConnectionSettings.Builder builder;
		if (authenticate) {
			builder = client.toBuilder();
		}
		else {
			builder = ConnectionSettings.builder()
				.host(client.host())
				.port(client.port())
				.tlsPolicy(client.tlsPolicy())
				.sslContext(client.sslContext())
				.heloName(client.heloName())
				.authMechanisms(client.authMechanisms())
				.allowPlaintextAuth(client.allowPlaintextAuth())
				.infoLog(client.infoLog())
				.debugLog(client.debugLog())
				.testMode(client.testMode());
		}
		return builder.eventListener(SmtpEventListener.NONE)
			.connectTimeout(timeout)
			.tlsHandshakeTimeout(timeout)
			.commandTimeout(timeout)
			.writeTimeout(timeout)
			.build();
	}

	/**
	 * The server as a URL with the password masked, for example {@code smtptls://me:****@mail.example.com:587}.
	 */
	static String target(ConnectionSettings settings) {
		String scheme = switch (settings.tlsPolicy()) {
			case IMPLICIT -> "smtps";
			case REQUIRED -> "smtptls";
			case OPPORTUNISTIC, NONE -> "smtp";
		};
		StringBuilder target = new StringBuilder(scheme).append("://");
		if (settings.username() != null) {
			target.append(URLEncoder.encode(settings.username(), StandardCharsets.UTF_8)).append(":****@");
		}
		String host = settings.host();
		target.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(settings.port());
		return target.toString();
	}

	@Override
	public Health health() {
		CachedHealth cached = this.cached;
		if (cached != null && cached.isFresh(this.cacheTtl)) {
			return cached.health();
		}
		Health health = awaitCheck();
		if (!this.cacheTtl.isZero()) {
			this.cached = new CachedHealth(health, System.nanoTime());
		}
		return health;
	}

	private Health awaitCheck() {
		CompletableFuture<Health> check = startOrJoinCheck();
		try {
			return check.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return down().withDetail("error", "no complete answer within " + this.timeout.toMillis() + " ms")
				.withDetail("latency", this.timeout.toMillis() + "ms")
				.build();
		}
		catch (ExecutionException ex) {
			return down().withException(ex.getCause()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return down().withDetail("error", "interrupted").build();
		}
	}

	private CompletableFuture<Health> startOrJoinCheck() {
		synchronized (this.lock) {
			CompletableFuture<Health> check = this.inFlight;
			if (check == null) {
				CompletableFuture<Health> started = CompletableFuture.supplyAsync(this::check, this.executor);
				this.inFlight = started;
				started.whenComplete((health, error) -> {
					synchronized (this.lock) {
						if (this.inFlight == started) {
							this.inFlight = null;
						}
					}
				});
				check = started;
			}
			return check;
		}
	}

	private Health check() {
		long start = System.nanoTime();
		try (SmtpConnection connection = SmtpConnection.open(this.settings)) {
			Health.Builder up = Health.up()
				.withDetail("target", this.target)
				.withDetail("greeting", connection.greeting().toString())
				.withDetail("extensions", extensions(connection.capabilities()));
			TlsSessionInfo tls = connection.tlsSession().orElse(null);
			up.withDetail("tls.protocol", (tls != null) ? tls.protocol() : "none");
			if (tls != null) {
				up.withDetail("tls.cipher", tls.cipherSuite());
			}
			if (connection.isAuthenticated()) {
				up.withDetail("authenticated", true);
			}
			return up.withDetail("latency", millisSince(start) + "ms").build();
		}
		catch (SmtpException ex) {
			return down().withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage())
				.withDetail("phase", ex.phase().toString())
				.withDetail("latency", millisSince(start) + "ms")
				.build();
		}
	}

	private Health.Builder down() {
		return Health.down().withDetail("target", this.target);
	}

	private static List<String> extensions(ServerCapabilities capabilities) {
		return capabilities.keywords().stream().map((keyword) -> {
			List<String> parameters = capabilities.parameters(keyword);
			return parameters.isEmpty() ? keyword : keyword + " " + String.join(" ", parameters);
		}).toList();
	}

	private static long millisSince(long startNanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
	}

	private record CachedHealth(Health health, long atNanos) {

		boolean isFresh(Duration ttl) {
			return !ttl.isZero() && System.nanoTime() - this.atNanos < ttl.toNanos();
		}

	}

}
