package dev.smtpclient.sample.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import dev.smtpclient.sample.inbox.Inbox;
import dev.smtpclient.sample.inbox.MessageParser;
import dev.smtpclient.sample.inbox.ParsedMessage;
import dev.smtpclient.sample.inbox.ReceivedMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/messages} over HTTP against the running app and its embedded SMTP
 * server: JSON and multipart messages arrive intact; bad input is a 400 problem detail
 * naming the field, and nothing reaches the server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=1MB" })
class MessageApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private Inbox inbox;

	@Autowired
	private ApplicationContext context;

	private RestClient client;

	@BeforeEach
	void client() {
		this.client = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void sendsDirectlyWithoutAnyDatabaseUnlessTheOutboxIsOn() {
		assertThat(this.context.getBeanNamesForType(DataSource.class)).isEmpty();
		assertThat(this.client.get().uri("/api/outbox").retrieve().body(JSON)).containsEntry("enabled", false);
	}

	@Test
	void acceptsASingleStringWhereAListIsExpected() {
		ResponseEntity<Map<String, Object>> response = postJson(Map.of("from", "ann@example.com", "to",
				"bob@example.com", "cc", "carl@example.com", "subject", "single", "text", "body"));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(MessageParser.parse(newest()).envelopeTo()).containsExactly("bob@example.com", "carl@example.com");
	}

	@Test
	void sendsJsonAndReportsTheServersReplies() {
		ResponseEntity<Map<String, Object>> response = postJson(Map.of("from", "Ann <ann@example.com>", "to",
				List.of("bob@example.com, Carl <carl@example.com>"), "bcc", List.of("dora@example.com"), "subject",
				"JSON hello", "text", "plain body", "html", "<p>html body</p>"));

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> report = response.getBody();
		assertThat(((Map<?, ?>) report.get("finalReply")).get("code")).isEqualTo(250);
		assertThat((List<?>) report.get("recipients")).hasSize(3);
		assertThat(report.get("queueId")).isNotNull();
		assertThat(((Number) report.get("durationMillis")).longValue()).isNotNegative();
		ParsedMessage received = MessageParser.parse(newest());
		assertThat(received.subject()).isEqualTo("JSON hello");
		assertThat(received.envelopeTo()).containsExactly("bob@example.com", "carl@example.com", "dora@example.com");
		assertThat(received.text()).contains("plain body");
		assertThat(received.html()).contains("<p>html body</p>");
		assertThat(new String(newest().raw(), StandardCharsets.UTF_8)).doesNotContain("dora@example.com");
	}

	@Test
	void sendsMultipartWithAttachments() throws Exception {
		byte[] data = new byte[20_000];
		new java.util.Random(7).nextBytes(data);
		MultiValueMap<String, Object> form = form("sample@example.com", "to@example.com", "With attachment",
				"see file");
		form.add("attachments", file("data.bin", data));
		form.add("attachments", file("notes.txt", "some notes\n".getBytes(StandardCharsets.UTF_8)));

		ResponseEntity<Map<String, Object>> response = postForm(form);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		ParsedMessage received = MessageParser.parse(newest());
		assertThat(received.subject()).isEqualTo("With attachment");
		assertThat(received.attachments()).extracting(ParsedMessage.Attachment::fileName)
			.containsExactly("data.bin", "notes.txt");
		assertThat(received.attachments().get(1).contentType()).isEqualTo("text/plain");
		assertThat(MessageParser.attachment(newest(), 0).data()).isEqualTo(data);
	}

	static Stream<Arguments> badJson() {
		return Stream.of(
				Arguments.of("invalid address", message("sender@example.com", "not an address", "s", "b"), "to"),
				Arguments.of("CR/LF in the subject",
						message("sender@example.com", "to@example.com", "Hi\r\nBcc: victim@example.com", "b"),
						"subject"),
				Arguments.of("CR/LF in an address",
						message("sender@example.com", "to@example.com\r\nBcc: victim@example.com", "s", "b"), "to"),
				Arguments.of("no recipient", message("sender@example.com", "", "s", "b"), "recipients"),
				Arguments.of("no body", message("sender@example.com", "to@example.com", "s", " "), "body"),
				Arguments.of("no sender", message("", "to@example.com", "s", "b"), "from"), Arguments.of("two senders",
						message("a@example.com, b@example.com", "to@example.com", "s", "b"), "from"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badJson")
	void refusesBadJsonInput(String name, Map<String, Object> message, String field) {
		long before = this.inbox.receivedCount();

		ResponseEntity<Map<String, Object>> response = postJson(message);

		assertProblem(response, field);
		assertThat(this.inbox.receivedCount()).as("nothing reached the server").isEqualTo(before);
	}

	@Test
	void refusesBadFormInput() {
		long before = this.inbox.receivedCount();

		ResponseEntity<Map<String, Object>> response = postForm(
				form("sender@example.com", "to@example.com", "Hi\nthere", "b"));

		assertProblem(response, "subject");
		assertThat(this.inbox.receivedCount()).isEqualTo(before);
	}

	@Test
	void refusesAnOversizedUpload() {
		long before = this.inbox.receivedCount();
		MultiValueMap<String, Object> form = form("sender@example.com", "to@example.com", "big", "b");
		form.add("attachments", file("big.bin", new byte[100 * 1024]));

		ResponseEntity<Map<String, Object>> response = postForm(form);

		assertProblem(response, "attachments");
		assertThat(this.inbox.receivedCount()).isEqualTo(before);
	}

	private void assertProblem(ResponseEntity<Map<String, Object>> response, String field) {
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).isNotNull();
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.as("content type %s", response.getHeaders().getContentType())
			.isTrue();
		assertThat(response.getBody()).containsEntry("status", 400).containsEntry("field", field);
		assertThat((String) response.getBody().get("detail")).isNotBlank();
	}

	private ReceivedMessage newest() {
		return this.inbox.messages().get(0);
	}

	private static Map<String, Object> message(String from, String to, String subject, String text) {
		return Map.of("from", from, "to", List.of(to), "subject", subject, "text", text);
	}

	private static MultiValueMap<String, Object> form(String from, String to, String subject, String text) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("from", from);
		form.add("to", to);
		form.add("subject", subject);
		form.add("text", text);
		return form;
	}

	private static ByteArrayResource file(String name, byte[] data) {
		return new ByteArrayResource(data) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

	private ResponseEntity<Map<String, Object>> postJson(Map<String, Object> body) {
		return this.client.post()
			.uri("/api/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JSON);
	}

	private ResponseEntity<Map<String, Object>> postForm(MultiValueMap<String, Object> form) {
		return this.client.post()
			.uri("/api/messages")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.toEntity(JSON);
	}

}
