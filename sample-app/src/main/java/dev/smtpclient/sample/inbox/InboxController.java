package dev.smtpclient.sample.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/inbox}: what the embedded server received, for the Inbox page: the list,
 * one message taken apart, its raw data, and its attachments.
 */
@RestController
@RequestMapping("/api/inbox")
public class InboxController {

	private final Inbox inbox;

	private final EmbeddedSmtpServer server;

	public InboxController(Inbox inbox, ObjectProvider<EmbeddedSmtpServer> server) {
		this.inbox = inbox;
		this.server = server.getIfAvailable();
	}

	/**
	 * The inbox.
	 *
	 * @param embedded whether the embedded server runs (else mail goes to
	 * {@code smtp.url} and nothing arrives here)
	 * @param port the embedded server's port, or 0
	 * @param messages the messages, newest first
	 */
	public record InboxView(boolean embedded, int port, List<Summary> messages) {
	}

	/**
	 * One line of the list.
	 *
	 * @param id the message id
	 * @param receivedAt when it arrived
	 * @param from the envelope sender
	 * @param to the envelope recipients
	 * @param subject the decoded subject
	 * @param size the size in octets
	 */
	public record Summary(String id, String receivedAt, String from, List<String> to, String subject, int size) {
	}

	@GetMapping
	public InboxView list() {
		List<Summary> messages = this.inbox.messages()
			.stream()
			.map(MessageParser::parse)
			.map((parsed) -> new Summary(parsed.id(), parsed.receivedAt(), parsed.envelopeFrom(), parsed.envelopeTo(),
					parsed.subject(), parsed.size()))
			.toList();
		return new InboxView(this.server != null, (this.server != null) ? this.server.port() : 0, messages);
	}

	@GetMapping("/{id}")
	public ParsedMessage message(@PathVariable String id) {
		return MessageParser.parse(received(id));
	}

	@GetMapping("/{id}/raw")
	public ResponseEntity<byte[]> raw(@PathVariable String id) {
		ReceivedMessage message = received(id);
		return download(id + ".eml", "message/rfc822", message.raw());
	}

	@GetMapping("/{id}/attachments/{index}")
	public ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable int index) throws IOException {
		MessageParser.AttachmentData data = MessageParser.attachment(received(id), index);
		if (data == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no attachment " + index);
		}
		return download(data.fileName(), data.contentType(), data.data());
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void clear() {
		this.inbox.clear();
	}

	private ReceivedMessage received(String id) {
		return this.inbox.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no message " + id));
	}

	private static ResponseEntity<byte[]> download(String fileName, String contentType, byte[] data) {
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (IllegalArgumentException ex) {
			type = MediaType.APPLICATION_OCTET_STREAM;
		}
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(data);
	}

}
