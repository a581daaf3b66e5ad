package dev.smtpclient.sample.inbox;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedSmtpEnvironmentPostProcessorTests {

	private final EmbeddedSmtpEnvironmentPostProcessor postProcessor = new EmbeddedSmtpEnvironmentPostProcessor();

	@Test
	void withoutSmtpUrlPointsAtAnEmbeddedServerOnAFreePort() {
		MockEnvironment environment = new MockEnvironment();

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		String port = environment.getProperty("sample.embedded-smtp.port");
		assertThat(Integer.parseInt(port)).isPositive();
		assertThat(environment.getProperty("smtp.url")).isEqualTo("smtp://127.0.0.1:" + port);
		assertThat(environment.getProperty("sample.embedded-smtp.enabled")).isEqualTo("true");
	}

	@Test
	void withSmtpUrlStartsNothing() {
		MockEnvironment environment = new MockEnvironment().withProperty("smtp.url", "smtps://mail.example.com");

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("smtp.url")).isEqualTo("smtps://mail.example.com");
		assertThat(environment.getProperty("sample.embedded-smtp.enabled")).isNull();
	}

}
