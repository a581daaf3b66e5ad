package dev.smtpclient.sample;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smtpclient.test.PostfixServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a user runs it: with no configuration it serves the pages and the
 * inbox (embedded SMTP server, reached over verified STARTTLS); with {@code send} it is
 * the command-line mailer, exit status and all.
 */
class SampleJarIT {

	private static final Path JAR = Path.of(System.getProperty("sample.jar", "target/sample-app.jar"));

	@TempDir
	Path dir;

	@Test
	void servesThePagesAndTheInboxWithNoConfiguration() throws Exception {
		int port = freePort();
		Path log = this.dir.resolve("app.log");
		Process app = new ProcessBuilder(java(), "-jar", JAR.toString(), "--server.port=" + port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			HttpResponse<String> page = awaitPage(http, app, log, "http://127.0.0.1:" + port + "/");
			assertThat(page.body()).contains("Send a mail");
			assertThat(get(http, "http://127.0.0.1:" + port + "/inbox.html").body()).contains("<h1>Inbox</h1>");
			assertThat(get(http, "http://127.0.0.1:" + port + "/api/inbox").body()).contains("\"embedded\":true");
			assertThat(get(http, "http://127.0.0.1:" + port + "/actuator/health").body()).contains("\"smtp\"")
				.contains("\"status\":\"UP\"")
				.contains("\"tls.protocol\":\"TLSv1.");
			assertThat(get(http, "http://127.0.0.1:" + port + "/dashboard.html").body()).contains("Dashboard");
			assertThat(get(http, "http://127.0.0.1:" + port + "/vendor/chart.js-4.6.1/chart.umd.min.js").statusCode())
				.isEqualTo(200);
		}
		finally {
			app.destroy();
			if (!app.waitFor(20, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
		assertThat(Files.readString(log)).contains("Embedded SMTP server listening on 127.0.0.1:");
	}

	@Test
	void sendCommandDeliversThroughPostfix() throws Exception {
		PostfixServers servers = PostfixServers.require();
		String marker = UUID.randomUUID().toString();

		Result result = cli("send", "-f", "sender@" + servers.domain(), "-t",
				"catchall-" + marker + "@" + servers.domain(), "-s", "jar " + marker, "-b", "from the packaged jar",
				"-u", servers.user(), "-p", servers.password(), "-S", "--ca", servers.caCertificate().toString(),
				"esmtp://localhost:" + servers.submissionPort());

		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.out()).contains("sent: 250").doesNotContain("Started SampleApplication");
		assertThat(new String(servers.awaitDelivered(marker, Duration.ofSeconds(15)), StandardCharsets.UTF_8))
			.contains("from the packaged jar");
	}

	@Test
	void sendCommandFailsWithStatusTwo() throws Exception {
		Result result = cli("send", "-f", "me@example.com", "-t", "you@example.com", "-s", "s", "-b", "b",
				"smtp://127.0.0.1:" + freePort());

		assertThat(result.status()).isEqualTo(2);
		assertThat(result.err()).startsWith("err: ");
	}

	private record Result(int status, String out, String err) {
	}

	private Result cli(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		Path out = this.dir.resolve("out.txt");
		Path err = this.dir.resolve("err.txt");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("the CLI did not finish in 60 s");
		}
		return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	private static HttpResponse<String> awaitPage(HttpClient http, Process app, Path log, String url) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new AssertionError("the app exited with " + app.exitValue() + ":\n" + Files.readString(log));
			}
			try {
				HttpResponse<String> response = get(http, url);
				if (response.statusCode() == 200) {
					return response;
				}
			}
			catch (ConnectException ex) {
				// not up yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the app did not serve " + url + " within 90 s:\n" + Files.readString(log));
	}

	private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
