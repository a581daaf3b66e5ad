package dev.smtpclient.autoconfigure.health;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SmtpClientAutoConfiguration.class, SmtpHealthContributorAutoConfiguration.class))
		.withPropertyValues("smtp.url=esmtptls://u:p@mail.example.com", "smtp.test-mode=true");

	@Test
	void indicatorWhenAClientExists() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SmtpHealthIndicator.class)
				.hasBean("smtpHealthContributor")
				.hasSingleBean(SmtpHealthRefresher.class);
			Health health = context.getBean(SmtpHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("target", "smtptls://mail.example.com:587");
			assertThat(health.getDetails().toString()).doesNotContain("u:").doesNotContain(":p@");
		});
	}

	@Test
	void healthPropertiesApply() {
		this.contextRunner.withPropertyValues("smtp.health.timeout=2s", "smtp.health.interval=1m").run((context) -> {
			SmtpHealthIndicator indicator = context.getBean(SmtpHealthIndicator.class);
			assertThat(indicator.health()).isSameAs(indicator.health());
			assertThat(indicator.interval()).isEqualTo(Duration.ofMinutes(1));
			assertThat(indicator).extracting("probe.timeout").isEqualTo(Duration.ofSeconds(2));
		});
	}

	@Test
	void theIntervalDefaultsToThirtySeconds() {
		this.contextRunner.run((context) -> assertThat(context.getBean(SmtpHealthIndicator.class).interval())
			.isEqualTo(Duration.ofSeconds(30)));
	}

	@Test
	void oneEntryPerClientNamedAfterItsBean() {
		// the client auto-configuration backs off: the application defines its own
		// clients
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SmtpHealthContributorAutoConfiguration.class))
			.withUserConfiguration(TwoClients.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HealthContributor contributor = context.getBean("smtpHealthContributor", HealthContributor.class);
				assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
				CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
				assertThat(composite.stream().map((entry) -> entry.name()))
					.containsExactlyInAnyOrder("transactionalMail", "bulkMail");
				HealthIndicator bulk = (HealthIndicator) composite.getContributor("bulkMail");
				assertThat(bulk.health().getDetails()).containsEntry("target", "smtp://bulk.example.com:25");
				HealthIndicator transactional = (HealthIndicator) composite.getContributor("transactionalMail");
				assertThat(transactional.health().getDetails()).containsEntry("target", "smtps://tx.example.com:465");
			});
	}

	@Test
	void disabledByManagementProperty() {
		this.contextRunner.withPropertyValues("management.health.smtp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpHealthIndicator.class)
				.doesNotHaveBean(SmtpHealthRefresher.class));
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
		this.contextRunner.withBean("smtpHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpHealthIndicator.class));
	}

	@Test
	void contributorBacksOff() {
		this.contextRunner.withBean("smtpHealthContributor", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpHealthIndicator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoClients {

		@Bean(destroyMethod = "close")
		SmtpClient transactionalMail() {
			return SmtpClient.builder("smtps://tx.example.com").test(true).build();
		}

		@Bean(destroyMethod = "close")
		SmtpClient bulkMail() {
			return SmtpClient.builder("smtp://bulk.example.com").test(true).build();
		}

	}

}
