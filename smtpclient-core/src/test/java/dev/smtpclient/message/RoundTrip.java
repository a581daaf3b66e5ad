package dev.smtpclient.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a composed message against what went in, through both independent parsers, and
 * checks its octets: CRLF line endings only, no line over 998 octets, no Bcc.
 */
final class RoundTrip {

	/**
	 * Python's email package has no RFC 6532 support for local parts: it parses them but
	 * registers this defect.
	 */
	static final String PYTHON_UTF8_LOCAL_PART = "NonASCIILocalPartDefect";

	private RoundTrip() {
	}

	static byte[] bytes(ComposedMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toByteArray();
	}

	/**
	 * Checks the octets of a written message.
	 */
	static void checkOctets(byte[] data) {
		int lineLength = 0;
		for (int i = 0; i < data.length; i++) {
			if (data[i] == '\r') {
				assertThat(i + 1 < data.length && data[i + 1] == '\n').as("bare CR at %d", i).isTrue();
				assertThat(lineLength).as("line length before %d", i).isLessThanOrEqualTo(998);
				lineLength = 0;
				i++;
				continue;
			}
			assertThat(data[i]).as("bare LF or NUL at %d", i).isNotIn((byte) '\n', (byte) 0);
			lineLength++;
		}
		assertThat(lineLength).as("unterminated last line").isZero();
		String text = new String(data, StandardCharsets.UTF_8);
		String headers = text.substring(0, text.indexOf("\r\n\r\n") + 2);
		assertThat(headers.toLowerCase()).doesNotContain("\r\nbcc:").doesNotStartWith("bcc:");
	}

	static List<ParsedMessage> parseBoth(byte[] data) throws Exception {
		return List.of(AngusEmail.parse(data), PythonEmail.parse(data));
	}

	/**
	 * Composes, writes, parses with both parsers and compares.
	 * @param message the message
	 * @param expectedParts the leaf parts in order
	 * @param extraHeaders header fields (decoded) that must be there
	 * @return the written octets
	 */
	static byte[] check(ComposedMessage message, List<ExpectedPart> expectedParts, Map<String, String> extraHeaders)
			throws Exception {
		byte[] data = bytes(message);
		checkOctets(data);
		// the size is computed from the parts, not by writing: it must still be exactly
		// what is written
		message.content().size().ifPresent((size) -> assertThat(size).isEqualTo(data.length));
		compare(message, data, expectedParts, extraHeaders);
		return data;
	}

	/**
	 * Parses the data (as written, or as delivered) with both parsers and compares it
	 * with the message.
	 */
	static void compare(ComposedMessage message, byte[] data, List<ExpectedPart> expectedParts,
			Map<String, String> extraHeaders) throws Exception {
		for (ParsedMessage parsed : parseBoth(data)) {
			String as = parsed.parser + " on\n" + new String(data, StandardCharsets.UTF_8);
			assertThat(parsed.defects).as(as)
				.allMatch((defect) -> message.needsSmtpUtf8() && defect.contains(PYTHON_UTF8_LOCAL_PART));
			assertThat(parsed.from).as(as).containsExactlyElementsOf(strings(parsed, "From", List.of(message.from())));
			assertThat(parsed.to).as(as).containsExactlyElementsOf(strings(parsed, "To", message.to()));
			assertThat(parsed.cc).as(as).containsExactlyElementsOf(strings(parsed, "Cc", message.cc()));
			assertThat(parsed.bcc).as(as).isEmpty();
			assertThat(parsed.subject).as(as).isEqualTo(message.subject());
			assertThat(parsed.headers).as(as).noneMatch((header) -> header.toLowerCase().startsWith("bcc:"));
			assertThat(parsed.headers).as(as)
				.anyMatch((header) -> header.startsWith("Date: "))
				.anyMatch((header) -> header.startsWith("Message-ID: <"));
			extraHeaders.forEach((name, value) -> assertThat(parsed.headers).as(as).contains(name + ": " + value));
			assertThat(parsed.parts).as(as).hasSameSizeAs(expectedParts);
			for (int i = 0; i < expectedParts.size(); i++) {
				ExpectedPart expected = expectedParts.get(i);
				ParsedMessage.Part actual = parsed.parts.get(i);
				assertThat(actual.type).as(as).isEqualTo(expected.type);
				assertThat(actual.disposition).as(as).isEqualTo(expected.disposition);
				assertThat(actual.fileName).as(as).isEqualTo(expected.fileName);
				assertThat(actual.contentId).as(as).isEqualTo(expected.contentId);
				assertThat(actual.data).as(as + "\npart " + i).isEqualTo(expected.data);
			}
		}
	}

	/**
	 * The mailboxes as the parser must give them back: exactly as given, except that
	 * Python's headerregistry keeps the white space between adjacent encoded words of a
	 * display name (RFC 2047 6.2 says to drop it, as Angus does), so for Python a name
	 * written as several encoded words comes back with a space between the words.
	 */
	private static List<String> strings(ParsedMessage parsed, String fieldName, List<Address> addresses) {
		List<String> out = new ArrayList<>();
		String rendered = null;
		if (parsed.parser.equals("python")) {
			// where the words split depends on the room left on the line: render the
			// field as the message does
			HeaderField field = new HeaderField(fieldName);
			HeaderValues.addresses(field, addresses);
			rendered = new String(field.toBytes(), StandardCharsets.UTF_8).replace("\r\n", "");
		}
		int from = 0;
		for (Address address : addresses) {
			String name = address.displayName().orElse(null);
			if (name != null && rendered != null && HeaderValues.isEncodedPhrase(name)) {
				int end = rendered.indexOf("<" + address.address() + ">", from);
				List<String> chunks = new ArrayList<>();
				java.util.regex.Matcher word = ENCODED_WORD.matcher(rendered.substring(from, end));
				while (word.find()) {
					chunks.add(new String(Base64.getDecoder().decode(word.group(1)), StandardCharsets.UTF_8));
				}
				name = String.join(" ", chunks);
				from = end + address.address().length() + 2;
			}
			else if (rendered != null) {
				from = rendered.indexOf(address.address(), from) + address.address().length();
			}
			out.add(ParsedMessage.mailbox(name, address.address()));
		}
		return out;
	}

	private static final java.util.regex.Pattern ENCODED_WORD = java.util.regex.Pattern
		.compile("=\\?UTF-8\\?B\\?([^?]*)\\?=");

	static final class ExpectedPart {

		final String type;

		final String disposition;

		final String fileName;

		final String contentId;

		final byte[] data;

		private ExpectedPart(String type, String disposition, String fileName, String contentId, byte[] data) {
			this.type = type;
			this.disposition = disposition;
			this.fileName = fileName;
			this.contentId = contentId;
			this.data = data;
		}

		/** A text body, given with LF line endings: it comes back with CRLF. */
		static ExpectedPart text(String type, String text) {
			return new ExpectedPart(type, null, null, null,
					text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
		}

		static ExpectedPart attachment(String type, String fileName, byte[] data) {
			return new ExpectedPart(type, "attachment", fileName, null, data);
		}

		static ExpectedPart inline(String type, String fileName, String contentId, byte[] data) {
			return new ExpectedPart(type, "inline", fileName, contentId, data);
		}

	}

}
