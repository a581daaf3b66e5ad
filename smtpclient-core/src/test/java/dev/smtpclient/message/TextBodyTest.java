package dev.smtpclient.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.smtpclient.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A text body made in one pass holds what the separate steps make: the text in its
 * charset with CRLF line endings, the transfer encoding chosen for it, and that encoding
 * of it.
 */
class TextBodyTest {

	private static final List<String> POOLS = List.of("The quick brown fox. ", "ab \r\n.F\t=", "From \n\r.",
			"ab \r\n.\u00e9\u20ac\ud83d\ude00\u0000\t\u007f", "x".repeat(40) + " \n");

	@Test
	void holdsWhatTheStepsMakeOneAfterTheOther() throws Exception {
		Random random = new Random(12);
		for (int i = 0; i < 4000; i++) {
			String pool = POOLS.get(i % POOLS.size());
			StringBuilder text = new StringBuilder();
			// most short enough for one pass, some longer than a lent array takes
			int length = (i % 50 == 0) ? 2000 + random.nextInt(6000) : random.nextInt(400);
			while (text.length() < length) {
				int index = random.nextInt(pool.length());
				if (Character.isLowSurrogate(pool.charAt(index))) {
					index--;
				}
				if (random.nextInt(8) == 0) {
					// long runs make long lines and soft breaks
					text.append("y".repeat(random.nextInt(120)));
				}
				text.appendCodePoint(pool.codePointAt(index));
			}
			boolean ascii = !text.chars().anyMatch((c) -> c >= 0x80);
			for (Charset charset : ascii ? List.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII)
					: List.of(StandardCharsets.UTF_8)) {
				assertMadeAsTheStepsMakeIt(text.toString(), charset);
			}
		}
		assertMadeAsTheStepsMakeIt("caf\u00e9 \u00e0 la cr\u00e8me\n".repeat(30), StandardCharsets.ISO_8859_1);
	}

	@Test
	void choosesEachEncodingForWhatTheTextHolds() {
		assertThat(TextBody.of("body", "short lines\nof text\n", StandardCharsets.UTF_8).encoding)
			.isEqualTo(TransferEncoding.SEVEN_BIT);
		assertThat(TextBody.of("body", "x".repeat(76) + "\n", StandardCharsets.UTF_8).encoding)
			.isEqualTo(TransferEncoding.SEVEN_BIT);
		assertThat(TextBody.of("body", "x".repeat(77) + "\n", StandardCharsets.UTF_8).encoding)
			.isEqualTo(TransferEncoding.QUOTED_PRINTABLE);
		assertThat(TextBody.of("body", "x".repeat(77), StandardCharsets.UTF_8).encoding)
			.isEqualTo(TransferEncoding.QUOTED_PRINTABLE);
		assertThat(TextBody.of("body", "caf\u00e9 au lait", StandardCharsets.UTF_8).encoding)
			.isEqualTo(TransferEncoding.QUOTED_PRINTABLE);
		assertThat(TextBody.of("body", "a\u0000b", StandardCharsets.UTF_8).encoding)
			.isEqualTo(TransferEncoding.QUOTED_PRINTABLE);
		assertThat(TextBody.of("body", "\u0000\u0001\u0002\u00e9", StandardCharsets.UTF_8).encoding)
			.isEqualTo(TransferEncoding.BASE64);
	}

	@Test
	void refusesWhatTheCharsetCannotHold() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> TextBody.of("body", "caf\u00e9", StandardCharsets.US_ASCII))
			.withMessageContaining("cannot be encoded in US-ASCII");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> TextBody.of("body", "x\ud83d", StandardCharsets.UTF_8))
			.withMessageContaining("cannot be encoded in UTF-8");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> TextBody.of("body", "\ude00x".repeat(2000), StandardCharsets.UTF_8))
			.withMessageContaining("cannot be encoded in UTF-8");
	}

	private static void assertMadeAsTheStepsMakeIt(String text, Charset charset) throws Exception {
		byte[] data = CrlfText.encode("body", text, charset);
		TransferEncoding encoding = TransferEncoding.choose(data, true);
		byte[] expected = data;
		if (encoding == TransferEncoding.QUOTED_PRINTABLE) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			QuotedPrintable.encode(data, out);
			expected = out.toByteArray();
		}
		TextBody body = TextBody.of("body", text, charset);
		assertThat(body.encoding).as("encoding of %s", text).isEqualTo(encoding);
		assertThat(new String(body.octets, StandardCharsets.ISO_8859_1)).as("octets of %s", text)
			.isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
	}

}
