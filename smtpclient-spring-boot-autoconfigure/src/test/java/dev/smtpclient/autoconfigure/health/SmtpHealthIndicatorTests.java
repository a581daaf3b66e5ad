package dev.smtpclient.autoconfigure.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.TlsPolicy;
import dev.smtpclient.test.MutableClock;
import dev.smtpclient.test.PostfixServers;
import dev.smtpclient.test.ScriptedSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpHealthIndicatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private final SmtpHealthRefresher refresher = new SmtpHealthRefresher();

	@AfterEach
	void closeRefresher() {
		this.refresher.close();
	}

	@Test
	void upAgainstPostfixWithGreetingExtensionsAndTls() {
		PostfixServers servers = PostfixServers.require();
		ConnectionSettings settings = servers.settings(servers.submissionPort(), TlsPolicy.REQUIRED)
			.credentials(servers.user(), servers.password())
			.build();
		Health health = checked(settings, Duration.ofSeconds(10), false).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		Map<String, Object> details = health.getDetails();
		assertThat(details).containsEntry("target", "smtptls://localhost:" + servers.submissionPort());
		assertThat(details.toString()).doesNotContain(servers.user());
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
		assertThat(checked(wrongPassword, Duration.ofSeconds(10), false).health().getStatus())
			.as("credentials are not used by default")
			.isEqualTo(Status.UP);
		Health failed = checked(wrongPassword, Duration.ofSeconds(10), true).health();
		assertThat(failed.getStatus()).isEqualTo(Status.DOWN);
		assertThat(failed.getDetails()).containsEntry("phase", "AUTH");
		assertThat(failed.getDetails().get("error")).asString().startsWith("SmtpAuthenticationException");
		assertThat(failed.getDetails().toString()).doesNotContain("wrong-password").doesNotContain(servers.user());
		ConnectionSettings right = servers.settings(servers.submissionPort(), TlsPolicy.REQUIRED)
			.credentials(servers.user(), servers.password())
			.build();
		Health up = checked(right, Duration.ofSeconds(10), true).health();
		assertThat(up.getStatus()).as(up.getDetails().toString()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsEntry("authenticated", true);
	}

	@Test
	void downAtOnceWhenThePortIsClosed() throws IOException {
		int port = closedPort();
		long start = System.nanoTime();
		Health health = scheduled(port, Duration.ofMinutes(1)).health();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(500));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("target", "smtp://127.0.0.1:" + port)
			.containsEntry("phase", "CONNECT");
		assertThat(health.getDetails().get("error")).asString().contains("SmtpConnectionException");
	}

	@Test
	void theFirstRequestWaitsAtMostTheTimeoutWhenTheServerSaysNothing() {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer().pause(Duration.ofSeconds(20)).start()) {
			assertDownWithinTimeout(scheduled(server.port(), Duration.ofMinutes(1)));
		}
	}

	@Test
	void theFirstRequestWaitsAtMostTheTimeoutWhenTheServerStallsAfterTheGreeting() {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer().reply("220 fake.test ESMTP")
			.expect("EHLO")
			.pause(Duration.ofSeconds(20))
			.start()) {
			assertDownWithinTimeout(scheduled(server.port(), Duration.ofMinutes(1)));
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
			SmtpHealthIndicator indicator = indicator(server.port(), Duration.ofMinutes(1), Clock.systemUTC());
			indicator.refresh();
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("error")).asString().contains("within 1000 ms");
		}
	}

	@Test
	void healthRequestsServeTheLastResultWithoutTalkingToTheServer() {
		// the scripted server serves one connection only: a second check would fail
		try (ScriptedSmtpServer server = new ScriptedSmtpServer().reply("220 fake.test ESMTP")
			.ehlo("PIPELINING", "SIZE 1000")
			.expect("QUIT")
			.reply("221 bye")
			.start()) {
			SmtpHealthIndicator indicator = scheduled(server.port(), Duration.ofMinutes(1));
			Health first = indicator.health();
			assertThat(first.getStatus()).isEqualTo(Status.UP);
			assertThat(first.getDetails()).containsEntry("extensions", List.of("PIPELINING", "SIZE 1000"))
				.containsEntry("greeting", "220 fake.test ESMTP")
				.containsEntry("tls.protocol", "none")
				.containsKeys("latency", "checkedAt");
			for (int i = 0; i < 100; i++) {
				assertThat(indicator.health()).isSameAs(first);
			}
			server.await();
		}
	}

	@Test
	void theBackgroundRefreshSeesTheServerGoDown() throws Exception {
		ScriptedSmtpServer server = new ScriptedSmtpServer().reply("220 fake.test ESMTP")
			.ehlo("PIPELINING")
			.expect("QUIT")
			.reply("221 bye")
			.start();
		SmtpHealthIndicator indicator = scheduled(server.port(), Duration.ofMillis(100));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		server.await();
		server.close();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (indicator.health().getStatus() == Status.UP && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void aResultTooOldMeansTheRefreshStoppedAndIsDown() throws IOException {
		MutableClock clock = new MutableClock();
		SmtpHealthIndicator indicator = indicator(closedPort(), Duration.ofSeconds(30), clock);
		indicator.refresh();
		Health last = indicator.health();
		assertThat(last.getDetails()).containsEntry("checkedAt", clock.instant().toString());
		clock.advance(Duration.ofSeconds(61));
		assertThat(indicator.health()).isSameAs(last);
		clock.advance(Duration.ofSeconds(1));
		Health stale = indicator.health();
		assertThat(stale.getStatus()).isEqualTo(Status.DOWN);
		assertThat(stale.getDetails().get("error")).asString().startsWith("no check finished since ");
	}

	@Test
	void targetShowsNeitherUserNorPassword() {
		ConnectionSettings settings = ConnectionSettings.builder("smtps://me%40example.com:secret@[::1]:2465").build();
		assertThat(SmtpHealthProbe.target(settings)).isEqualTo("smtps://[::1]:2465");
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

	private static SmtpHealthIndicator checked(ConnectionSettings settings, Duration timeout, boolean authenticate) {
		SmtpHealthIndicator indicator = new SmtpHealthIndicator(settings, timeout, Duration.ofMinutes(1), authenticate,
				Clock.systemUTC());
		indicator.refresh();
		return indicator;
	}

	private SmtpHealthIndicator scheduled(int port, Duration interval) {
		return this.refresher.schedule(indicator(port, interval, Clock.systemUTC()));
	}

	private static SmtpHealthIndicator indicator(int port, Duration interval, Clock clock) {
		ConnectionSettings settings = ConnectionSettings.builder()
			.host("127.0.0.1")
			.port(port)
			.tlsPolicy(TlsPolicy.OPPORTUNISTIC)
			.heloName("client.test")
			.build();
		return new SmtpHealthIndicator(settings, TIMEOUT, interval, false, clock);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
