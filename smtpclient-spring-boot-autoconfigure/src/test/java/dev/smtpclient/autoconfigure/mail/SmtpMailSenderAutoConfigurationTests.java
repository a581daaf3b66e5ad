package dev.smtpclient.autoconfigure.mail;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpSender;
import dev.smtpclient.autoconfigure.observation.SmtpObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpMailSenderAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SmtpClientAutoConfiguration.class,
				SmtpObservationAutoConfiguration.class, SmtpMailSenderAutoConfiguration.class))
		.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true");

	@Test
	void javaMailSenderBackedByTheClient() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JavaMailSender.class);
			assertThat(context.getBean(JavaMailSender.class)).isInstanceOf(SmtpJavaMailSender.class);
		});
	}

	@Test
	void sendsThroughTheObservedSender() {
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("smtp.default-from=app@example.com")
			.run((context) -> {
				SimpleMailMessage message = new SimpleMailMessage();
				message.setTo("user@example.com");
				message.setText("hi");
				context.getBean(MailSender.class).send(message);
				TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
					.hasObservationWithNameEqualTo("smtp.client.send");
			});
	}

	@Test
	void turnedOffByProperty() {
		this.contextRunner.withPropertyValues("smtp.mail-sender.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MailSender.class));
	}

	@Test
	void backsOffForAnApplicationMailSender() {
		this.contextRunner.withBean("appMailSender", JavaMailSenderImpl.class, JavaMailSenderImpl::new)
			.run((context) -> assertThat(context).hasSingleBean(MailSender.class)
				.doesNotHaveBean(SmtpJavaMailSender.class));
	}

	@Test
	void noneWithoutJakartaMail() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MimeMessage.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpJavaMailSender.class));
	}

	@Test
	void noneWithTheMailApiButWithoutAngusMail() {
		// jakarta.mail-api alone cannot create a Session (no StreamProvider): start-up
		// must not depend on it
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.eclipse.angus.mail"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SmtpJavaMailSender.class)
				.hasSingleBean(SmtpSender.class));
	}

	@Test
	void createdMessagesUseTheDefaultEncoding() {
		this.contextRunner.withPropertyValues("spring.mail.default-encoding=ISO-8859-1").run((context) -> {
			MimeMessage message = context.getBean(JavaMailSender.class).createMimeMessage();
			assertThat(new MimeMessageHelper(message).getEncoding()).isEqualTo("ISO-8859-1");
		});
	}

	@Test
	void createdMessagesAreUtf8ByDefault() {
		this.contextRunner.run((context) -> {
			MimeMessage message = context.getBean(JavaMailSender.class).createMimeMessage();
			assertThat(new MimeMessageHelper(message).getEncoding()).isEqualTo("UTF-8");
		});
	}

	@Test
	void noneWithTwoSenders() {
		this.contextRunner.withBean("first", SmtpSender.class, () -> (mail) -> null)
			.withBean("second", SmtpSender.class, () -> (mail) -> null)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MailSender.class));
	}

	@Test
	void noneWithoutSpringMailSupport() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JavaMailSender.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpJavaMailSender.class));
	}

	@Test
	void noneWithoutAServer() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SmtpClientAutoConfiguration.class, SmtpMailSenderAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MailSender.class));
	}

}
