package dev.smtpclient.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderValidatorAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.ClassUtils;

import dev.smtpclient.autoconfigure.mail.SmtpJavaMailSender;
import dev.smtpclient.autoconfigure.mail.SmtpMailSenderAutoConfiguration;
import dev.smtpclient.autoconfigure.metrics.SmtpClientMetrics;
import dev.smtpclient.autoconfigure.metrics.SmtpMetricsAutoConfiguration;
import dev.smtpclient.autoconfigure.observation.ObservedSmtpSender;
import dev.smtpclient.autoconfigure.observation.SmtpObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code after}/{@code before} ordering against Spring Boot's own auto-configurations
 * of the Boot line under test, the real classes rather than their names: every name
 * resolves, and with Boot's configurations in the context the right ones win.
 */
class SpringBootAutoConfigurationOrderingTests {

	@Test
	void everyClassNamedInTheOrderingExists() throws Exception {
		assertThat(importedAutoConfigurations()).hasSizeGreaterThan(3);
		List<String> names = new ArrayList<>();
		for (String configuration : importedAutoConfigurations()) {
			AutoConfiguration annotation = Class.forName(configuration).getAnnotation(AutoConfiguration.class);
			assertThat(annotation).as(configuration).isNotNull();
			names.addAll(Arrays.asList(annotation.afterName()));
			names.addAll(Arrays.asList(annotation.beforeName()));
		}
		assertThat(names).isNotEmpty()
			.allSatisfy((name) -> assertThat(ClassUtils.isPresent(name, getClass().getClassLoader()))
				.as("%s is on the class path", name)
				.isTrue());
	}

	@Test
	void theDropInWinsOverBootsMailSender() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MailSenderAutoConfiguration.class, MailSenderValidatorAutoConfiguration.class,
							SmtpClientAutoConfiguration.class, SmtpMailSenderAutoConfiguration.class))
			.withPropertyValues("spring.mail.host=mail.example.com")
			.run((context) -> {
				assertThat(context).hasSingleBean(MailSender.class).hasSingleBean(SmtpJavaMailSender.class);
				assertThat(context).doesNotHaveBean(JavaMailSenderImpl.class);
			});
	}

	@Test
	void bootsMailSenderWhenTheDropInIsOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
					SmtpClientAutoConfiguration.class, SmtpMailSenderAutoConfiguration.class))
			.withPropertyValues("spring.mail.host=mail.example.com", "smtp.mail-sender.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(JavaMailSenderImpl.class)
				.doesNotHaveBean(SmtpJavaMailSender.class));
	}

	@Test
	void observedSenderWithBootsObservationRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ObservationAutoConfiguration.class, SmtpClientAutoConfiguration.class,
							SmtpObservationAutoConfiguration.class, SmtpMailSenderAutoConfiguration.class))
			.withPropertyValues("smtp.url=smtp://mail.example.com")
			.run((context) -> assertThat(context.getBean(SmtpSender.class)).isInstanceOf(ObservedSmtpSender.class));
	}

	@Test
	void metricsWithBootsMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					SmtpClientAutoConfiguration.class, SmtpMetricsAutoConfiguration.class))
			.withPropertyValues("smtp.url=smtp://mail.example.com")
			.run((context) -> {
				assertThat(context).hasSingleBean(MeterRegistry.class).hasSingleBean(SmtpClientMetrics.class);
			});
	}

	private static List<String> importedAutoConfigurations() {
		List<String> ours = new ArrayList<>();
		ImportCandidates.load(AutoConfiguration.class, SpringBootAutoConfigurationOrderingTests.class.getClassLoader())
			.forEach((name) -> {
				if (name.startsWith("dev.smtpclient.")) {
					ours.add(name);
				}
			});
		return ours;
	}

}
