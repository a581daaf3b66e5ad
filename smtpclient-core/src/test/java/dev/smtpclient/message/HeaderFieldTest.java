package dev.smtpclient.message;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A rendered header section is made octets and checked in one pass: it must give the
 * octets and refuse exactly what encoding it and then checking its lines does.
 */
class HeaderFieldTest {

	@Test
	void checkedOctetsAreTheTextsAndRefuseWhatTheLineCheckRefuses() {
		Random random = new Random(998);
		String pool = "ab: \t\r\n\u007f\u0001\u00e9";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int j = random.nextInt(60); j > 0; j--) {
				char c = pool.charAt(random.nextInt(pool.length()));
				if (c == '\r' && random.nextBoolean()) {
					text.append("\r\n");
				}
				else if (c == 'a' && random.nextInt(10) == 0) {
					// a line at, or just over, the limit of 998 octets
					text.append("a".repeat(990 + random.nextInt(12)));
				}
				else {
					text.append(c);
				}
			}
			byte[] expected = text.toString().getBytes(StandardCharsets.UTF_8);
			String refusal = null;
			try {
				HeaderField.checkLines(expected);
			}
			catch (IllegalStateException ex) {
				refusal = ex.getMessage();
			}
			if (refusal == null) {
				assertThat(HeaderField.toCheckedBytes(text)).isEqualTo(expected);
			}
			else {
				assertThatIllegalStateException().isThrownBy(() -> HeaderField.toCheckedBytes(text))
					.withMessage(refusal);
			}
		}
	}

}
