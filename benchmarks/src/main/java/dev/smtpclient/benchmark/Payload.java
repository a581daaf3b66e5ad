package dev.smtpclient.benchmark;

/**
 * The message every contender sends: about 1 KB of headers and text. Contenders that
 * compose build it for each send from these parts, as a user does; {@link #rfc5322()} is
 * the same message pre-built, for the pre-built rows.
 */
final class Payload {

	static final String FROM = "bench@test.example";

	static final String TO = "sink@test.example";

	static final String SUBJECT = "benchmark";

	static final String BODY = ("The quick brown fox jumps over the lazy dog. ".repeat(20) + "\r\n").repeat(1);

	private Payload() {
	}

	/**
	 * A new message, composed through this project's builder.
	 * @return the message
	 */
	static dev.smtpclient.message.ComposedMessage compose() {
		return dev.smtpclient.message.Message.builder().from(FROM).to(TO).subject(SUBJECT).text(BODY).build();
	}

	static String rfc5322() {
		return "From: " + FROM + "\r\nTo: " + TO + "\r\nSubject: " + SUBJECT + "\r\nMessage-ID: <bench@client.test>\r\n"
				+ "Date: Sat, 28 Nov 2026 12:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=US-ASCII\r\n"
				+ "\r\n" + BODY;
	}

}
