package dev.smtpclient.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
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
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of
 * {@link SmtpClientMetrics} when a {@link MeterRegistry} exists. The metrics are a
 * {@link dev.smtpclient.SmtpEventListener} bean, which the client auto-configuration hands its events to.
 */
@AutoConfiguration(before = SmtpClientAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, SmtpClient.class })
@ConditionalOnBean(MeterRegistry.class)
@Conditional(SmtpConnectionCondition.class)
public final class SmtpMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SmtpClientMetrics smtpClientMetrics(MeterRegistry meterRegistry, SmtpConnectionDetails connectionDetails) {
		Tags tags = Tags.of("server.address", connectionDetails.getHost(), "server.port",
				String.valueOf(connectionDetails.getPort()));
		return new SmtpClientMetrics(meterRegistry, tags);
	}

	/**
	 * Shows the pool's size from the start, before its first change.
	 */
	@Bean
	SmartInitializingSingleton smtpClientMetricsPoolSnapshot(SmtpClientMetrics metrics,
			ObjectProvider<SmtpClient> smtpClient) {
		return () -> smtpClient.ifAvailable((client) -> metrics.poolChanged(client.stats()));
	}

}
