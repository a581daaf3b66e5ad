package dev.smtpclient.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import jakarta.activation.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smtpclient.MessageContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a composed message is written: its size is known without writing it, and the octets
 * are those of the plain encodings.
 */
class ComposedMessageWriteTest {

	private static final String TEXT = "The quick brown fox jumps over the lazy dog. ".repeat(20) + "\n";

	@Test
	void sizeIsTheWrittenLengthForEveryShape() throws Exception {
		Random random = new Random(7);
		List<ComposedMessage> messages = new ArrayList<>();
		for (int length : new int[] { 0, 1, 2, 3, 56, 57, 58, 114, 8_000, 100_000 }) {
			byte[] data = new byte[length];
			random.nextBytes(data);
			messages.add(Message.builder()
				.from("a@example.com")
				.to("b@example.com")
				.text("x")
				.attach("a.bin", null, data)
				.build());
			messages.add(Message.builder()
				.from("a@example.com")
				.to("b@example.com")
				.text("line\n".repeat(length % 50))
				.attach("a.txt", "text/plain",
						"plain text\r\n".repeat(length / 100).getBytes(StandardCharsets.US_ASCII))
				.build());
		}
		messages.add(Message.builder().from("a@example.com").to("b@example.com").text("").build());
		messages.add(Message.builder().from("a@example.com").to("b@example.com").text("ends with a break\n").build());
		messages.add(Message.builder().from("a@example.com").to("b@example.com").text("no break at the end").build());
		messages.add(Message.builder().from("a@example.com").to("b@example.com").text(TEXT.repeat(3)).build());
		messages
			.add(Message.builder().from("a@example.com").to("b@example.com").text("\u00fcber\n\u00e9t\u00e9").build());
		messages.add(Message.builder().from("a@example.com").to("b@example.com").html("<p>only html</p>").build());
		messages.add(Message.builder()
			.from("a@example.com")
			.to("b@example.com")
			.text("t")
			.html("<p>h</p>")
			.inline("logo@example.com", "logo.png", null, new byte[] { 1, 2, 3 })
			.build());
		for (ComposedMessage message : messages) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			RoundTrip.checkOctets(out.toByteArray());
			assertThat(message.content().size()).hasValue(out.size());
		}
	}

	@Test
	void quotedPrintableIsTheSameOctetsStreamedAndWrittenAgain() throws Exception {
		ComposedMessage message = Message.builder()
			.from("a@example.com")
			.to("b@example.com")
			.text(TEXT + "=\u00e9t\u00e9 .dot\nFrom here\n" + TEXT)
			.build();
		ByteArrayOutputStream first = new ByteArrayOutputStream();
		message.writeTo(first);
		assertThat(first.toString(StandardCharsets.US_ASCII)).contains("quoted-printable", "=3D=C3=A9t=C3=A9");
		for (int i = 0; i < 3; i++) {
			ByteArrayOutputStream again = new ByteArrayOutputStream();
			message.writeTo(again);
			assertThat(again.toByteArray()).isEqualTo(first.toByteArray());
		}
		RoundTrip.checkOctets(first.toByteArray());
		assertThat(message.content().size()).hasValue(first.size());
	}

	@Test
	void base64IsTheMimeEncodersOutputInMemoryAndStreamed(@TempDir Path dir) throws Exception {
		Random random = new Random(11);
		for (int length : new int[] { 0, 1, 2, 3, 4, 56, 57, 58, 113, 114, 115, 5_985, 5_986, 20_000, 70_001 }) {
			byte[] data = new byte[length];
			random.nextBytes(data);
			byte[] expected = Base64.getMimeEncoder().encode(data);
			ByteArrayOutputStream inMemory = new ByteArrayOutputStream();
			Base64Lines.encode(data, inMemory);
			assertThat(inMemory.toByteArray()).as("in memory, %d octets", length).isEqualTo(expected);
			assertThat(Base64Lines.length(length)).isEqualTo(expected.length);
			ByteArrayOutputStream streamed = new ByteArrayOutputStream();
			Base64Lines.encode(new Trickle(data), streamed);
			assertThat(streamed.toByteArray()).as("streamed, %d octets", length).isEqualTo(expected);
		}
		byte[] data = new byte[30_000];
		random.nextBytes(data);
		Path file = Files.write(dir.resolve("data.bin"), data);
		ComposedMessage fromFile = Message.builder()
			.from("a@example.com")
			.to("b@example.com")
			.text("t")
			.attach("data.bin", null, file)
			.build();
		ComposedMessage fromSource = Message.builder()
			.from("a@example.com")
			.to("b@example.com")
			.text("t")
			.attach("data.bin", null, new BytesSource(data))
			.build();
		for (ComposedMessage message : List.of(fromFile, fromSource)) {
			assertThat(message.content().size()).isEmpty();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			RoundTrip.checkOctets(out.toByteArray());
			assertThat(out.toString(StandardCharsets.US_ASCII))
				.contains(new String(Base64.getMimeEncoder().encode(data), StandardCharsets.US_ASCII));
		}
	}

	@Test
	void textIsEncodedWithCrlfLineEndingsAsTheCharsetsEncoderDoes() {
		Random random = new Random(3);
		for (int i = 0; i < 1000; i++) {
			String pool = (i % 2 == 0) ? "ab \r\n.\u00e9\u20ac\ud83d\ude00\u0000\t" : "ab \r\n.?\u0000\t";
			StringBuilder text = new StringBuilder();
			for (int j = random.nextInt(40); j > 0; j--) {
				int index = random.nextInt(pool.length());
				if (Character.isLowSurrogate(pool.charAt(index))) {
					index--;
				}
				text.appendCodePoint(pool.codePointAt(index));
			}
			String crlf = text.toString().replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
			assertThat(CrlfText.encode("body", text.toString(), StandardCharsets.UTF_8))
				.isEqualTo(crlf.getBytes(StandardCharsets.UTF_8));
		}
		assertThat(CrlfText.encode("body", "a\rb\nc\r\n", StandardCharsets.US_ASCII))
			.isEqualTo("a\r\nb\r\nc\r\n".getBytes(StandardCharsets.US_ASCII));
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> CrlfText.encode("body", "caf\u00e9", StandardCharsets.US_ASCII))
			.hasMessageContaining("cannot be encoded in US-ASCII");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> CrlfText.encode("body", "x\ud83d", StandardCharsets.UTF_8))
			.hasMessageContaining("cannot be encoded in UTF-8");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> CrlfText.encode("body", "a?\ud800", StandardCharsets.UTF_8))
			.hasMessageContaining("cannot be encoded in UTF-8");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> CrlfText.encode("body", "\ude00x", StandardCharsets.UTF_8))
			.hasMessageContaining("cannot be encoded in UTF-8");
	}

	/**
	 * Gives the data a few octets at a time, as a slow file or socket can.
	 */
	private static final class Trickle extends InputStream {

		private final byte[] data;

		private int position;

		Trickle(byte[] data) {
			this.data = data;
		}

		@Override
		public int read() {
			return (this.position < this.data.length) ? this.data[this.position++] & 0xff : -1;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.position >= this.data.length) {
				return -1;
			}
			int count = Math.min(Math.min(length, 13), this.data.length - this.position);
			System.arraycopy(this.data, this.position, buffer, offset, count);
			this.position += count;
			return count;
		}

	}

	private record BytesSource(byte[] data) implements DataSource {

		@Override
		public InputStream getInputStream() {
			return new java.io.ByteArrayInputStream(this.data);
		}

		@Override
		public OutputStream getOutputStream() {
			throw new UnsupportedOperationException();
		}

		@Override
		public String getContentType() {
			return "application/octet-stream";
		}

		@Override
		public String getName() {
			return "data.bin";
		}

	}

}
