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
		String password = environment.getProperty("sample.embedded-smtp.password");
		assertThat(Integer.parseInt(port)).isPositive();
		assertThat(password).matches("[A-Za-z0-9_-]{24}");
		assertThat(environment.getProperty("smtp.url")).isEqualTo("esmtptls://dev:" + password + "@localhost:" + port);
		assertThat(environment.getProperty("smtp.ssl.bundle")).isEqualTo("sample-embedded-smtp");
		assertThat(environment.getProperty("sample.embedded-smtp.enabled")).isEqualTo("true");
	}

	@Test
	void takesAGivenPasswordPercentEncoded() {
		MockEnvironment environment = new MockEnvironment().withProperty("sample.embedded-smtp.password", "a b@c:d");

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("smtp.url")).startsWith("esmtptls://dev:a%20b%40c%3Ad@localhost:");
		assertThat(environment.getProperty("sample.embedded-smtp.password")).isEqualTo("a b@c:d");
	}

	@Test
	void makesANewPasswordEachRun() {
		MockEnvironment first = new MockEnvironment();
		MockEnvironment second = new MockEnvironment();

		this.postProcessor.postProcessEnvironment(first, new SpringApplication());
		this.postProcessor.postProcessEnvironment(second, new SpringApplication());

		assertThat(first.getProperty("sample.embedded-smtp.password"))
			.isNotEqualTo(second.getProperty("sample.embedded-smtp.password"));
	}

	@Test
	void withSmtpUrlStartsNothing() {
		MockEnvironment environment = new MockEnvironment().withProperty("smtp.url", "smtps://mail.example.com");

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("smtp.url")).isEqualTo("smtps://mail.example.com");
		assertThat(environment.getProperty("sample.embedded-smtp.enabled")).isNull();
		assertThat(environment.getProperty("smtp.ssl.bundle")).isNull();
	}

}
