package dev.smtpclient.message;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.activation.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smtpclient.MessageContent;
import dev.smtpclient.message.RoundTrip.ExpectedPart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Composed messages come back exactly as given through Angus Mail and Python's email
 * package.
 */
class MessageRoundTripTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.ofHours(1));

	@Test
	void plainTextSeedStyle() throws Exception {
		Message message = new Message("The Sender <sender@email.com>", "My Subject");
		message.setBody("Hello,\nthis is the body.\n");
		message.addTo("My Best Friend <you@friend.com>");
		message.setClock(CLOCK);
		byte[] data = RoundTrip.check(message.snapshot(),
				List.of(ExpectedPart.text("text/plain", "Hello,\nthis is the body.\n")), Map.of());
		assertThat(new String(data, StandardCharsets.US_ASCII)).startsWith("Date: Sat, 28 Nov 2026 13:00:00 +0100\r\n")
			.contains("\r\nContent-Transfer-Encoding: 7bit\r\n");
		assertThat(message.content().size()).hasValue(data.length);
		assertThat(message.content().isEightBit()).isFalse();
		assertThat(message.content().needsSmtpUtf8()).isFalse();
	}

	@Test
	void htmlWithTextAlternative() throws Exception {
		ComposedMessage message = Message.builder()
			.from("sender@example.com")
			.to("a@example.com", "B <b@example.com>")
			.cc("C <c@example.com>")
			.bcc("hidden@example.com")
			.subject("Both")
			.text("Plain text, with a long line that goes past seventy-six characters and so is quoted-printable.\n")
			.html("<html><body><p>Hello &amp; welcome</p></body></html>\n")
			.build();
		byte[] data = RoundTrip.check(
				message, List.of(
						ExpectedPart.text("text/plain",
								"Plain text, with a long line that goes past seventy-six characters "
										+ "and so is quoted-printable.\n"),
						ExpectedPart.text("text/html", "<html><body><p>Hello &amp; welcome</p></body></html>\n")),
				Map.of());
		assertThat(new String(data, StandardCharsets.US_ASCII)).contains("multipart/alternative")
			.doesNotContain("hidden@example.com");
		assertThat(message.recipients()).containsExactly("a@example.com", "b@example.com", "c@example.com",
				"hidden@example.com");
		assertThat(message.envelope().recipients()).contains("hidden@example.com");
	}

	@Test
	void htmlWithInlineImageAndTextAlternative() throws Exception {
		byte[] png = randomBytes(3000, 1);
		ComposedMessage message = Message.builder()
			.from("Sender <sender@example.com>")
			.to("to@example.com")
			.subject("Inline")
			.text("See the logo.\n")
			.html("<p><img src=\"cid:logo@example.com\"></p>\n")
			.inline("<logo@example.com>", "logo.png", null, png)
			.build();
		byte[] data = RoundTrip.check(message,
				List.of(ExpectedPart.text("text/plain", "See the logo.\n"),
						ExpectedPart.text("text/html", "<p><img src=\"cid:logo@example.com\"></p>\n"),
						ExpectedPart.inline("image/png", "logo.png", "logo@example.com", png)),
				Map.of());
		assertThat(new String(data, StandardCharsets.US_ASCII)).contains("multipart/related");
	}

	@Test
	void attachmentsOfEveryKind(@TempDir Path dir) throws Exception {
		byte[] binary = randomBytes(100_000, 2);
		byte[] text = "first line\r\nsecond line\r\n".getBytes(StandardCharsets.US_ASCII);
		byte[] latin = "caf\u00e9 cr\u00e8me\nna\u00efve\n".getBytes(StandardCharsets.UTF_8);
		Path file = Files.write(dir.resolve("report.pdf"), randomBytes(5000, 3));
		byte[] source = randomBytes(7777, 4);
		String longName = "\u00dcbersicht \u00fcber alle Ums\u00e4tze des Gesch\u00e4ftsjahres 2026 mit "
				+ "Anh\u00e4ngen und Erl\u00e4uterungen (endg\u00fcltig).xlsx";
		Message message = new Message("Sender <sender@example.com>", "Attachments");
		message.setBody("See attached.\n");
		message.addTo("to@example.com");
		message.attach("data.bin", null, binary);
		message.attach("notes.txt", "text/plain", text);
		message.attach("menu \u00e9t\u00e9.txt", null, latin);
		message.attach("\u65e5\u672c\u8a9e\u306e\u30d5\u30a1\u30a4\u30eb\u540d.zip", null, new byte[] { 1, 2, 3 });
		message.attach(longName, null, binary);
		message.attach(file);
		message.attach("from-source.gif", null, dataSource("ignored.bin", "image/gif", source));
		message.attach("we\"ird\\ name; =?x?= .txt", null, text);
		byte[] pdf = Files.readAllBytes(file);
		RoundTrip.check(message.snapshot(),
				List.of(ExpectedPart.text("text/plain", "See attached.\n"),
						ExpectedPart.attachment("application/octet-stream", "data.bin", binary),
						ExpectedPart.attachment("text/plain", "notes.txt", text),
						ExpectedPart.attachment("text/plain", "menu \u00e9t\u00e9.txt", latin),
						ExpectedPart.attachment("application/zip",
								"\u65e5\u672c\u8a9e\u306e\u30d5\u30a1\u30a4\u30eb\u540d.zip", new byte[] { 1, 2, 3 }),
						ExpectedPart.attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
								longName, binary),
						ExpectedPart.attachment("application/pdf", "report.pdf", pdf),
						ExpectedPart.attachment("image/gif", "from-source.gif", source),
						ExpectedPart.attachment("text/plain", "we\"ird\\ name; =?x?= .txt", text)),
				Map.of());
		assertThat(message.content().size()).as("a file is streamed, so the size is unknown").isEmpty();
	}

	@Test
	void nonAsciiSubjectDisplayNamesAndHeaders() throws Exception {
		String subject = "Gr\u00fc\u00dfe \u2013 \u010a\u010d\u760a\u760d \ud83d\ude00 and a long tail to be folded "
				+ "over several lines of encoded words \u00e9\u00e9\u00e9";
		Message message = new Message("J\u00fcrgen M\u00fcller <juergen@example.com>", subject);
		message.addTo("\"Doe, John\" <john@example.com>, \u738b\u5c0f\u660e <wang@example.com>");
		message.addCc("\u010aarl \u760a <carl@example.com>");
		message.addCc("Plain Name <plain@example.com>, bare@example.com");
		message.addBcc("Secret \u00c9 <secret@example.com>");
		message.setBody("Body \u00fc\n");
		message.addHeader("X-Note", "\u00e4\u00f6\u00fc and  two  spaces ");
		message.addHeader("X-Plain", "just ascii");
		message.addHeader("Reply-To", "R\u00e9ponse <reply@example.com>");
		message.setImportance(Importance.HIGH);
		message.setDeliveryReceipt(true);
		message.setReadReceipt(true);
		byte[] data = RoundTrip.check(message.snapshot(), List.of(ExpectedPart.text("text/plain", "Body \u00fc\n")),
				Map.of("X-Note", "\u00e4\u00f6\u00fc and  two  spaces ", "X-Plain", "just ascii", "Importance", "high",
						"X-Priority", "1", "Return-Receipt-To", "juergen@example.com", "Disposition-Notification-To",
						"juergen@example.com"));
		String text = new String(data, StandardCharsets.US_ASCII);
		assertThat(text).doesNotContain("secret").contains("<john@example.com>").contains("<wang@example.com>");
		for (ParsedMessage parsed : RoundTrip.parseBoth(data)) {
			assertThat(parsed.headers)
				.anyMatch((header) -> header.matches("Reply-To: \"?R\u00e9ponse\"? <reply@example.com>"));
		}
	}

	@Test
	void internationalisedAddressesNeedSmtpUtf8() throws Exception {
		ComposedMessage message = Message.builder()
			.from("\u7528\u6237 <\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a>")
			.to("J\u00f6rg <j\u00f6rg@m\u00fcller.example>")
			.subject("SMTPUTF8")
			.text("Hi\n")
			.build();
		byte[] data = RoundTrip.check(message, List.of(ExpectedPart.text("text/plain", "Hi\n")), Map.of());
		MessageContent content = message.content();
		assertThat(content.needsSmtpUtf8()).isTrue();
		assertThat(content.isEightBit()).isTrue();
		assertThat(new String(data, StandardCharsets.UTF_8)).contains("<j\u00f6rg@m\u00fcller.example>")
			.contains("From: =?UTF-8?B?");
		assertThat(message.envelope().needsSmtpUtf8()).isTrue();
	}

	@Test
	void givenDateAndMessageIdAreKept() throws Exception {
		ComposedMessage message = Message.builder()
			.from("a@example.com")
			.to("b@example.com")
			.subject("")
			.text("x\n")
			.header("Date", "Mon, 2 Mar 2026 10:00:00 +0000")
			.header("Message-ID", "<given@example.com>")
			.build();
		byte[] data = RoundTrip.check(message, List.of(ExpectedPart.text("text/plain", "x\n")),
				Map.of("Message-ID", "<given@example.com>"));
		String text = new String(data, StandardCharsets.US_ASCII);
		assertThat(text.split("\r\nDate: |^Date: ", -1)).hasSize(2);
		assertThat(text.split("Message-ID: ", -1)).hasSize(2);
	}

	@Test
	void snapshotIsImmutableAndWritesTheSameBytes() throws Exception {
		Message message = new Message("a@example.com", "Snapshot");
		message.addTo("b@example.com").setBody("one\n");
		ComposedMessage snapshot = message.snapshot();
		message.setBody("two\n").addTo("c@example.com");
		assertThat(RoundTrip.bytes(snapshot)).isEqualTo(RoundTrip.bytes(snapshot));
		assertThat(new String(RoundTrip.bytes(snapshot), StandardCharsets.US_ASCII)).contains("one")
			.doesNotContain("two")
			// a header line, not a substring: the random Message-ID may end in "c" before
			// "@example.com"
			.doesNotContainPattern("(?m)^(To|Cc):.*c@example\\.com");
	}

	static byte[] randomBytes(int size, long seed) {
		byte[] data = new byte[size];
		new Random(seed).nextBytes(data);
		return data;
	}

	private static DataSource dataSource(String name, String type, byte[] data) {
		return new DataSource() {

			@Override
			public InputStream getInputStream() {
				return new ByteArrayInputStream(data);
			}

			@Override
			public OutputStream getOutputStream() {
				throw new UnsupportedOperationException();
			}

			@Override
			public String getContentType() {
				return type;
			}

			@Override
			public String getName() {
				return name;
			}

		};
	}

}
