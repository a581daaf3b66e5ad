package dev.smtpclient.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import dev.smtpclient.InvalidInputException;
import dev.smtpclient.ServerCapabilities;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpUrl;
import dev.smtpclient.internal.protocol.DataEncoder;
import dev.smtpclient.internal.protocol.ReplyReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of what parses untrusted input (server replies, URLs) and of the
 * data encoder. A short run goes with every build; raise {@code -Djqwik.tries.default}
 * (see SECURITY.md) for a long one.
 */
class ProtocolFuzzTest {

	/**
	 * Bytes that matter to the reply parser, with everything else mixed in.
	 */
	@Provide
	Arbitrary<byte[]> replyBytes() {
		Arbitrary<Byte> interesting = Arbitraries.of((byte) '2', (byte) '5', (byte) '0', (byte) '4', (byte) '-',
				(byte) ' ', (byte) '\r', (byte) '\n', (byte) 'x', (byte) 0, (byte) 0xff, (byte) 0xc3);
		Arbitrary<Byte> any = Arbitraries.bytes();
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, interesting), net.jqwik.api.Tuple.of(1, any))
			.array(byte[].class)
			.ofMaxSize(3000);
	}

	@Property
	void theReplyParserEndsWithAReplyOrOneOfOurExceptions(@ForAll("replyBytes") byte[] input,
			@ForAll @IntRange(min = 1, max = 64) int chunk) {
		ReplyReader reader = new ReplyReader(new ByteArrayTransport(input, chunk));
		int replies = 0;
		try {
			while (replies <= input.length) {
				SmtpReply reply = reader.read(SmtpPhase.EHLO, Duration.ofSeconds(5));
				replies++;
				assertThat(reply.code()).isBetween(200, 599);
				assertThat(reply.lines().stream().mapToInt(String::length).sum())
					.isLessThanOrEqualTo(ReplyReader.MAX_REPLY);
				ServerCapabilities.parse(reply);
			}
		}
		catch (SmtpException expected) {
			// the only way a hostile or broken reply may end
		}
		assertThat(replies).isLessThanOrEqualTo(input.length / 4 + 1);
	}

	@Property
	void hugeRepliesAreCutOffWithoutHoldingThemInMemory(@ForAll @IntRange(min = 1, max = 20) int lineLengthKb) {
		String line = "250-" + "x".repeat(lineLengthKb * 1024 / 8) + "\r\n";
		byte[] input = line.repeat(200).getBytes(StandardCharsets.US_ASCII);
		ReplyReader reader = new ReplyReader(new ByteArrayTransport(input, 8192));
		try {
			reader.read(SmtpPhase.EHLO, Duration.ofSeconds(5));
			assertThat(input.length).as("only a reply within the limit may be returned")
				.isLessThanOrEqualTo(ReplyReader.MAX_REPLY);
		}
		catch (SmtpException expected) {
			assertThat(expected.getMessage()).containsAnyOf("longer than", "closed the connection");
		}
	}

	@Provide
	Arbitrary<byte[]> messageBytes() {
		Arbitrary<Byte> interesting = Arbitraries.of((byte) '\r', (byte) '\n', (byte) '.', (byte) 'a', (byte) ' ');
		return Arbitraries
			.frequencyOf(net.jqwik.api.Tuple.of(8, interesting), net.jqwik.api.Tuple.of(1, Arbitraries.bytes()))
			.array(byte[].class)
			.ofMaxSize(2000);
	}

	@Property
	void theDataEncoderNeverEndsDataEarlyNorLeavesABareLineEnding(@ForAll("messageBytes") byte[] content,
			@ForAll @IntRange(min = 1, max = 50) int chunk) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DataEncoder encoder = new DataEncoder(out);
		for (int i = 0; i < content.length; i += chunk) {
			encoder.write(content, i, Math.min(chunk, content.length - i));
		}
		encoder.finish();
		byte[] wire = out.toByteArray();
		for (int i = 0; i < wire.length; i++) {
			if (wire[i] == '\r') {
				assertThat(wire[i + 1]).isEqualTo((byte) '\n');
			}
			if (wire[i] == '\n') {
				assertThat(wire[i - 1]).isEqualTo((byte) '\r');
			}
		}
		String text = new String(wire, StandardCharsets.ISO_8859_1);
		int end = ("\r\n" + text).indexOf("\r\n.\r\n");
		assertThat(end).isEqualTo(text.length() - 3);
		assertThat(encoder.count()).isEqualTo(wire.length);
	}

	@Property
	void urlsParseOrFailWithOurExceptionAndNeverCarryControlCharacters(@ForAll @Size(max = 80) String tail,
			@ForAll("schemes") String scheme) {
		try {
			SmtpUrl url = SmtpUrl.parse(scheme + "://" + tail);
			for (String part : List.of(url.host(), url.username().orElse(""), url.password().orElse(""))) {
				assertThat(part.chars().noneMatch((c) -> c < 0x20 || c == 0x7f)).as(part).isTrue();
			}
			assertThat(url.toString()).doesNotContain(url.password().map((p) -> ":" + p + "@").orElse("\u0000"));
		}
		catch (InvalidInputException expected) {
			assertThat(expected.field()).startsWith("url");
		}
	}

	@Provide
	Arbitrary<String> schemes() {
		return Arbitraries.of("smtp", "smtps", "esmtptls", "SMTP", "imap", "");
	}

}
