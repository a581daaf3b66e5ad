package dev.smtpclient.autoconfigure;

import dev.smtpclient.Envelope;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SendResult;

/**
 * Sends mail through the auto-configured client. Inject this rather than the
 * {@link dev.smtpclient.SmtpClient} itself to get the instrumentation the application has
 * (an observation per send when Micrometer's {@code ObservationRegistry} is present).
 */
@FunctionalInterface
public interface SmtpSender {

	/**
	 * Sends a message.
	 * @param mail the envelope and content
	 * @return the result
	 * @throws dev.smtpclient.SmtpException when the message could not be sent
	 */
	SendResult send(Mail mail);

	default SendResult send(Envelope envelope, MessageContent content) {
		return send(Mail.of(envelope, content));
	}

}
