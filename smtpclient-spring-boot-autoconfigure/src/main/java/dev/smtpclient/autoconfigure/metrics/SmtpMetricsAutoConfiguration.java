package dev.smtpclient.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.SimpleAutowireCandidateResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpConnectionCondition;
import dev.smtpclient.autoconfigure.SmtpConnectionDetails;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the SMTP meters when a {@link MeterRegistry} exists, as
 * {@link io.micrometer.core.instrument.binder.MeterBinder MeterBinder} beans that Spring
 * Boot binds to every registry: {@link SmtpClientMetrics}, which the auto-configured
 * client hands its events to, and {@link SmtpClientPoolMetrics}, the pool gauges of every
 * {@link SmtpClient} bean.
 */
@AutoConfiguration(after = SmtpClientAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, SmtpClient.class })
@ConditionalOnBean(MeterRegistry.class)
public final class SmtpMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Conditional(SmtpConnectionCondition.class)
	SmtpClientMetrics smtpClientMetrics(SmtpConnectionDetails connectionDetails) {
		return new SmtpClientMetrics(Tags.of("server.address", connectionDetails.getHost(), "server.port",
				String.valueOf(connectionDetails.getPort())));
	}

	@Bean
	@ConditionalOnBean(SmtpClient.class)
	@ConditionalOnMissingBean
	SmtpClientPoolMetrics smtpClientPoolMetrics(ConfigurableListableBeanFactory beanFactory) {
		return new SmtpClientPoolMetrics(
				SimpleAutowireCandidateResolver.resolveAutowireCandidates(beanFactory, SmtpClient.class));
	}

}
