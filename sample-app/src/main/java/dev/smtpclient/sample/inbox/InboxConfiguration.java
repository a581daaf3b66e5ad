package dev.smtpclient.sample.inbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The inbox, and the embedded SMTP server that fills it when {@link EmbeddedSmtpEnvironmentPostProcessor} turned
 * it on (no {@code smtp.url} given).
 */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

	@Bean
	Inbox inbox(@Value("${sample.inbox.max-messages:200}") int maxMessages,
			@Value("${sample.inbox.max-size:100MB}") DataSize maxSize) {
		return new Inbox(maxMessages, maxSize.toBytes());
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnProperty(name = EmbeddedSmtpEnvironmentPostProcessor.ENABLED, havingValue = "true")
	EmbeddedSmtpServer embeddedSmtpServer(Inbox inbox,
			@Value("${" + EmbeddedSmtpEnvironmentPostProcessor.PORT + "}") int port,
			@Value("${sample.embedded-smtp.max-message-size:35MB}") DataSize maxMessageSize) {
		return new EmbeddedSmtpServer(port, inbox, maxMessageSize.toBytes());
	}

}
