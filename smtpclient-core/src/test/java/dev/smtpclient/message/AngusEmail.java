package dev.smtpclient.message;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Parses a message with Angus Mail (Jakarta Mail), strict about addresses.
 */
final class AngusEmail {

	static {
		// read once when Angus loads: lets it accept the raw UTF-8 addresses of RFC 6532
		System.setProperty("mail.mime.allowutf8", "true");
	}

	private AngusEmail() {
	}

	static ParsedMessage parse(byte[] message) throws Exception {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.allowutf8", "true");
		properties.setProperty("mail.mime.address.strict", "true");
		MimeMessage mime = new MimeMessage(Session.getInstance(properties), new ByteArrayInputStream(message));
		List<String> headers = new ArrayList<>();
		for (Header header : Collections.list(mime.getAllHeaders())) {
			headers.add(header.getName() + ": " + MimeUtility.decodeText(MimeUtility.unfold(header.getValue())));
		}
		List<ParsedMessage.Part> parts = new ArrayList<>();
		collect(mime, parts);
		return new ParsedMessage("angus", List.of(), addresses(mime.getFrom()),
				addresses(mime.getRecipients(RecipientType.TO)), addresses(mime.getRecipients(RecipientType.CC)),
				addresses(mime.getRecipients(RecipientType.BCC)), mime.getSubject(), headers, parts);
	}

	private static void collect(Part part, List<ParsedMessage.Part> parts) throws Exception {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), parts);
			}
			return;
		}
		String[] contentId = part.getHeader("Content-ID");
		byte[] data;
		try (var in = part.getInputStream()) {
			data = in.readAllBytes();
		}
		parts.add(new ParsedMessage.Part(new ContentType(part.getContentType()).getBaseType().toLowerCase(),
				(part.getDisposition() != null) ? part.getDisposition().toLowerCase() : null, part.getFileName(),
				(contentId != null) ? contentId[0] : null, data));
	}

	private static List<String> addresses(Address[] addresses) throws Exception {
		List<String> out = new ArrayList<>();
		if (addresses != null) {
			for (Address address : addresses) {
				InternetAddress internet = (InternetAddress) address;
				internet.validate();
				out.add(ParsedMessage.mailbox(internet.getPersonal(), internet.getAddress()));
			}
		}
		return out;
	}

}
