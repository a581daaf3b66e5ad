package dev.smtpclient.autoconfigure.testcontainers;

import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.Container;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

import dev.smtpclient.SmtpUrl;
import dev.smtpclient.autoconfigure.SmtpConnectionDetails;

/**
 * {@link ContainerConnectionDetailsFactory} giving {@link SmtpConnectionDetails} for a Mailpit container
 * ({@code axllent/mailpit}) annotated with {@code @ServiceConnection}: its SMTP port 1025, no authentication,
 * STARTTLS required when an SSL bundle is given with {@code @Ssl...} annotations.
 */
class MailpitContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, SmtpConnectionDetails> {

	static final String IMAGE = "axllent/mailpit";

	static final int SMTP_PORT = 1025;

	MailpitContainerConnectionDetailsFactory() {
		super(IMAGE);
	}

	@Override
	protected SmtpConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
		return new MailpitContainerConnectionDetails(source);
	}

	/**
	 * The URL of the container's SMTP port.
	 * @param host the host Docker publishes the port on
	 * @param mappedPort the published port
	 * @param tls whether to require STARTTLS
	 * @return the URL
	 */
	static SmtpUrl url(String host, int mappedPort, boolean tls) {
		String authority = (host.contains(":") && !host.startsWith("[")) ? "[" + host + "]" : host;
		return SmtpUrl.parse((tls ? "smtptls" : "smtp") + "://" + authority + ":" + mappedPort);
	}

	static final class MailpitContainerConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements SmtpConnectionDetails {

		private MailpitContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public SmtpUrl getUrl() {
			Container<?> container = getContainer();
			return url(container.getHost(), container.getMappedPort(SMTP_PORT), getSslBundle() != null);
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return super.getSslBundle();
		}

	}

}
