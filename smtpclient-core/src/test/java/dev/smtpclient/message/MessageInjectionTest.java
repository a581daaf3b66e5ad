package dev.smtpclient.message;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.smtpclient.InvalidInputException;
import dev.smtpclient.message.RoundTrip.ExpectedPart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * No setter lets a CR, LF, NUL or other control character into the message; characters
 * whose UTF-16 code unit has 0x0A or 0x0D as its low byte are encoded correctly and never
 * become a line break.
 */
class MessageInjectionTest {

	private static final String INJECTION = "\r\nBcc: victim@example.com";

	@ParameterizedTest
	@ValueSource(strings = { "\r", "\n", "\r\n", "\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029",
			"\t", "\ud800" })
	void everySetterRefusesControlCharacters(String bad) {
		refused("from", (m) -> new Message("Sender" + bad + " <s@example.com>", "s"));
		refused("from", (m) -> m.setFrom("s" + bad + "@example.com"));
		refused("subject", (m) -> new Message("s@example.com", "Hi" + bad + "there"));
		refused("subject", (m) -> m.setSubject("x" + bad));
		refused("to", (m) -> m.addTo("Name" + bad + " <t@example.com>"));
		refused("to", (m) -> m.addTo("t" + bad + "@example.com"));
		refused("cc", (m) -> m.addCc("c@exa" + bad + "mple.com"));
		refused("bcc", (m) -> m.addBcc("\"Na" + bad + "me\" <b@example.com>"));
		refused("displayName", (m) -> m.addTo(Address.of("t@example.com", "Evil" + bad)));
		refused("address", (m) -> Address.of("t" + bad + "@example.com", "Name"));
		refused("header.name", (m) -> m.addHeader("X-Evil" + bad, "value"));
		refused("header.X-Evil", (m) -> m.addHeader("X-Evil", "value" + bad + "more"));
		refused("header.X-Evil", (m) -> m.setHeader("X-Evil", "value" + bad));
		refused("header.Reply-To", (m) -> m.addHeader("Reply-To", "r" + bad + "@example.com"));
		refused("contentId", (m) -> m.addInline("logo" + bad + "@example.com", "logo.png", null, new byte[1]));
		refused("fileName", (m) -> m.addInline("logo@example.com", "lo" + bad + "go.png", null, new byte[1]));
		refused("fileName", (m) -> m.attach("file" + bad + ".txt", null, new byte[1]));
		refused("mimeType", (m) -> m.attach("file.txt", "text/plain" + bad, new byte[1]));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bcc", "bcc", "To", "From", "Cc", "Subject", "Content-Type", "MIME-Version",
			"Content-Transfer-Encoding" })
	void headersTheMessageOwnsAreRefused(String name) {
		refused("header." + name, (m) -> m.addHeader(name, "x@example.com"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "X Space", "X:Colon", "", "X-\u00e9" })
	void malformedHeaderNamesAreRefused(String name) {
		refused("header.name", (m) -> m.addHeader(name, "value"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u010a", "\u010d", "\u760a", "\u760d", "\u0a0d", "\u0d0a", "\n\u0100" })
	void charactersWithCrOrLfLowBytesAreEncodedNotBroken(String tricky) throws Exception {
		if (tricky.indexOf('\n') >= 0) {
			refused("subject", (m) -> m.setSubject(tricky));
			return;
		}
		String text = "a" + tricky + "b " + tricky;
		Message message = new Message(text + " <sender@example.com>", text);
		message.addTo(Address.of("to@example.com", tricky + INJECTION.substring(2)));
		message.addHeader("X-Tricky", text);
		message.attach(text + ".txt", null, new byte[] { 1 });
		message.addInline("id@example.com", text + ".png", null, new byte[] { 2 });
		message.setHtml("<img src=\"cid:id@example.com\">\n");
		byte[] data = RoundTrip.check(message.snapshot(),
				List.of(ExpectedPart.text("text/html", "<img src=\"cid:id@example.com\">\n"),
						ExpectedPart.inline("image/png", text + ".png", "id@example.com", new byte[] { 2 }),
						ExpectedPart.attachment("text/plain", text + ".txt", new byte[] { 1 })),
				Map.of("X-Tricky", text));
		String written = new String(data, StandardCharsets.UTF_8);
		assertThat(written).doesNotContain("\nBcc:");
		assertThat(written.chars().filter((c) -> c > 0x7f)).as("nothing written raw").isEmpty();
	}

	private static void refused(String field, Consumer<Message> setter) {
		Message message = new Message("sender@example.com", "subject");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> setter.accept(message))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}

}
