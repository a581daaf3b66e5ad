package dev.smtpclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.smtpclient.internal.protocol.DataEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class DataEncoderTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "a\\nb|a\\r\\nb\\r\\n.\\r\\n", "a\\rb|a\\r\\nb\\r\\n.\\r\\n",
					"a\\r\\nb\\r\\n|a\\r\\nb\\r\\n.\\r\\n", "a\\r\\r\\nb|a\\r\\n\\r\\nb\\r\\n.\\r\\n",
					".|..\\r\\n.\\r\\n", "a\\n.\\nb|a\\r\\n..\\r\\nb\\r\\n.\\r\\n", "..x|...x\\r\\n.\\r\\n",
					"x\\r|x\\r\\n.\\r\\n", "a\\n\\n|a\\r\\n\\r\\n.\\r\\n" })
	void normalisesLineEndingsAndDotStuffs(String input, String expected) throws IOException {
		assertThat(encode(unescape(input), 1)).isEqualTo(unescape(expected));
		assertThat(encode(unescape(input), 1000)).isEqualTo(unescape(expected));
	}

	@Test
	void aLoneDotLineAndTheSmugglingSequencesCannotEndTheData() throws IOException {
		String content = "Subject: x\r\n\r\nline\r\n.\r\nMAIL FROM:<evil@x>\n.\nmore\r.\rend\n.\r\n";
		String wire = encode(content, 3);
		assertThat(wire).endsWith("\r\n.\r\n");
		assertThat(wire.indexOf("\r\n.\r\n")).isEqualTo(wire.length() - 5);
		assertThat(wire).contains("\r\n..\r\nMAIL FROM:<evil@x>\r\n..\r\nmore\r\n..\r\nend\r\n..\r\n");
	}

	@Test
	void emptyContentIsJustTheEnd() throws IOException {
		assertThat(encode("", 1)).isEqualTo(".\r\n");
	}

	@Test
	void countsTheOctetsWritten() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DataEncoder encoder = new DataEncoder(out);
		encoder.write(".a\nb".getBytes(StandardCharsets.US_ASCII));
		encoder.finish();
		assertThat(encoder.count()).isEqualTo(out.size()).isEqualTo("..a\r\nb\r\n.\r\n".length());
	}

	/**
	 * Property: for random content heavy in CR, LF and ".", written in random chunk
	 * sizes, the wire has only CRLF line endings, every line starting with "." was
	 * stuffed, the only end-of-data is at the very end, and undoing the stuffing gives
	 * back the content with its line endings normalised.
	 */
	@RepeatedTest(500)
	void randomContentNeverYieldsABareLineEndingOrAnEarlyEnd(RepetitionInfo repetition) throws IOException {
		Random random = new Random(repetition.getCurrentRepetition() * 7919L);
		byte[] alphabet = { '\r', '\n', '.', '.', 'a', ' ', (byte) 0xc3, (byte) 0xa9, 0 };
		byte[] content = new byte[random.nextInt(300)];
		for (int i = 0; i < content.length; i++) {
			content[i] = alphabet[random.nextInt(alphabet.length)];
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DataEncoder encoder = new DataEncoder(out);
		int offset = 0;
		while (offset < content.length) {
			int chunk = Math.min(content.length - offset, 1 + random.nextInt(7));
			encoder.write(content, offset, chunk);
			offset += chunk;
		}
		encoder.finish();
		byte[] wire = out.toByteArray();

		for (int i = 0; i < wire.length; i++) {
			if (wire[i] == '\r') {
				assertThat(i + 1 < wire.length && wire[i + 1] == '\n').as("CR at %d is followed by LF", i).isTrue();
			}
			if (wire[i] == '\n') {
				assertThat(i > 0 && wire[i - 1] == '\r').as("LF at %d follows CR", i).isTrue();
			}
		}
		String text = new String(wire, StandardCharsets.ISO_8859_1);
		if (content.length == 0) {
			assertThat(text).isEqualTo(".\r\n");
			return;
		}
		assertThat(text).endsWith("\r\n.\r\n");
		assertThat(text.indexOf("\r\n.\r\n")).as("only one end of data").isEqualTo(text.length() - 5);
		String body = text.substring(0, text.length() - 3);
		StringBuilder unstuffed = new StringBuilder();
		for (String line : body.split("\r\n", -1)) {
			if (!line.isEmpty() || unstuffed.length() > 0) {
				assertThat(!line.startsWith(".") || line.startsWith("..")).as("stuffed line %s", line).isTrue();
			}
			unstuffed.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
		}
		String expected = normalise(new String(content, StandardCharsets.ISO_8859_1));
		String actual = unstuffed.substring(0, Math.max(0, unstuffed.length() - 2));
		assertThat(actual).isEqualTo(expected);
	}

	private static String normalise(String content) {
		String crlf = content.replace("\r\n", "\u0001")
			.replace("\r", "\u0001")
			.replace("\n", "\u0001")
			.replace("\u0001", "\r\n");
		return crlf.endsWith("\r\n") || crlf.isEmpty() ? crlf : crlf + "\r\n";
	}

	private static String encode(String content, int chunk) throws IOException {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DataEncoder encoder = new DataEncoder(out);
		for (int i = 0; i < bytes.length; i += chunk) {
			encoder.write(bytes, i, Math.min(chunk, bytes.length - i));
		}
		encoder.finish();
		return out.toString(StandardCharsets.UTF_8);
	}

	private static String unescape(String text) {
		return text.replace("\\r", "\r").replace("\\n", "\n");
	}

}
