package dev.smtpclient.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotedPrintableTest {

	private static String encode(String text) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		QuotedPrintable.encode(text.getBytes(StandardCharsets.UTF_8), out);
		return out.toString(StandardCharsets.US_ASCII);
	}

	@Test
	void encodesWhatMustBeEncoded() throws Exception {
		assertThat(encode("a=b")).isEqualTo("a=3Db");
		assertThat(encode("trailing \r\ntab\t")).isEqualTo("trailing=20\r\ntab=09");
		assertThat(encode(".dot\r\nFrom me\r\nFromage")).isEqualTo("=2Edot\r\n=46rom me\r\nFromage");
		assertThat(encode("\u00fc")).isEqualTo("=C3=BC");
		assertThat(encode("bare\nlf")).isEqualTo("bare=0Alf");
	}

	@Test
	void softBreaksKeepLinesWithin76() throws Exception {
		String encoded = encode("x".repeat(200) + " " + "\u00e9".repeat(100) + "\r\n" + ".".repeat(150));
		for (String line : encoded.split("\r\n")) {
			assertThat(line.length()).isLessThanOrEqualTo(76);
			assertThat(line).doesNotStartWith(".");
		}
		assertThat(encoded).doesNotContain("=\r\n.").contains("=\r\n=2E");
	}

	@Test
	void encodingIntoAnArrayWritesWhatTheStreamGets() throws Exception {
		Random random = new Random(76);
		byte[] pool = "ab .F=\t\r\n\u00e9\u0000From \r\n".getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < 20_000; i++) {
			byte[] data = new byte[random.nextInt(300)];
			for (int j = 0; j < data.length; j++) {
				// some long runs of one octet, so lines are broken softly at every place
				data[j] = (random.nextInt(4) == 0 && j > 0) ? data[j - 1] : pool[random.nextInt(pool.length)];
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			QuotedPrintable.encode(data, out);
			byte[] array = new byte[Math.toIntExact(QuotedPrintable.maxLength(data.length))];
			int length = QuotedPrintable.encode(data, data.length, array);
			assertThat(new String(array, 0, length, StandardCharsets.ISO_8859_1))
				.isEqualTo(out.toString(StandardCharsets.ISO_8859_1));
			assertThat(QuotedPrintable.length(data)).isEqualTo(length);
			assertThat(QuotedPrintable.encode(data, length)).isEqualTo(out.toByteArray());
		}
	}

	@Test
	void theBoundHoldsTheLongestEncoding() {
		for (int length = 0; length < 400; length++) {
			byte[] data = new byte[length];
			java.util.Arrays.fill(data, (byte) '=');
			assertThat(QuotedPrintable.length(data)).isLessThanOrEqualTo(QuotedPrintable.maxLength(length));
		}
	}

}
