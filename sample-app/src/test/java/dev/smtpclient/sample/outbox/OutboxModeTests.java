package dev.smtpclient.sample.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.smtpclient.outbox.OutboxState;
import dev.smtpclient.outbox.SmtpOutbox;
import dev.smtpclient.sample.inbox.Inbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sample.outbox=true} on its default, an H2 file database: the page's messages are
 * stored, the outbox's workers send them to the embedded server, and the API reports each
 * state as it moves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.outbox=true")
class OutboxModeTests {

	private static final Path directory = temporaryDirectory();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		// the default URL's kind, in a directory of the test's own rather than the
		// working directory
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + directory.resolve("sample-outbox"));
		registry.add("spring.datasource.username", () -> "sa");
	}

	@LocalServerPort
	private int port;

	@Autowired
	private Inbox inbox;

	@Autowired
	private SmtpOutbox outbox;

	private OutboxApi api;

	@BeforeEach
	void api() {
		this.api = new OutboxApi(this.port);
	}

	@Test
	void thePagesMessageGoesThroughTheOutboxToTheServer() throws Exception {
		String subject = "through the outbox " + UUID.randomUUID();
		OutboxApi.Queued queued = this.api.send(subject);

		assertThat(queued.status()).isEqualTo(202);
		assertThat(queued.location()).isEqualTo("/api/outbox/" + queued.body().get("id"));
		assertThat(queued.body().get("state")).isIn("QUEUED", "SENDING", "SENT");
		assertThat((String) queued.body().get("messageId")).startsWith("<");

		Map<String, Object> sent = this.api.awaitFinal(queued.location(), Duration.ofSeconds(20));
		assertThat(sent.get("state")).isEqualTo("SENT");
		assertThat(sent.get("done")).isEqualTo(true);
		assertThat(sent.get("attempts")).isEqualTo(1);
		assertThat((String) sent.get("reply")).startsWith("250");
		assertThat(sent.get("completedAt")).isNotNull();
		long copies = this.inbox.messages()
			.stream()
			.filter((message) -> new String(message.raw(), StandardCharsets.UTF_8)
				.contains("Message-ID: " + sent.get("messageId")))
			.count();
		assertThat(copies).isOne();
		assertThat(Files.list(directory)).anyMatch((file) -> file.getFileName().toString().endsWith(".mv.db"));
	}

	@Test
	void badInputNeverReachesTheOutbox() {
		long before = this.outbox.stats().count(OutboxState.QUEUED) + this.outbox.stats().count(OutboxState.SENT);
		Map<String, Object> problem = this.api.sendExpectingProblem("bob@example.com\r\nBcc: eve@example.com");
		assertThat(problem.get("status")).isEqualTo(400);
		assertThat(problem.get("field")).isEqualTo("to");
		long after = this.outbox.stats().count(OutboxState.QUEUED) + this.outbox.stats().count(OutboxState.SENT);
		assertThat(after).isEqualTo(before);
	}

	@Test
	void anUnknownIdIsNotFound() {
		assertThat(this.api.status("/api/outbox/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void thePageIsToldTheOutboxIsOn() {
		assertThat(this.api.status("/api/outbox").body()).containsEntry("enabled", true);
	}

	private static Path temporaryDirectory() {
		try {
			Path path = Files.createTempDirectory("sample-outbox");
			path.toFile().deleteOnExit();
			return path;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
