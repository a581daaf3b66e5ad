package dev.smtpclient.autoconfigure;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.SmtpException;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that opens one connection at start-up when
 * {@code spring.mail.test-connection} is set, as Spring Boot's own mail sender does, so
 * that a wrong server or credentials stop the application before it takes traffic.
 */
@AutoConfiguration(after = SmtpClientAutoConfiguration.class)
@ConditionalOnBooleanProperty("spring.mail.test-connection")
@ConditionalOnSingleCandidate(SmtpClient.class)
public final class SmtpConnectionValidatorAutoConfiguration {

	@Bean
	InitializingBean smtpConnectionValidator(SmtpClient smtpClient) {
		return () -> {
			if (smtpClient.test()) {
				return;
			}
			try {
				smtpClient.connect();
			}
			catch (SmtpException ex) {
				throw new IllegalStateException("SMTP server is not available: " + ex.getMessage(), ex);
			}
		};
	}

}
