package dev.smtpclient.autoconfigure.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.TlsPolicy;
import dev.smtpclient.test.PostfixServers;
import dev.smtpclient.test.ScriptedSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpHealthIndicatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	@Test
	void upAgainstPostfixWithGreetingExtensionsAndTls() {
		PostfixServers servers = PostfixServers.require();
		ConnectionSettings settings = servers.settings(servers.submissionPort(), TlsPolicy.REQUIRED)
			.credentials(servers.user(), servers.password())
			.build();
		Health health = new SmtpHealthIndicator(settings, Duration.ofSeconds(5), Duration.ZERO, false).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		Map<String, Object> details = health.getDetails();
		assertThat(details).containsEntry("target",
				"smtptls://" + servers.user() + ":****@localhost:" + servers.submissionPort());
		assertThat(details.get("greeting")).asString().startsWith("220 ");
		assertThat(details.get("extensions")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains("PIPELINING")
			.anySatisfy((extension) -> assertThat(extension).asString().startsWith("AUTH "));
		assertThat(details.get("tls.protocol")).asString().startsWith("TLSv1.");
		assertThat(details.get("tls.cipher")).asString().startsWith("TLS_");
		assertThat(details.get("latency")).asString().endsWith("ms");
		assertThat(details).doesNotContainKey("authenticated");
		assertThat(details.toString()).doesNotContain(servers.password());
	}

	@Test
	void logsInOnlyWhenAsked() {
		PostfixServers servers = PostfixServers.require();
		ConnectionSettings wrongPassword = servers.settings(servers.submissionPort(), TlsPolicy.REQUIRED)
			.credentials(servers.user(), "wrong-password")
			.build();
		assertThat(new SmtpHealthIndicator(wrongPassword, Duration.ofSeconds(5), Duration.ZERO, false).health()
			.getStatus()).as("credentials are not used by default").isEqualTo(Status.UP);
		Health failed = new SmtpHealthIndicator(wrongPassword, Duration.ofSeconds(5), Duration.ZERO, true).health();
		assertThat(failed.getStatus()).isEqualTo(Status.DOWN);
		assertThat(failed.getDetails()).containsEntry("phase", "AUTH");
		assertThat(failed.getDetails().get("error")).asString().startsWith("SmtpAuthenticationException");
		assertThat(failed.getDetails().toString()).doesNotContain("wrong-password");
		ConnectionSettings right = servers.settings(servers.submissionPort(), TlsPolicy.REQUIRED)
			.credentials(servers.user(), servers.password())
			.build();
		Health up = new SmtpHealthIndicator(right, Duration.ofSeconds(5), Duration.ZERO, true).health();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsEntry("authenticated", true);
	}

	@Test
	void downAtOnceWhenThePortIsClosed() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		long start = System.nanoTime();
		Health health = indicator(port, TIMEOUT, Duration.ZERO).health();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(500));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("target", "smtp://127.0.0.1:" + port)
			.containsEntry("phase", "CONNECT");
		assertThat(health.getDetails().get("error")).asString().contains("SmtpConnectionException");
	}

	@Test
	void downWithinTheTimeoutWhenTheServerSaysNothing() {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer().pause(Duration.ofSeconds(20)).start()) {
			assertDownWithinTimeout(indicator(server.port(), TIMEOUT, Duration.ZERO));
		}
	}

	@Test
	void downWithinTheTimeoutWhenTheServerStallsAfterTheGreeting() {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer().reply("220 fake.test ESMTP")
			.expect("EHLO")
			.pause(Duration.ofSeconds(20))
			.start()) {
			assertDownWithinTimeout(indicator(server.port(), TIMEOUT, Duration.ZERO));
		}
	}

	@Test
	void theDeadlineBoundsTheWholeCheckEvenWhenEveryStepIsInTime() {
		// each reply comes within the per-step timeout, but all of them together do not
		try (ScriptedSmtpServer server = new ScriptedSmtpServer().pause(Duration.ofMillis(700))
			.reply("220 fake.test ESMTP")
			.expect("EHLO")
			.pause(Duration.ofMillis(700))
			.reply("250 fake.test")
			.expect("QUIT")
			.reply("221 bye")
			.start()) {
			Health health = assertDownWithinTimeout(indicator(server.port(), TIMEOUT, Duration.ZERO));
			assertThat(health.getDetails().get("error")).asString().contains("within 1000 ms");
		}
	}

	@Test
	void aCachedResultSparesTheServer() {
		// the scripted server serves one connection only: a second check would fail
		try (ScriptedSmtpServer server = new ScriptedSmtpServer().reply("220 fake.test ESMTP")
			.ehlo("PIPELINING", "SIZE 1000")
			.expect("QUIT")
			.reply("221 bye")
			.start()) {
			SmtpHealthIndicator indicator = indicator(server.port(), TIMEOUT, Duration.ofMinutes(1));
			Health first = indicator.health();
			assertThat(first.getStatus()).isEqualTo(Status.UP);
			assertThat(first.getDetails()).containsEntry("extensions", List.of("PIPELINING", "SIZE 1000"))
				.containsEntry("greeting", "220 fake.test ESMTP")
				.containsEntry("tls.protocol", "none");
			assertThat(indicator.health()).isSameAs(first);
			server.await();
		}
	}

	@Test
	void targetMasksThePassword() {
		ConnectionSettings settings = ConnectionSettings.builder("smtps://me%40example.com:secret@[::1]:2465").build();
		assertThat(SmtpHealthIndicator.target(settings)).isEqualTo("smtps://me%40example.com:****@[::1]:2465");
	}

	private static Health assertDownWithinTimeout(SmtpHealthIndicator indicator) {
		long start = System.nanoTime();
		Health health = indicator.health();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(took).isLessThan(TIMEOUT.plusMillis(500));
		assertThat(health.getDetails()).containsKey("error");
		return health;
	}

	private static SmtpHealthIndicator indicator(int port, Duration timeout, Duration cacheTtl) {
		ConnectionSettings settings = ConnectionSettings.builder()
			.host("127.0.0.1")
			.port(port)
			.tlsPolicy(TlsPolicy.OPPORTUNISTIC)
			.heloName("client.test")
			.build();
		return new SmtpHealthIndicator(settings, timeout, cacheTtl, false);
	}

}
