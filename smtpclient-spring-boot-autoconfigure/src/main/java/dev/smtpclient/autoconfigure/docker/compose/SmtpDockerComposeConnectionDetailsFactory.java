package dev.smtpclient.autoconfigure.docker.compose;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.boot.ssl.SslBundle;

import dev.smtpclient.SmtpUrl;
import dev.smtpclient.autoconfigure.SmtpConnectionDetails;
import dev.smtpclient.autoconfigure.service.SmtpServiceImage;

/**
 * {@link DockerComposeConnectionDetailsFactory} giving {@link SmtpConnectionDetails} for
 * a Mailpit, GreenMail or MailHog service of the application's Docker Compose file: the
 * host and published port of the image's SMTP port, no login, STARTTLS required when the
 * service has an SSL bundle label.
 */
class SmtpDockerComposeConnectionDetailsFactory extends DockerComposeConnectionDetailsFactory<SmtpConnectionDetails> {

	static final String SERVICE_CONNECTION_LABEL = "org.springframework.boot.service-connection";

	SmtpDockerComposeConnectionDetailsFactory() {
		super(SmtpServiceImage.NAMES);
	}

	@Override
	protected SmtpConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new SmtpDockerComposeConnectionDetails(source.getRunningService());
	}

	/**
	 * The host port published for the service's SMTP port: that of its image or, for an
	 * image of its own, of the known image its
	 * {@code org.springframework.boot.service-connection} label names.
	 */
	static int publishedSmtpPort(RunningService service) {
		SmtpServiceImage image = SmtpServiceImage.of(service.image().toString())
			.or(() -> SmtpServiceImage.of(service.labels().get(SERVICE_CONNECTION_LABEL)))
			.orElseThrow(() -> new IllegalStateException("Service '" + service.name() + "' runs " + service.image()
					+ ", none of " + String.join(", ", SmtpServiceImage.NAMES)));
		return service.ports().get(image.smtpPort());
	}

	static final class SmtpDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements SmtpConnectionDetails {

		private final SmtpUrl url;

		private final @Nullable SslBundle sslBundle;

		SmtpDockerComposeConnectionDetails(RunningService service) {
			super(service);
			this.sslBundle = getSslBundle(service);
			this.url = SmtpServiceImage.url(service.host(), publishedSmtpPort(service), this.sslBundle != null);
		}

		@Override
		public SmtpUrl getUrl() {
			return this.url;
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return this.sslBundle;
		}

	}

}
