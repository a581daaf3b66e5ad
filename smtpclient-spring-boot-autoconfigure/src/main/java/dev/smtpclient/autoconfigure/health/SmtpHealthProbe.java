package dev.smtpclient.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.ServerCapabilities;
import dev.smtpclient.SmtpConnection;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpException;
import dev.smtpclient.TlsSessionInfo;

/**
 * One check of an SMTP server on a connection of its own (never one of the pool's):
 * greeting, EHLO and STARTTLS as the TLS policy asks, AUTH only when asked to, then QUIT.
 * Each step has the check's timeout, and a check that took longer than the timeout in all
 * is reported DOWN even when every step was in time.
 */
final class SmtpHealthProbe {

	private final ConnectionSettings settings;

	private final String target;

	private final Duration timeout;

	private final Clock clock;

	SmtpHealthProbe(ConnectionSettings clientSettings, Duration timeout, boolean authenticate, Clock clock) {
		this.settings = probeSettings(clientSettings, timeout, authenticate);
		this.target = target(clientSettings);
		this.timeout = timeout;
		this.clock = clock;
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
	 * The server as a URL without user or password, for example
	 * {@code smtptls://mail.example.com:587}: the health endpoint is often public, the
	 * login name is not.
	 */
	static String target(ConnectionSettings settings) {
		String scheme = switch (settings.tlsPolicy()) {
			case IMPLICIT -> "smtps";
			case REQUIRED -> "smtptls";
			case OPPORTUNISTIC, NONE -> "smtp";
		};
		String host = settings.host();
		return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + settings.port();
	}

	Duration timeout() {
		return this.timeout;
	}

	Health check() {
		Instant start = this.clock.instant();
		Health.Builder builder;
		try (SmtpConnection connection = SmtpConnection.open(this.settings)) {
			builder = up(connection);
		}
		catch (SmtpException ex) {
			builder = down().withDetail("error", ex.getClass().getSimpleName() + ": " + withoutUser(ex.getMessage()))
				.withDetail("phase", ex.phase().toString());
		}
		Instant end = this.clock.instant();
		Duration took = Duration.between(start, end);
		if (took.compareTo(this.timeout) > 0) {
			builder = timedOut();
		}
		return builder.withDetail("latency", took.toMillis() + "ms").withDetail("checkedAt", end.toString()).build();
	}

	/**
	 * The message with the login name taken out: an AUTH failure names the user it tried.
	 */
	private String withoutUser(@Nullable String message) {
		String username = this.settings.username();
		if (message == null || username == null || username.isEmpty()) {
			return String.valueOf(message);
		}
		return message.replace(username, "<user>");
	}

	private Health.Builder up(SmtpConnection connection) {
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
		return up;
	}

	Health.Builder down() {
		return Health.down().withDetail("target", this.target);
	}

	Health.Builder timedOut() {
		return down().withDetail("error", "no complete answer within " + this.timeout.toMillis() + " ms");
	}

	private static List<String> extensions(ServerCapabilities capabilities) {
		return capabilities.keywords().stream().map((keyword) -> {
			List<String> parameters = capabilities.parameters(keyword);
			return parameters.isEmpty() ? keyword : keyword + " " + String.join(" ", parameters);
		}).toList();
	}

}
