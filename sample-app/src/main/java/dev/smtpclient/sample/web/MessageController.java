package dev.smtpclient.sample.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.smtpclient.SendResult;
import dev.smtpclient.autoconfigure.SmtpSender;
import dev.smtpclient.message.ComposedMessage;
import dev.smtpclient.sample.outbox.OutboxReport;
import dev.smtpclient.sample.outbox.PageOutbox;

/**
 * {@code POST /api/messages}: sends a message given as JSON, or as a multipart form with
 * file attachments, and answers with the server's replies. Bad input and send failures
 * become problem details ({@link ApiExceptionHandler}). With {@code sample.outbox=true}
 * the message goes into the outbox instead: the answer is {@code 202 Accepted} with its
 * state, and {@code Location} says where to follow it.
 */
@RestController
public class MessageController {

	private final MessageComposer composer;

	private final SmtpSender sender;

	private final PageOutbox outbox;

	public MessageController(MessageComposer composer, SmtpSender sender, PageOutbox outbox) {
		this.composer = composer;
		this.sender = sender;
		this.outbox = outbox;
	}

	@PostMapping(path = "/api/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<?> sendJson(@RequestBody MessageRequest request) {
		return send(this.composer.compose(request, List.of()));
	}

	@PostMapping(path = "/api/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	public ResponseEntity<?> sendForm(@ModelAttribute MessageRequest request,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> attachments) {
		return send(this.composer.compose(request, (attachments != null) ? attachments : List.of()));
	}

	private ResponseEntity<?> send(ComposedMessage message) {
		Optional<OutboxReport> queued = this.outbox.enqueue(message);
		if (queued.isPresent()) {
			return ResponseEntity.accepted()
				.location(URI.create("/api/outbox/" + queued.get().id()))
				.body(queued.get());
		}
		long start = System.nanoTime();
		SendResult result = this.sender.send(message);
		return ResponseEntity.ok(SendReport.of(result, Duration.ofNanos(System.nanoTime() - start)));
	}

}
