package dev.smtpclient.sample.web;

import java.time.Duration;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.smtpclient.SendResult;
import dev.smtpclient.autoconfigure.SmtpSender;
import dev.smtpclient.message.ComposedMessage;

/**
 * {@code POST /api/messages}: sends a message given as JSON, or as a multipart form with
 * file attachments, and answers with the server's replies. Bad input and send failures
 * become problem details ({@link ApiExceptionHandler}).
 */
@RestController
public class MessageController {

	private final MessageComposer composer;

	private final SmtpSender sender;

	public MessageController(MessageComposer composer, SmtpSender sender) {
		this.composer = composer;
		this.sender = sender;
	}

	@PostMapping(path = "/api/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	public SendReport sendJson(@RequestBody MessageRequest request) {
		return send(this.composer.compose(request, List.of()));
	}

	@PostMapping(path = "/api/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	public SendReport sendForm(@ModelAttribute MessageRequest request,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> attachments) {
		return send(this.composer.compose(request, (attachments != null) ? attachments : List.of()));
	}

	private SendReport send(ComposedMessage message) {
		long start = System.nanoTime();
		SendResult result = this.sender.send(message);
		return SendReport.of(result, Duration.ofNanos(System.nanoTime() - start));
	}

}
