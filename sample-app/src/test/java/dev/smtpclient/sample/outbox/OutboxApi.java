package dev.smtpclient.sample.outbox;

import java.time.Duration;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The page's side of the outbox, over HTTP: send as the page does, then follow the
 * message's state as the page does.
 */
final class OutboxApi {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final RestClient client;

	OutboxApi(int port) {
		this.client = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	Queued send(String subject) {
		ResponseEntity<Map<String, Object>> response = post("bob@example.com", subject);
		return new Queued(response.getStatusCode().value(),
				(response.getHeaders().getLocation() != null) ? response.getHeaders().getLocation().toString() : null,
				response.getBody());
	}

	Map<String, Object> sendExpectingProblem(String to) {
		return post(to, "refused").getBody();
	}

	Queued status(String path) {
		ResponseEntity<Map<String, Object>> response = this.client.get().uri(path).retrieve().toEntity(JSON);
		return new Queued(response.getStatusCode().value(), path, response.getBody());
	}

	/**
	 * Asks for the state every 100 ms, as the page does (every 500 ms), until it is
	 * final.
	 */
	Map<String, Object> awaitFinal(String path, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Map<String, Object> status = Map.of();
		while (System.nanoTime() < deadline) {
			status = status(path).body();
			if (Boolean.TRUE.equals(status.get("done"))) {
				return status;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("not final within " + timeout + ": " + status);
	}

	private ResponseEntity<Map<String, Object>> post(String to, String subject) {
		return this.client.post()
			.uri("/api/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("from", "ann@example.com", "to", to, "subject", subject, "text", "body"))
			.retrieve()
			.toEntity(JSON);
	}

	record Queued(int status, String location, Map<String, Object> body) {
	}

}
