package dev.smtpclient.autoconfigure.testcontainers;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.Container;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

import dev.smtpclient.SmtpUrl;
import dev.smtpclient.autoconfigure.SmtpConnectionDetails;
import dev.smtpclient.autoconfigure.service.SmtpServiceImage;

/**
 * {@link ContainerConnectionDetailsFactory} giving {@link SmtpConnectionDetails} for a
 * Mailpit ({@code axllent/mailpit}), GreenMail ({@code greenmail/standalone}) or MailHog
 * ({@code mailhog/mailhog}) container annotated with {@code @ServiceConnection}, as a
 * static field or a {@code @Bean}: the mapped port of the image's SMTP port, no login,
 * STARTTLS required when an SSL bundle is given with {@code @Ssl...} annotations.
 */
class SmtpContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, SmtpConnectionDetails> {

	SmtpContainerConnectionDetailsFactory() {
		super(List.of(SmtpServiceImage.NAMES));
	}

	@Override
	protected SmtpConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
		return new SmtpContainerConnectionDetails(source);
	}

	/**
	 * The container's SMTP port: its image's, else (a custom image named with
	 * {@code @ServiceConnection(name = ...)}) its only exposed port.
	 */
	static int smtpPort(Container<?> container) {
		return SmtpServiceImage.of(container.getDockerImageName()).map(SmtpServiceImage::smtpPort).orElseGet(() -> {
			List<Integer> exposed = container.getExposedPorts();
			if (exposed.size() != 1) {
				throw new IllegalStateException("Cannot tell the SMTP port of " + container.getDockerImageName()
						+ " among its exposed ports " + exposed);
			}
			return exposed.get(0);
		});
	}

	static final class SmtpContainerConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements SmtpConnectionDetails {

		private SmtpContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public SmtpUrl getUrl() {
			Container<?> container = getContainer();
			return SmtpServiceImage.url(container.getHost(), container.getMappedPort(smtpPort(container)),
					getSslBundle() != null);
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return super.getSslBundle();
		}

	}

}
