package dev.smtpclient.autoconfigure.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpProperties;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the {@code smtp}
 * {@link SmtpHealthIndicator}, when Spring Boot's health module is present. Turn it off with
 * {@code management.health.smtp.enabled=false}.
 */
@AutoConfiguration(after = SmtpClientAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, SmtpClient.class })
@ConditionalOnBean(SmtpClient.class)
@ConditionalOnEnabledHealthIndicator("smtp")
@EnableConfigurationProperties(SmtpProperties.class)
public final class SmtpHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "smtpHealthIndicator")
	SmtpHealthIndicator smtpHealthIndicator(SmtpClient smtpClient, SmtpProperties properties) {
		SmtpProperties.Health health = properties.getHealth();
		return new SmtpHealthIndicator(smtpClient.connectionSettings(), health.getTimeout(), health.getCacheTtl(),
				health.isAuthenticate());
	}

}
