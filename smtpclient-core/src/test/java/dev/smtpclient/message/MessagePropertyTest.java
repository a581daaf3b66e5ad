package dev.smtpclient.message;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import dev.smtpclient.message.RoundTrip.ExpectedPart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arbitrary Unicode subjects, display names, header values and file names, from a seeded
 * generator (the seed is the repetition number, so a failure is reproducible): everything
 * round-trips through both parsers, every line ends in CRLF and is at most 998 octets,
 * and no header or recipient appears that was not given.
 */
class MessagePropertyTest {

	/**
	 * Pools the generator draws characters from: ASCII specials, Latin, the CR/LF
	 * low-byte letters, CJK, emoji.
	 */
	private static final String[] POOLS = { " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
			"abcdefghijklmnopqrstuvwxyzABCXYZ0189", "\u00e4\u00f6\u00fc\u00df\u00e9\u00e8\u00c0\u00d8\u0153",
			"\u010a\u010d\u760a\u760d\u0a0d\u0d0a", "\u4e2d\u6587\u65e5\u672c\u8a9e\ud55c\uad6d\uc5b4",
			"\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\ud83d\ude00\ud83c\udf89\ud83d\udc4d",
			"\u0301\u0308\u200b\u00a0\u2013\u2014\u20ac", "=?=?UTF-8?B?=?" };

	@RepeatedTest(12)
	void arbitraryTextRoundTrips(RepetitionInfo repetition) throws Exception {
		Random random = new Random(repetition.getCurrentRepetition() * 7919L);
		String subject = text(random, 0, 300);
		String fromName = text(random, 1, 80);
		String toName = text(random, 1, 120);
		String value = text(random, 1, 400);
		String fileName = text(random, 1, 150) + ".bin";
		byte[] data = new byte[random.nextInt(3000)];
		random.nextBytes(data);
		ComposedMessage built = Message.builder()
			.from(Address.of("from@example.com", fromName))
			.to("to@example.com")
			.bcc("hidden@example.com")
			.subject(subject)
			.text("body\n")
			.header("X-Random", value)
			.attach(fileName, null, data)
			.build();
		Message seedStyle = new Message("x@example.com", subject);
		seedStyle.addTo(Address.of("to@example.com", toName));
		seedStyle.addCc(Address.of("cc@example.com", toName + fromName));
		seedStyle.addBcc("hidden@example.com");
		seedStyle.setBody("body\n").addHeader("X-Random", value).attach(fileName, null, data);
		for (ComposedMessage composed : List.of(built, seedStyle.snapshot())) {
			byte[] written = RoundTrip.check(composed,
					List.of(ExpectedPart.text("text/plain", "body\n"),
							ExpectedPart.attachment("application/octet-stream", fileName, data)),
					Map.of("X-Random", value));
			assertOnlyExpectedHeaders(written, composed);
		}
	}

	private static void assertOnlyExpectedHeaders(byte[] written, ComposedMessage composed) throws Exception {
		Set<String> expected = new HashSet<>(
				List.of("date", "from", "subject", "message-id", "mime-version", "content-type"));
		if (!composed.to().isEmpty()) {
			expected.add("to");
		}
		if (!composed.cc().isEmpty()) {
			expected.add("cc");
		}
		expected.add("x-random");
		for (ParsedMessage parsed : RoundTrip.parseBoth(written)) {
			Set<String> names = new HashSet<>();
			parsed.headers
				.forEach((header) -> names.add(header.substring(0, header.indexOf(':')).toLowerCase(Locale.ROOT)));
			assertThat(names).as(parsed.parser).isEqualTo(expected);
			assertThat(parsed.to.size() + parsed.cc.size()).isEqualTo(composed.to().size() + composed.cc().size());
		}
		String text = new String(written, StandardCharsets.UTF_8);
		assertThat(text).doesNotContain("hidden@example.com");
	}

	private static String text(Random random, int min, int max) {
		int length = min + random.nextInt(max - min + 1);
		StringBuilder out = new StringBuilder();
		while (out.codePointCount(0, out.length()) < length) {
			String pool = POOLS[random.nextInt(POOLS.length)];
			int index = random.nextInt(pool.length());
			if (Character.isLowSurrogate(pool.charAt(index))) {
				index--;
			}
			int codePoint = pool.codePointAt(index);
			out.appendCodePoint(codePoint);
		}
		return out.toString();
	}

}
