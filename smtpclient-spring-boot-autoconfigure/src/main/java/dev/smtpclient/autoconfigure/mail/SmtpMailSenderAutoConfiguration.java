package dev.smtpclient.autoconfigure.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailSender;
import org.springframework.mail.javamail.JavaMailSender;

import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpProperties;
import dev.smtpclient.autoconfigure.SmtpSender;
import dev.smtpclient.autoconfigure.observation.SmtpObservationAutoConfiguration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of a {@link JavaMailSender} backed by the pooled client, when
 * Jakarta Mail with Angus Mail and {@code spring-context-support} are present, there is
 * one {@link SmtpSender}, and the application has no {@link MailSender}. Its messages
 * take {@code spring.mail.default-encoding} (UTF-8 by default). It runs before Spring
 * Boot's own mail auto-configuration, which then backs off. Turn it off with
 * {@code smtp.mail-sender.enabled=false}.
 */
@AutoConfiguration(after = { SmtpClientAutoConfiguration.class, SmtpObservationAutoConfiguration.class },
		beforeName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnClass(value = { MimeMessage.class, JavaMailSender.class },
		name = SmtpMailSenderAutoConfiguration.MAIL_IMPLEMENTATION)
@ConditionalOnSingleCandidate(SmtpSender.class)
@ConditionalOnMissingBean(MailSender.class)
@ConditionalOnBooleanProperty(name = "smtp.mail-sender.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SmtpProperties.class)
public final class SmtpMailSenderAutoConfiguration {

	/**
	 * Angus Mail's stream provider: the Jakarta Mail API alone cannot create a
	 * {@code Session} without an implementation.
	 */
	static final String MAIL_IMPLEMENTATION = "org.eclipse.angus.mail.util.MailStreamProvider";

	@Bean
	SmtpJavaMailSender smtpJavaMailSender(SmtpSender smtpSender, SmtpProperties properties, Environment environment) {
		Charset defaultEncoding = Binder.get(environment)
			.bind("spring.mail.default-encoding", Charset.class)
			.orElse(StandardCharsets.UTF_8);
		return new SmtpJavaMailSender(smtpSender, properties.getDefaultFrom(), defaultEncoding);
	}

}
