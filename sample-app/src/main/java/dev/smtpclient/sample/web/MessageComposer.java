package dev.smtpclient.sample.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import dev.smtpclient.InvalidInputException;
import dev.smtpclient.message.ComposedMessage;
import dev.smtpclient.message.Message;

/**
 * Turns a {@link MessageRequest} and its uploads into a message with the core's
 * {@link Message} API, which checks every value: anything wrong raises
 * {@link InvalidInputException} naming the field, before anything is sent.
 */
@Component
public class MessageComposer {

	private static final String OCTET_STREAM = "application/octet-stream";

	public ComposedMessage compose(MessageRequest request, List<MultipartFile> attachments) {
		if (isBlank(request.from())) {
			throw new InvalidInputException("from", "the sender is required");
		}
		Message message = new Message(request.from().trim(), (request.subject() != null) ? request.subject() : "");
		addEach(request.to(), message::addTo);
		addEach(request.cc(), message::addCc);
		addEach(request.bcc(), message::addBcc);
		if (!isBlank(request.text())) {
			message.setBody(request.text());
		}
		if (!isBlank(request.html())) {
			message.setHtml(request.html());
		}
		for (MultipartFile file : attachments) {
			if (!file.isEmpty()) {
				message.attach(fileName(file), contentType(file), bytes(file));
			}
		}
		return message.snapshot();
	}

	private static void addEach(List<String> entries, Consumer<String> add) {
		entries.stream().filter((entry) -> !isBlank(entry)).map(String::trim).forEach(add);
	}

	private static String fileName(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (isBlank(name)) {
			throw new InvalidInputException("attachments", "an attachment has no file name");
		}
		// some browsers send the whole client-side path
		return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
	}

	/**
	 * The browser's type when it knows one; otherwise null, so the core guesses from the
	 * file name.
	 */
	private static String contentType(MultipartFile file) {
		String type = file.getContentType();
		return (type == null || type.isBlank() || type.startsWith(OCTET_STREAM)) ? null : type.split(";", 2)[0].trim();
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
