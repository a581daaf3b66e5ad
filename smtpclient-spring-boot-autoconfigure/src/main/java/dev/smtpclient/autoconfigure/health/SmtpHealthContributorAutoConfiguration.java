package dev.smtpclient.autoconfigure.health;

import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.SimpleAutowireCandidateResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpProperties;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code smtp} health contributor, when Spring Boot's health
 * module is present: a {@link SmtpHealthIndicator} for the {@link SmtpClient} bean or,
 * with several clients, a composite with one indicator per client, named after its bean.
 * Turn it off with {@code management.health.smtp.enabled=false}.
 */
@AutoConfiguration(after = SmtpClientAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class, SmtpClient.class })
@ConditionalOnBean(SmtpClient.class)
@ConditionalOnEnabledHealthIndicator("smtp")
@EnableConfigurationProperties(SmtpProperties.class)
public final class SmtpHealthContributorAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	SmtpHealthRefresher smtpHealthRefresher() {
		return new SmtpHealthRefresher();
	}

	@Bean
	@ConditionalOnMissingBean(name = { "smtpHealthIndicator", "smtpHealthContributor" })
	HealthContributor smtpHealthContributor(ConfigurableListableBeanFactory beanFactory, SmtpProperties properties,
			SmtpHealthRefresher refresher) {
		Map<String, SmtpClient> clients = SimpleAutowireCandidateResolver.resolveAutowireCandidates(beanFactory,
				SmtpClient.class);
		SmtpProperties.Health health = properties.getHealth();
		if (clients.size() == 1) {
			return indicator(clients.values().iterator().next(), health, refresher);
		}
		return CompositeHealthContributor.fromMap(clients, (client) -> indicator(client, health, refresher));
	}

	private static SmtpHealthIndicator indicator(SmtpClient client, SmtpProperties.Health health,
			SmtpHealthRefresher refresher) {
		return refresher.schedule(new SmtpHealthIndicator(client.connectionSettings(), health.getTimeout(),
				health.getInterval(), health.isAuthenticate(), Clock.systemUTC()));
	}

}
