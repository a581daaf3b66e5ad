package dev.smtpclient.autoconfigure;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.MailSender;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.autoconfigure.mail.SmtpJavaMailSender;
import dev.smtpclient.autoconfigure.mail.SmtpMailSenderAutoConfiguration;
import dev.smtpclient.autoconfigure.observation.ObservedSmtpSender;
import dev.smtpclient.autoconfigure.observation.SmtpObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with two clients of its own (a transactional and a bulk server): what
 * needs one client backs off instead of failing start-up, and uses the primary one when
 * there is one.
 */
class MultipleSmtpClientsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SmtpClientAutoConfiguration.class, SmtpObservationAutoConfiguration.class,
						SmtpMailSenderAutoConfiguration.class, SmtpConnectionValidatorAutoConfiguration.class))
		.withBean(TestObservationRegistry.class, TestObservationRegistry::create);

	@Test
	void twoClientsStartWithoutASingleClientSender() {
		this.contextRunner.withUserConfiguration(TwoClientsConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBeans(SmtpClient.class).hasSize(2);
			assertThat(context).doesNotHaveBean(SmtpSender.class).doesNotHaveBean(MailSender.class);
		});
	}

	@Test
	void twoClientsWithAUrlStartToo() {
		// the URL turns the observation auto-configuration on, which then meets two
		// clients
		this.contextRunner.withUserConfiguration(TwoClientsConfiguration.class)
			.withPropertyValues("smtp.url=smtp://mail.example.com", "spring.mail.test-connection=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBeans(SmtpClient.class).hasSize(2);
				assertThat(context).doesNotHaveBean(SmtpSender.class).doesNotHaveBean(MailSender.class);
			});
	}

	@Test
	void twoClientsWithEveryAutoConfigurationAndAMeterRegistryStart() {
		// what an application with actuator gets: health, metrics, shutdown, all meeting
		// two clients
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SmtpClientAutoConfiguration.class,
					SmtpClientLifecycleAutoConfiguration.class, SmtpObservationAutoConfiguration.class,
					SmtpMailSenderAutoConfiguration.class, SmtpConnectionValidatorAutoConfiguration.class,
					dev.smtpclient.autoconfigure.health.SmtpHealthContributorAutoConfiguration.class,
					dev.smtpclient.autoconfigure.metrics.SmtpMetricsAutoConfiguration.class))
			.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withBean(io.micrometer.core.instrument.simple.SimpleMeterRegistry.class)
			.withUserConfiguration(TwoClientsConfiguration.class)
			.withPropertyValues("smtp.url=smtp://mail.example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBeans(SmtpClient.class).hasSize(2);
				io.micrometer.core.instrument.MeterRegistry registry = context
					.getBean(io.micrometer.core.instrument.MeterRegistry.class);
				context.getBeansOfType(io.micrometer.core.instrument.binder.MeterBinder.class)
					.values()
					.forEach((binder) -> binder.bindTo(registry));
				assertThat(registry.find("smtp.client.connections.max").gauges()).hasSize(2);
			});
	}

	@Test
	void aPrimaryClientGetsTheSenderAndTheMailSender() {
		this.contextRunner.withUserConfiguration(PrimaryClientConfiguration.class)
			.withPropertyValues("smtp.url=smtp://mail.example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(SmtpSender.class).hasSingleBean(SmtpJavaMailSender.class);
				assertThat(context.getBean(SmtpSender.class)).isInstanceOf(ObservedSmtpSender.class);
			});
	}

	@Test
	void aPrimaryClientWithoutObservationGetsThePlainSender() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SmtpClientAutoConfiguration.class, SmtpMailSenderAutoConfiguration.class))
			.withUserConfiguration(PrimaryClientConfiguration.class)
			.withPropertyValues("smtp.url=smtp://mail.example.com")
			.run((context) -> assertThat(context).hasSingleBean(SmtpSender.class)
				.hasSingleBean(SmtpJavaMailSender.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoClientsConfiguration {

		@Bean(destroyMethod = "close")
		SmtpClient transactionalClient() {
			return SmtpClient.builder("smtp://transactional.example.com").test(true).build();
		}

		@Bean(destroyMethod = "close")
		SmtpClient bulkClient() {
			return SmtpClient.builder("smtp://bulk.example.com").test(true).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryClientConfiguration {

		@Bean(destroyMethod = "close")
		@Primary
		SmtpClient transactionalClient() {
			return SmtpClient.builder("smtp://transactional.example.com").test(true).build();
		}

		@Bean(destroyMethod = "close")
		SmtpClient bulkClient() {
			return SmtpClient.builder("smtp://bulk.example.com").test(true).build();
		}

	}

}
