package dev.smtpclient.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.smtpclient.Envelope;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpSender;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SmtpClientAutoConfiguration.class, SmtpMetricsAutoConfiguration.class))
		.withPropertyValues("smtp.url=smtp://mail.example.com:2525", "smtp.test-mode=true");

	@Test
	void metricsAreMeterBindersWhenAMeterRegistryExists() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(SmtpClientMetrics.class).hasSingleBean(SmtpClientPoolMetrics.class);
			MeterRegistry registry = bindAll(context);
			context.getBean(SmtpSender.class)
				.send(Envelope.of("a@example.com", "b@example.com"), MessageContent.ofString("Subject: t\r\n\r\nx"));
			assertThat(registry.get("smtp.client.transaction")
				.tags("outcome", "SUCCESS", "error.type", "none", "server.address", "mail.example.com", "server.port",
						"2525")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("smtp.client.connections.max").tag("name", "smtpClient").gauge().value())
				.isEqualTo(8);
		});
	}

	@Test
	void poolGaugesReadTheClientLive() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("smtp.pool.max-size=3")
			.run((context) -> {
				MeterRegistry registry = bindAll(context);
				assertThat(registry.get("smtp.client.connections.max").gauge().value()).isEqualTo(3);
				assertThat(registry.get("smtp.client.connections").tag("state", "idle").gauge().value()).isZero();
				context.getBean(SmtpSender.class)
					.send(Envelope.of("a@example.com", "b@example.com"),
							MessageContent.ofString("Subject: t\r\n\r\nx"));
				// no event updated the gauge: it asks the pool
				assertThat(registry.get("smtp.client.connections").tag("state", "idle").gauge().value()).isEqualTo(1);
				assertThat(registry.get("smtp.client.connections").tag("state", "active").gauge().value()).isZero();
				assertThat(registry.get("smtp.client.connections.pending").gauge().value()).isZero();
			});
	}

	@Test
	void poolGaugesForEveryClientTaggedWithItsBeanName() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SmtpMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withUserConfiguration(TwoClients.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(SmtpClientMetrics.class);
				MeterRegistry registry = bindAll(context);
				assertThat(registry.get("smtp.client.connections.max")
					.tags("name", "bulkMail", "server.address", "bulk.example.com", "server.port", "25")
					.gauge()
					.value()).isEqualTo(2);
				assertThat(registry.get("smtp.client.connections.max")
					.tags("name", "transactionalMail", "server.address", "tx.example.com", "server.port", "465")
					.gauge()
					.value()).isEqualTo(8);
			});
	}

	@Test
	void noMetricsWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SmtpClient.class)
			.doesNotHaveBean(SmtpClientMetrics.class)
			.doesNotHaveBean(SmtpClientPoolMetrics.class));
	}

	@Test
	void noMetricsWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(SmtpClient.class)
				.doesNotHaveBean(SmtpClientMetrics.class));
	}

	@Test
	void noMetricsWithoutAServer() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SmtpClientAutoConfiguration.class, SmtpMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpClientMetrics.class)
				.doesNotHaveBean(SmtpClientPoolMetrics.class));
	}

	@Test
	void metricsBackOff() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withBean("customMetrics", SmtpClientMetrics.class, () -> new SmtpClientMetrics(Tags.empty()))
			.run((context) -> assertThat(context).hasSingleBean(SmtpClientMetrics.class).hasBean("customMetrics"));
	}

	/**
	 * Binds every binder as Spring Boot's metrics auto-configuration does.
	 */
	private static MeterRegistry bindAll(AssertableApplicationContext context) {
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(registry));
		return registry;
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoClients {

		@Bean(destroyMethod = "close")
		SmtpClient transactionalMail() {
			return SmtpClient.builder("smtps://tx.example.com").test(true).build();
		}

		@Bean(destroyMethod = "close")
		SmtpClient bulkMail() {
			return SmtpClient.builder("smtp://bulk.example.com").test(true).pool((pool) -> pool.maxSize(2)).build();
		}

	}

}
