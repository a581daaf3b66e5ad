package dev.smtpclient.sample.web;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.smtpclient.sample.inbox.Inbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web page the developer visits must not be able to send mail, or clear the inbox,
 * through the app: a browser's cross-site request to a state-changing endpoint is refused
 * with 403 before anything happens, while the app's own page and clients that send no
 * {@code Origin} (curl, scripts) go through.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CrossSiteRequestTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Inbox inbox;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private TestBatchController testBatch;

	private RestClient client;

	@BeforeEach
	void client() {
		this.client = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@ParameterizedTest(name = "Origin {0}, Sec-Fetch-Site {1}")
	@CsvSource(nullValues = "none",
			value = { "http://evil.test, cross-site", "http://evil.test, none", "none, cross-site", "none, same-site",
					"null, none", "http://127.0.0.1:1, none", "https://127.0.0.1:{port}, none" })
	void refusesACrossSiteFormPostAndSendsNothing(String origin, String fetchSite) {
		long before = this.inbox.receivedCount();

		int status = this.client.post()
			.uri("/api/messages")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.headers((headers) -> {
				if (origin != null) {
					headers.set("Origin", origin.replace("{port}", String.valueOf(this.port)));
				}
				if (fetchSite != null) {
					headers.set("Sec-Fetch-Site", fetchSite);
				}
			})
			.body(form())
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value();

		assertThat(status).isEqualTo(403);
		assertThat(this.inbox.receivedCount()).as("nothing reached the SMTP server").isEqualTo(before);
	}

	@Test
	void refusesACrossSiteJsonPost() {
		long before = this.inbox.receivedCount();

		int status = this.client.post()
			.uri("/api/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Origin", "http://evil.test")
			.body(Map.of("from", "a@example.com", "to", "b@example.com", "subject", "s", "text", "b"))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value();

		assertThat(status).isEqualTo(403);
		assertThat(this.inbox.receivedCount()).isEqualTo(before);
	}

	@ParameterizedTest(name = "Origin {0}, Sec-Fetch-Site {1}")
	@CsvSource(nullValues = "none",
			value = { "http://evil.test, cross-site", "http://evil.test, none", "none, cross-site", "null, none" })
	void refusesACrossSiteTextPlainPost(String origin, String fetchSite) {
		// text/plain is a "simple" request: a browser sends it cross-site without a
		// preflight
		long before = this.inbox.receivedCount();

		int status = this.client.post().uri("/api/messages").contentType(MediaType.TEXT_PLAIN).headers((headers) -> {
			if (origin != null) {
				headers.set("Origin", origin);
			}
			if (fetchSite != null) {
				headers.set("Sec-Fetch-Site", fetchSite);
			}
		})
			.body("{\"from\":\"a@example.com\",\"to\":\"b@example.com\",\"subject\":\"s\",\"text\":\"b\"}")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value();

		assertThat(status).isEqualTo(403);
		assertThat(this.inbox.receivedCount()).isEqualTo(before);
	}

	@ParameterizedTest(name = "Origin {0}, Sec-Fetch-Site {1}")
	@CsvSource(nullValues = "none",
			value = { "http://evil.test, cross-site", "http://evil.test, none", "none, cross-site", "null, none" })
	void refusesACrossSiteTestBatchAndStartsNone(String origin, String fetchSite) {
		long before = this.inbox.receivedCount();
		TestBatchController.Progress progress = this.testBatch.progress();

		int status = this.client.post().uri("/api/test-batch").headers((headers) -> {
			if (origin != null) {
				headers.set("Origin", origin);
			}
			if (fetchSite != null) {
				headers.set("Sec-Fetch-Site", fetchSite);
			}
		}).retrieve().toBodilessEntity().getStatusCode().value();

		assertThat(status).isEqualTo(403);
		assertThat(this.testBatch.progress()).isSameAs(progress);
		assertThat(this.inbox.receivedCount()).isEqualTo(before);
	}

	@Test
	void refusesACrossSiteRequestToEveryStateChangingEndpoint() {
		long before = this.inbox.receivedCount();
		// every mapped method but the safe ones, so that an endpoint added later is
		// covered
		Set<String> checked = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			Stream<RequestMethod> unsafe = methods.isEmpty()
					? Stream.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE)
					: methods.stream()
						.filter((method) -> !Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(method.name()));
			unsafe.forEach((method) -> info.getPathPatternsCondition().getPatternValues().forEach((pattern) -> {
				String path = pattern.replaceAll("\\{[^}]+}", "1");
				int status = this.client.method(HttpMethod.valueOf(method.name()))
					.uri(path)
					.header("Origin", "http://evil.test")
					.header("Sec-Fetch-Site", "cross-site")
					.contentType(MediaType.TEXT_PLAIN)
					.body("x")
					.retrieve()
					.toBodilessEntity()
					.getStatusCode()
					.value();
				assertThat(status).as("%s %s", method, path).isEqualTo(403);
				checked.add(method + " " + path);
			}));
		});
		assertThat(checked).contains("POST /api/messages", "POST /api/test-batch", "DELETE /api/inbox");
		assertThat(this.inbox.receivedCount()).isEqualTo(before);
	}

	@Test
	void refusesAPageOfAnotherDomainThatResolvesToLoopback() throws Exception {
		long before = this.inbox.receivedCount();
		String json = "{\"from\":\"a@example.com\",\"to\":\"b@example.com\",\"subject\":\"s\",\"text\":\"b\"}";
		String host = "rebound.test:" + this.port;
		// DNS rebinding: to the browser the page and the app share the origin
		// http://rebound.test:port
		assertThat(rawStatus("POST /api/messages HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" + host
				+ "\r\nSec-Fetch-Site: same-origin\r\nContent-Type: application/json\r\nContent-Length: "
				+ json.length() + "\r\nConnection: close\r\n\r\n" + json))
			.isEqualTo(403);
		assertThat(rawStatus("GET /api/inbox HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"))
			.isEqualTo(403);
		assertThat(
				rawStatus("GET /api/inbox HTTP/1.1\r\nHost: localhost:" + this.port + "\r\nConnection: close\r\n\r\n"))
			.isEqualTo(200);
		assertThat(this.inbox.receivedCount()).isEqualTo(before);
	}

	private int rawStatus(String request) throws java.io.IOException {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			String statusLine = new java.io.BufferedReader(
					new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
	}

	@Test
	void refusesACrossSiteInboxClear() {
		sendFrom("http://127.0.0.1:" + this.port, "same-origin");
		assertThat(this.inbox.messages()).isNotEmpty();

		int status = this.client.delete()
			.uri("/api/inbox")
			.header("Origin", "http://evil.test")
			.header("Sec-Fetch-Site", "cross-site")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value();

		assertThat(status).isEqualTo(403);
		assertThat(this.inbox.messages()).isNotEmpty();
	}

	@Test
	void acceptsTheAppsOwnPage() {
		long before = this.inbox.receivedCount();

		assertThat(sendFrom("http://127.0.0.1:" + this.port, "same-origin")).isEqualTo(200);

		assertThat(this.inbox.receivedCount()).isEqualTo(before + 1);
	}

	@Test
	void acceptsAClientThatSendsNoOrigin() {
		long before = this.inbox.receivedCount();

		assertThat(sendFrom(null, null)).isEqualTo(200);

		assertThat(this.inbox.receivedCount()).isEqualTo(before + 1);
	}

	@Test
	void letsALinkFromAnotherSiteOpenThePage() {
		int status = this.client.get()
			.uri("/")
			.header("Origin", "http://evil.test")
			.header("Sec-Fetch-Site", "cross-site")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value();

		assertThat(status).isEqualTo(200);
	}

	private int sendFrom(String origin, String fetchSite) {
		return this.client.post().uri("/api/messages").contentType(MediaType.MULTIPART_FORM_DATA).headers((headers) -> {
			if (origin != null) {
				headers.set("Origin", origin);
			}
			if (fetchSite != null) {
				headers.set("Sec-Fetch-Site", fetchSite);
			}
		}).body(form()).retrieve().toBodilessEntity().getStatusCode().value();
	}

	private static MultiValueMap<String, Object> form() {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("from", "sample@example.com");
		form.add("to", "victim@example.com");
		form.add("subject", "cross-site");
		form.add("text", "sent by another site");
		return form;
	}

}
