package dev.smtpclient.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.smtpclient.InvalidInputException;

/**
 * Reads the Message-ID from a message's header section. The outbox requires one and never
 * writes one itself: adding a header would change bytes the caller may have signed, and
 * the id is what tells a delivered copy from a duplicate.
 */
final class MessageIdHeader {

	private static final int MAX_LENGTH = 998;

	private MessageIdHeader() {
	}

	/**
	 * The Message-ID field's value, angle brackets included.
	 * @param message the message bytes
	 * @return the value
	 * @throws InvalidInputException when there is none, more than one, or it is not a
	 * single {@code <id>}
	 */
	static String read(byte[] message) {
		String found = null;
		for (String field : HeaderSection.fields(message)) {
			int colon = field.indexOf(':');
			if (colon <= 0 || !field.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("message-id")) {
				continue;
			}
			if (found != null) {
				throw new InvalidInputException("content", "has more than one Message-ID header");
			}
			found = field.substring(colon + 1).trim();
		}
		if (found == null) {
			throw new InvalidInputException("content", "has no Message-ID header; the outbox needs one to tell a "
					+ "delivered message from a duplicate (messages composed with dev.smtpclient.message have one)");
		}
		check(found);
		return found;
	}

	private static void check(String value) {
		if (value.length() < 3 || value.length() > MAX_LENGTH || value.charAt(0) != '<'
				|| value.charAt(value.length() - 1) != '>' || value.indexOf('@') < 0) {
			throw new InvalidInputException("content", "Message-ID must be one <id-left@id-right>");
		}
		for (int i = 1; i < value.length() - 1; i++) {
			char c = value.charAt(i);
			if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>') {
				throw new InvalidInputException("content",
						String.format("Message-ID has a character not allowed in it (U+%04X)", (int) c));
			}
		}
	}

	/**
	 * The header section split into unfolded fields; no MIME decoding (a Message-ID is
	 * ASCII).
	 */
	static final class HeaderSection {

		private HeaderSection() {
		}

		static java.util.List<String> fields(byte[] message) {
			java.util.List<String> fields = new java.util.ArrayList<>();
			StringBuilder current = null;
			int start = 0;
			while (start < message.length) {
				int end = start;
				while (end < message.length && message[end] != '\n' && message[end] != '\r') {
					end++;
				}
				String line = new String(message, start, end - start, StandardCharsets.ISO_8859_1);
				if (line.isEmpty()) {
					break;
				}
				if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
					current.append(line);
				}
				else {
					if (current != null) {
						fields.add(current.toString());
					}
					current = new StringBuilder(line);
				}
				start = end;
				if (start < message.length && message[start] == '\r') {
					start++;
				}
				if (start < message.length && message[start] == '\n') {
					start++;
				}
			}
			if (current != null) {
				fields.add(current.toString());
			}
			return fields;
		}

	}

}
