package dev.smtpclient.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

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

}
