package dev.smtpclient.sample.outbox;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox as the page follows it: {@code GET /api/outbox} says whether the page's
 * messages go through it, {@code GET /api/outbox/{id}} where one stands now.
 */
@RestController
public class OutboxController {

	private final PageOutbox outbox;

	public OutboxController(PageOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/api/outbox")
	public Map<String, Object> outbox() {
		return Map.of("enabled", this.outbox.enabled());
	}

	@GetMapping("/api/outbox/{id}")
	public ResponseEntity<?> status(@PathVariable UUID id) {
		return this.outbox.status(id)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such message in the outbox")));
	}

}
