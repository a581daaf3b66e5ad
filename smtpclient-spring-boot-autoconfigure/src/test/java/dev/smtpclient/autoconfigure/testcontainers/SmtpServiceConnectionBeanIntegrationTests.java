package dev.smtpclient.autoconfigure.testcontainers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.lifecycle.TestcontainersLifecycleApplicationContextInitializer;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.smtpclient.Envelope;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SendResult;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpConnectionDetails;
import dev.smtpclient.autoconfigure.SmtpSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each known image as a {@code @Bean @ServiceConnection} container, started by the
 * context. Needs Docker; skipped where there is none (the mapping itself is tested
 * without Docker).
 */
@Testcontainers(disabledWithoutDocker = true)
class SmtpServiceConnectionBeanIntegrationTests {

	@ParameterizedTest
	@ValueSource(classes = { Mailpit.class, GreenMail.class, MailHog.class })
	void sendsToAContainerDeclaredAsABean(Class<?> container) {
		new ApplicationContextRunner().withInitializer(new TestcontainersLifecycleApplicationContextInitializer())
			.withConfiguration(
					AutoConfigurations.of(ServiceConnectionAutoConfiguration.class, SmtpClientAutoConfiguration.class))
			.withUserConfiguration(container)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(SmtpConnectionDetails.class);
				SendResult result = context.getBean(SmtpSender.class)
					.send(Envelope.of("a@example.com", "b@example.com"),
							MessageContent.ofString("Subject: hello\r\n\r\nfrom a @Bean service connection\r\n"));
				assertThat(result.finalReply().code()).isEqualTo(250);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Mailpit {

		@Bean
		@ServiceConnection
		GenericContainer<?> mailpit() {
			return new GenericContainer<>("axllent/mailpit:latest").withExposedPorts(1025);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GreenMail {

		@Bean
		@ServiceConnection
		GenericContainer<?> greenMail() {
			return new GenericContainer<>("greenmail/standalone:2.1.3").withExposedPorts(3025);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MailHog {

		@Bean
		@ServiceConnection
		GenericContainer<?> mailHog() {
			return new GenericContainer<>("mailhog/mailhog:latest").withExposedPorts(1025);
		}

	}

}
