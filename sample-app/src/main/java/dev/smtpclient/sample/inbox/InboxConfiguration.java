package dev.smtpclient.sample.inbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The inbox, and the embedded SMTP server that fills it when
 * {@link EmbeddedSmtpEnvironmentPostProcessor} turned it on (no {@code smtp.url} given):
 * its throw-away certificates, and the SSL bundle through which the client trusts them.
 */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

	@Bean
	Inbox inbox(@Value("${sample.inbox.max-messages:200}") int maxMessages,
			@Value("${sample.inbox.max-size:100MB}") DataSize maxSize) {
		return new Inbox(maxMessages, maxSize.toBytes());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = EmbeddedSmtpEnvironmentPostProcessor.ENABLED, havingValue = "true")
	static class EmbeddedServerConfiguration {

		@Bean
		ThrowawayCertificates embeddedSmtpCertificates() {
			return ThrowawayCertificates.generate();
		}

		@Bean
		SslBundleRegistrar embeddedSmtpSslBundle(ThrowawayCertificates certificates) {
			return (registry) -> registry.registerBundle(EmbeddedSmtpEnvironmentPostProcessor.SSL_BUNDLE,
					SslBundle.of(SslStoreBundle.of(null, null, certificates.trustStore())));
		}

		@Bean(initMethod = "start", destroyMethod = "close")
		EmbeddedSmtpServer embeddedSmtpServer(Inbox inbox, ThrowawayCertificates certificates,
				@Value("${" + EmbeddedSmtpEnvironmentPostProcessor.PORT + "}") int port,
				@Value("${" + EmbeddedSmtpEnvironmentPostProcessor.PASSWORD + "}") String password,
				@Value("${sample.embedded-smtp.max-message-size:35MB}") DataSize maxMessageSize) {
			return new EmbeddedSmtpServer(port, inbox, maxMessageSize.toBytes(), certificates,
					EmbeddedSmtpEnvironmentPostProcessor.USERNAME, password);
		}

	}

}
