package dev.smtpclient.benchmark.jmh;

import java.util.Random;
import java.util.stream.IntStream;

import dev.smtpclient.message.ComposedMessage;
import dev.smtpclient.message.Message;

/**
 * The messages the micro-benchmarks compose: about 1 KB of text (in one long line, and in
 * short lines), the same with one 100 KB attachment, and the same to 10 recipients, so
 * that a regression in any of the three shows.
 */
public enum Scenario {

	/**
	 * About 1 KB: the end-to-end harness's message, one line of 900 characters (so
	 * quoted-printable).
	 */
	TEXT_1KB {
		@Override
		ComposedMessage compose() {
			return base().build();
		}
	},

	/** The same text in lines under 78 characters, the common case (so 7bit). */
	TEXT_1KB_SHORT_LINES {
		@Override
		ComposedMessage compose() {
			return Message.builder()
				.from("Bench <bench@test.example>")
				.to("sink@test.example")
				.subject("benchmark")
				.text(SHORT_LINES)
				.build();
		}
	},

	/** The 1 KB text and one 100 KB binary attachment (base64). */
	ATTACHMENT_100KB {
		@Override
		ComposedMessage compose() {
			return base().attach("data.bin", "application/octet-stream", ATTACHMENT).build();
		}
	},

	/** The 1 KB text to 10 To recipients. */
	RECIPIENTS_10 {
		@Override
		ComposedMessage compose() {
			return base().to(RECIPIENTS).build();
		}
	};

	static final String TEXT = ("The quick brown fox jumps over the lazy dog. ".repeat(20) + "\n");

	static final String SHORT_LINES = TEXT.strip().replace("dog. The", "dog.\nThe") + "\n";

	static final byte[] ATTACHMENT = new byte[100 * 1024];

	static final String[] RECIPIENTS = IntStream.range(0, 10)
		.mapToObj((i) -> "Recipient " + i + " <rcpt" + i + "@test.example>")
		.toArray(String[]::new);

	static {
		new Random(42).nextBytes(ATTACHMENT);
	}

	/**
	 * Composes a new message, as a user does for each send.
	 * @return the message
	 */
	abstract ComposedMessage compose();

	static Message.Builder base() {
		return Message.builder()
			.from("Bench <bench@test.example>")
			.to("sink@test.example")
			.subject("benchmark")
			.text(TEXT);
	}

}
