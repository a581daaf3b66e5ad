package dev.smtpclient.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.smtpclient.InvalidInputException;
import dev.smtpclient.message.RoundTrip.ExpectedPart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The form of what the composer writes: structured header fields only folded, never
 * encoded (RFC 2047 5); no line holding an encoded word over 76 characters (RFC 2047 2);
 * the root type of multipart/related named (RFC 2387 3.1); no line over 998 octets
 * whatever the text (RFC 5322 2.1.1).
 */
class HeaderFormTest {

	private static final String LONG_URL = "https://example.com/unsubscribe?list=news&token=" + "a1B2c3D4".repeat(30);

	@Test
	void listUnsubscribeWithALongUrlIsFoldedNotEncoded() throws Exception {
		String unsubscribe = "<" + LONG_URL + ">, <mailto:unsubscribe@example.com?subject=unsubscribe>";
		Message message = message();
		message.addHeader("List-Unsubscribe", unsubscribe);
		message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		byte[] data = RoundTrip.check(message.snapshot(), List.of(ExpectedPart.text("text/plain", "body\n")),
				Map.of("List-Unsubscribe", unsubscribe, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
		String headers = headers(data);
		assertThat(headers).doesNotContain("=?");
		assertThat(unfolded(headers)).contains("\r\nList-Unsubscribe: " + unsubscribe + "\r\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "List-Id", "List-Unsubscribe", "List-Help", "List-Post", "List-Archive", "Received",
			"Return-Path", "DKIM-Signature", "Authentication-Results", "References", "In-Reply-To", "ARC-Seal" })
	void structuredFieldsAreNeverEncoded(String name) throws Exception {
		String value = "<" + "x".repeat(100) + "@example.com> (  spaced   comment )  <" + "y".repeat(70)
				+ "@example.com>";
		Message message = message();
		message.addHeader(name, value);
		String headers = headers(RoundTrip.bytes(message.snapshot()));
		assertThat(headers).doesNotContain("=?");
		for (String line : headers.split("\r\n")) {
			assertThat(line.length()).as(line).isLessThanOrEqualTo(998);
		}
		assertThat(unfolded(headers)).contains("\r\n" + name + ": ");
	}

	@Test
	void aStructuredFieldThatCannotFitA998OctetLineIsRefused() {
		Message message = message();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> message.addHeader("List-Unsubscribe", "<https://example.com/" + "a".repeat(1000) + ">"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("header.List-Unsubscribe"))
			.withMessageContaining("998");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> message.addHeader("List-Id", "Liste f\u00fcr alle <list.example.com>"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("header.List-Id"));
	}

	@Test
	void everyLineWithAnEncodedWordFitsIn76Characters() throws Exception {
		String text = "Gr\u00fc\u00dfe aus K\u00f6ln \u2013 " + "sehr lange Betreffzeile mit \u00fcmlauten ".repeat(6);
		Message message = new Message("J\u00fcrgen M\u00fcller-L\u00fcdenscheidt <sender@example.com>", text);
		message.addTo(Address.of("to@example.com", "\u00c4\u00e4 ".repeat(30).trim()));
		message.addHeader("Disposition-Notification-To-Some-Long-Extension-Name", "x");
		message.addHeader("X-A-Rather-Long-Extension-Field-Name-For-Testing", text);
		message.setBody("body\n");
		byte[] data = RoundTrip.bytes(message.snapshot());
		String headers = headers(data);
		assertThat(headers).contains("=?UTF-8?B?");
		for (String field : fields(headers)) {
			if (field.contains("=?")) {
				for (String line : field.split("\r\n")) {
					assertThat(line.length()).as(field).isLessThanOrEqualTo(76);
				}
			}
		}
		RoundTrip.compare(message.snapshot(), data, List.of(ExpectedPart.text("text/plain", "body\n")),
				Map.of("X-A-Rather-Long-Extension-Field-Name-For-Testing", text));
	}

	@ParameterizedTest
	@ValueSource(ints = { 20, 40, 55, 60, 62, 63, 64, 65, 70, 74, 75 })
	void theFirstLineOfAFieldWithAnEncodedWordFitsIn76CharactersWithItsName(int nameLength) throws Exception {
		String name = "X-" + "n".repeat(nameLength - 2);
		String text = "\u00c4rger \u00fcber \u00f6de \u00dcberschriften " + "mit \u00fcmlauten ".repeat(5);
		Message message = message();
		message.addHeader(name, text);
		byte[] data = RoundTrip.bytes(message.snapshot());
		Message attached = message();
		attached.attach(
				"Pr\u00e4sentation \u00fcber die \u00c4nderungen im zweiten Quartal des Gesch\u00e4ftsjahres.pdf",
				"application/pdf", new byte[] { 1 });
		String all = new String(data, StandardCharsets.UTF_8)
				+ new String(RoundTrip.bytes(attached.snapshot()), StandardCharsets.UTF_8);
		for (String line : all.split("\r\n")) {
			if (line.contains("=?")) {
				assertThat(line.length()).as(line).isLessThanOrEqualTo(76);
			}
		}
		String field = fields(headers(data)).stream().filter((f) -> f.startsWith(name + ":")).findFirst().orElseThrow();
		assertThat(field.split("\r\n")[0].length()).as(field).isLessThanOrEqualTo(76);
		assertThat(field).contains("=?");
		if (nameLength <= 55) {
			// with a longer name no encoded word fits beside it: the first line holds the
			// name alone, which Python reads back with a leading space
			RoundTrip.compare(message.snapshot(), data, List.of(ExpectedPart.text("text/plain", "body\n")),
					Map.of(name, text));
		}
	}

	@Test
	void multipartRelatedNamesItsRootType() throws Exception {
		Message message = message();
		message.setHtml("<p><img src=\"cid:logo@example.com\"></p>\n");
		message.addInline("logo@example.com", "logo.png", "image/png", new byte[] { 1, 2, 3 });
		String text = unfolded(new String(RoundTrip.bytes(message.snapshot()), StandardCharsets.UTF_8));
		assertThat(text)
			.containsPattern("Content-Type: multipart/related; boundary=\"[^\"]+\"; type=\"text/html\"\r\n");

		Message plain = message();
		plain.addInline("logo@example.com", "logo.png", "image/png", new byte[] { 1, 2, 3 });
		String plainText = unfolded(new String(RoundTrip.bytes(plain.snapshot()), StandardCharsets.UTF_8));
		assertThat(plainText).containsPattern("multipart/related; boundary=\"[^\"]+\"; type=\"text/plain\"\r\n");
	}

	@Test
	void longTextLinesAreEncodedSoThatNoLinePasses998Octets() throws Exception {
		String longLine = "word".repeat(600) + " " + "\u00fc".repeat(1500) + "\n";
		Message message = message();
		message.setBody(longLine + "x".repeat(5000) + "\n");
		message.setHtml("<p>" + "y".repeat(5000) + "</p>\n");
		message.attach("long.txt", "text/plain", "z".repeat(5000).getBytes(StandardCharsets.US_ASCII));
		byte[] data = RoundTrip.bytes(message.snapshot());
		RoundTrip.checkOctets(data);
		for (String line : new String(data, StandardCharsets.UTF_8).split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(78);
		}
		// and so the engine takes the composed content as it is
		dev.smtpclient.MessageContent.ofBytes(data);
	}

	private static Message message() {
		Message message = new Message("sender@example.com", "Subject");
		message.addTo("to@example.com");
		message.setBody("body\n");
		return message;
	}

	private static String headers(byte[] data) {
		String text = new String(data, StandardCharsets.UTF_8);
		return text.substring(0, text.indexOf("\r\n\r\n") + 2);
	}

	private static String unfolded(String text) {
		return "\r\n" + text.replaceAll("\r\n[ \t]", " ");
	}

	private static List<String> fields(String headers) {
		List<String> fields = new ArrayList<>();
		for (String line : headers.split("\r\n")) {
			if (line.startsWith(" ") || line.startsWith("\t")) {
				fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
			}
			else {
				fields.add(line);
			}
		}
		return fields;
	}

}
