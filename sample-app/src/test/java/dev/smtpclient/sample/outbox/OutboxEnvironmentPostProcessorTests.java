package dev.smtpclient.sample.outbox;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxEnvironmentPostProcessorTests {

	private final MockEnvironment environment = new MockEnvironment();

	private void postProcess() {
		new OutboxEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());
	}

	@Test
	void onWithAnH2FileDatabaseByDefault() {
		this.environment.setProperty("sample.outbox", "true");
		postProcess();
		assertThat(this.environment.getProperty("smtp.outbox.enabled")).isEqualTo("true");
		assertThat(this.environment.getProperty("smtp.outbox.initialize-schema")).isEqualTo("true");
		assertThat(this.environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:./sample-outbox");
		assertThat(this.environment.getProperty("spring.autoconfigure.exclude")).isNull();
	}

	@Test
	void onWithTheApplicationsDatabase() {
		this.environment.setProperty("sample.outbox", "true");
		this.environment.setProperty("spring.datasource.url", "jdbc:postgresql://db.example.com/mail");
		postProcess();
		assertThat(this.environment.getProperty("smtp.outbox.enabled")).isEqualTo("true");
		assertThat(this.environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://db.example.com/mail");
		assertThat(this.environment.getProperty("spring.datasource.username")).isNull();
	}

	@Test
	void theApplicationsOwnOutboxSettingsWin() {
		this.environment.setProperty("sample.outbox", "true");
		this.environment.setProperty("smtp.outbox.poll-interval", "5s");
		postProcess();
		assertThat(this.environment.getProperty("smtp.outbox.poll-interval")).isEqualTo("5s");
	}

	@Test
	void offWithoutAnyDatabase() {
		postProcess();
		assertThat(this.environment.getProperty("smtp.outbox.enabled")).isNull();
		assertThat(this.environment.getProperty("spring.datasource.url")).isNull();
		assertThat(this.environment.getProperty("spring.autoconfigure.exclude"))
			.isEqualTo("org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
	}

}
