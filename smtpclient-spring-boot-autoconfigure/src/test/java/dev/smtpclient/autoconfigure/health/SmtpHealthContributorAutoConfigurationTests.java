package dev.smtpclient.autoconfigure.health;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SmtpClientAutoConfiguration.class,
				SmtpHealthContributorAutoConfiguration.class))
		.withPropertyValues("smtp.url=esmtptls://u:p@mail.example.com", "smtp.test-mode=true");

	@Test
	void indicatorWhenAClientExists() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SmtpHealthIndicator.class).hasBean("smtpHealthIndicator");
			Health health = context.getBean(SmtpHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("target", "smtptls://u:****@mail.example.com:587");
		});
	}

	@Test
	void healthPropertiesApply() {
		this.contextRunner.withPropertyValues("smtp.health.timeout=2s", "smtp.health.cache-ttl=1m").run((context) -> {
			SmtpHealthIndicator indicator = context.getBean(SmtpHealthIndicator.class);
			assertThat(indicator.health()).isSameAs(indicator.health());
			assertThat(context.getBean(SmtpHealthIndicator.class)).extracting("timeout")
				.isEqualTo(Duration.ofSeconds(2));
		});
	}

	@Test
	void disabledByManagementProperty() {
		this.contextRunner.withPropertyValues("management.health.smtp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpHealthIndicator.class));
	}

	@Test
	void noIndicatorWithoutTheHealthModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpHealthIndicator.class));
	}

	@Test
	void noIndicatorWithoutAClient() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SmtpClientAutoConfiguration.class,
					SmtpHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpHealthIndicator.class));
	}

	@Test
	void indicatorBacksOff() {
		this.contextRunner
			.withBean("smtpHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpHealthIndicator.class));
	}

}
