package dev.smtpclient.autoconfigure.testcontainers;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import dev.smtpclient.Envelope;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SendResult;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Mailpit container as a {@code @ServiceConnection}. Needs Docker; skipped where
 * there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringJUnitConfig
class MailpitServiceConnectionIntegrationTests {

	@Container
	@ServiceConnection
	static final GenericContainer<?> mailpit = new GenericContainer<>("axllent/mailpit:latest").withExposedPorts(1025);

	@Autowired
	private SmtpSender sender;

	@Test
	void sendsToMailpit() {
		SendResult result = this.sender.send(Envelope.of("a@example.com", "b@example.com"),
				MessageContent.ofString("Subject: hello\r\n\r\nfrom a service connection\r\n"));
		assertThat(result.finalReply().code()).isEqualTo(250);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SmtpClientAutoConfiguration.class)
	static class Config {

	}

}
