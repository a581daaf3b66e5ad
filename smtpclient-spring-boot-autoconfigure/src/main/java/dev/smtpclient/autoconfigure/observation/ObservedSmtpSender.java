package dev.smtpclient.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.Mail;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.autoconfigure.SmtpSender;

/**
 * A {@link SmtpSender} that wraps every send of a {@link SmtpClient} in an observation
 * ({@link SmtpObservationDocumentation#SMTP_SEND}). The observation covers the whole
 * send, from waiting for a pooled connection to the server's final reply, across retries;
 * it is opened on the calling thread, so it becomes the child of the caller's current
 * observation (span).
 */
public final class ObservedSmtpSender implements SmtpSender {

	private static final SmtpObservationConvention DEFAULT_CONVENTION = new DefaultSmtpObservationConvention();

	private final SmtpClient client;

	private final ObservationRegistry registry;

	private final @Nullable SmtpObservationConvention convention;

	public ObservedSmtpSender(SmtpClient client, ObservationRegistry registry,
			@Nullable SmtpObservationConvention convention) {
		this.client = client;
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public SendResult send(Mail mail) {
		ConnectionSettings settings = this.client.connectionSettings();
		SmtpSendContext context = new SmtpSendContext(mail.envelope(), settings.host(), settings.port());
		return SmtpObservationDocumentation.SMTP_SEND
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.observe(() -> {
				SendResult result = this.client.send(mail);
				context.setResult(result);
				return result;
			});
	}

}
