package dev.smtpclient;

/**
 * Something a {@link SmtpClient} can send: an envelope and the content to send to it.
 */
public interface Mail {

	Envelope envelope();

	MessageContent content();

	static Mail of(Envelope envelope, MessageContent content) {
		return new SimpleMail(envelope, content);
	}

	/**
	 * The plain pairing of an envelope and content.
	 *
	 * @param envelope the envelope
	 * @param content the content
	 */
	record SimpleMail(Envelope envelope, MessageContent content) implements Mail {
	}

}
