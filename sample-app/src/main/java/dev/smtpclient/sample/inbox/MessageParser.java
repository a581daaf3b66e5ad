package dev.smtpclient.sample.inbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Takes received messages apart with Angus Mail: the decoded headers, the first text and
 * HTML bodies, and every other part as an attachment.
 */
public final class MessageParser {

	private static final Session SESSION = Session.getInstance(new Properties());

	/**
	 * An attachment's data, decoded.
	 *
	 * @param fileName the file name
	 * @param contentType the MIME type without parameters
	 * @param data the decoded data
	 */
	public record AttachmentData(String fileName, String contentType, byte[] data) {
	}

	private MessageParser() {
	}

	public static ParsedMessage parse(ReceivedMessage received) {
		try {
			MimeMessage message = mime(received);
			List<ParsedMessage.Header> headers = new ArrayList<>();
			for (Header header : Collections.list(message.getAllHeaders())) {
				headers.add(new ParsedMessage.Header(header.getName(), header.getValue()));
			}
			Bodies bodies = new Bodies();
			walk(message, bodies);
			List<ParsedMessage.Attachment> attachments = new ArrayList<>();
			for (int i = 0; i < bodies.attachments.size(); i++) {
				Part part = bodies.attachments.get(i);
				attachments.add(new ParsedMessage.Attachment(i, fileName(part, i), baseType(part), decodedSize(part)));
			}
			return new ParsedMessage(received.id(), received.receivedAt().toString(), received.sender(),
					received.recipients(), message.getSubject(), addresses(message.getFrom()),
					addresses(message.getRecipients(RecipientType.TO)),
					addresses(message.getRecipients(RecipientType.CC)), headers, bodies.text, bodies.html, attachments,
					received.size());
		}
		catch (MessagingException | IOException ex) {
			return new ParsedMessage(received.id(), received.receivedAt().toString(), received.sender(),
					received.recipients(), "(cannot parse: " + ex.getMessage() + ")", "", "", "", List.of(), null, null,
					List.of(), received.size());
		}
	}

	/**
	 * The decoded data of an attachment.
	 * @param received the message
	 * @param index the attachment's index
	 * @return the data, or null if there is no such attachment
	 * @throws IOException if the message cannot be parsed
	 */
	public static AttachmentData attachment(ReceivedMessage received, int index) throws IOException {
		try {
			Bodies bodies = new Bodies();
			walk(mime(received), bodies);
			if (index < 0 || index >= bodies.attachments.size()) {
				return null;
			}
			Part part = bodies.attachments.get(index);
			try (InputStream in = part.getInputStream()) {
				return new AttachmentData(fileName(part, index), baseType(part), in.readAllBytes());
			}
		}
		catch (MessagingException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
	}

	private static MimeMessage mime(ReceivedMessage received) throws MessagingException {
		return new MimeMessage(SESSION, new ByteArrayInputStream(received.raw()));
	}

	private static void walk(Part part, Bodies bodies) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				walk(multipart.getBodyPart(i), bodies);
			}
			return;
		}
		boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
		if (!attachment && part.isMimeType("text/plain") && bodies.text == null) {
			bodies.text = String.valueOf(part.getContent());
		}
		else if (!attachment && part.isMimeType("text/html") && bodies.html == null) {
			bodies.html = String.valueOf(part.getContent());
		}
		else {
			bodies.attachments.add(part);
		}
	}

	private static String fileName(Part part, int index) throws MessagingException {
		String name = part.getFileName();
		if (name != null) {
			try {
				return MimeUtility.decodeText(name);
			}
			catch (UnsupportedEncodingException ex) {
				return name;
			}
		}
		return "attachment-" + (index + 1);
	}

	private static String baseType(Part part) throws MessagingException {
		try {
			return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
		}
		catch (MessagingException ex) {
			return "application/octet-stream";
		}
	}

	private static long decodedSize(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return in.transferTo(java.io.OutputStream.nullOutputStream());
		}
	}

	private static String addresses(Address[] addresses) {
		if (addresses == null) {
			return "";
		}
		List<String> shown = new ArrayList<>();
		for (Address address : addresses) {
			shown.add((address instanceof InternetAddress internet) ? internet.toUnicodeString() : address.toString());
		}
		return String.join(", ", shown);
	}

	private static final class Bodies {

		private String text;

		private String html;

		private final List<Part> attachments = new ArrayList<>();

	}

}
