package dev.smtpclient.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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
	void metricsWhenAMeterRegistryExists() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(SmtpClientMetrics.class);
			context.getBean(SmtpSender.class)
				.send(Envelope.of("a@example.com", "b@example.com"), MessageContent.ofString("Subject: t\r\n\r\nx"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("smtp.client.transaction")
				.tags("outcome", "success", "server.address", "mail.example.com", "server.port", "2525")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("smtp.client.pool.max").gauge().value()).isEqualTo(8);
		});
	}

	@Test
	void poolMaxIsShownBeforeTheFirstSend() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("smtp.pool.max-size=3")
			.run((context) -> assertThat(
					context.getBean(MeterRegistry.class).get("smtp.client.pool.max").gauge().value())
				.isEqualTo(3));
	}

	@Test
	void noMetricsWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SmtpClient.class)
			.doesNotHaveBean(SmtpClientMetrics.class));
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
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpClientMetrics.class));
	}

	@Test
	void metricsBackOff() {
		SmtpClientMetrics custom = new SmtpClientMetrics(new SimpleMeterRegistry(),
				io.micrometer.core.instrument.Tags.empty());
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withBean("customMetrics", SmtpClientMetrics.class, () -> custom)
			.run((context) -> assertThat(context).hasSingleBean(SmtpClientMetrics.class).hasBean("customMetrics"));
	}

}
