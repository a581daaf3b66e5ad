package dev.smtpclient.autoconfigure.mail;

import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailSender;
import org.springframework.mail.javamail.JavaMailSender;

import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpProperties;
import dev.smtpclient.autoconfigure.SmtpSender;
import dev.smtpclient.autoconfigure.observation.SmtpObservationAutoConfiguration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of a
 * {@link JavaMailSender} backed by the pooled client, when Jakarta Mail and {@code spring-context-support} are
 * present and the application has no {@link MailSender}. It runs before Spring Boot's own mail
 * auto-configuration, which then backs off. Turn it off with {@code smtp.mail-sender.enabled=false}.
 */
@AutoConfiguration(after = { SmtpClientAutoConfiguration.class, SmtpObservationAutoConfiguration.class },
		beforeName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnClass({ MimeMessage.class, JavaMailSender.class })
@ConditionalOnBean(SmtpSender.class)
@ConditionalOnMissingBean(MailSender.class)
@ConditionalOnBooleanProperty(name = "smtp.mail-sender.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SmtpProperties.class)
public final class SmtpMailSenderAutoConfiguration {

	@Bean
	SmtpJavaMailSender smtpJavaMailSender(SmtpSender smtpSender, SmtpProperties properties) {
		return new SmtpJavaMailSender(smtpSender, properties.getDefaultFrom());
	}

}
