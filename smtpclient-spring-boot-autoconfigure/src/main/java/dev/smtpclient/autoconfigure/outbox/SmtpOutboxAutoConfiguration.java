package dev.smtpclient.autoconfigure.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.outbox.OutboxException;
import dev.smtpclient.outbox.OutboxSchema;
import dev.smtpclient.outbox.SmtpOutbox;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of a {@link SmtpOutbox} on the application's {@link DataSource},
 * when {@code smtp.outbox.enabled=true}. The outbox sees the DataSource through a
 * {@link TransactionAwareDataSourceProxy}, so {@code enqueue} joins the current Spring
 * transaction: the message exists if and only if that transaction commits. With a
 * {@link SmtpClient} bean and {@code smtp.outbox.deliver} on (the default), this
 * instance's workers send due messages from startup to shutdown.
 */
@AutoConfiguration(after = SmtpClientAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({ SmtpOutbox.class, DataSource.class, TransactionAwareDataSourceProxy.class })
@ConditionalOnBooleanProperty("smtp.outbox.enabled")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(SmtpOutboxProperties.class)
public final class SmtpOutboxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SmtpOutbox smtpOutbox(DataSource dataSource, SmtpOutboxProperties properties, ObjectProvider<SmtpClient> client,
			ObjectProvider<Clock> clock) {
		if (properties.isInitializeSchema()) {
			initializeSchema(dataSource);
		}
		SmtpOutbox.Builder builder = SmtpOutbox.builder(new TransactionAwareDataSourceProxy(dataSource))
			.clock(clock.getIfAvailable(Clock::systemUTC))
			.workers(properties.getWorkers())
			.batchSize(properties.getBatchSize())
			.pollInterval(properties.getPollInterval())
			.lease(properties.getLease())
			.maxAttempts(properties.getMaxAttempts())
			.backoff(properties.getInitialBackoff(), properties.getMaxBackoff())
			.resendUnknown(properties.isResendUnknown())
			.retention(properties.getRetention())
			.maxMessageSize(properties.getMaxMessageSize().toBytes());
		PropertyMapper.get().from(properties.getInstanceId()).to(builder::instanceId);
		if (properties.isDeliver()) {
			client.ifAvailable(builder::client);
		}
		return builder.build();
	}

	@Bean
	@ConditionalOnBean(SmtpClient.class)
	@ConditionalOnBooleanProperty(name = "smtp.outbox.deliver", matchIfMissing = true)
	SmtpOutboxWorkers smtpOutboxWorkers(SmtpOutbox smtpOutbox) {
		return new SmtpOutboxWorkers(smtpOutbox);
	}

	private static void initializeSchema(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			// only where the outbox will look for it: another schema's table (another
			// application's, a test's)
			// is not ours
			try (var tables = connection.getMetaData()
				.getTables(connection.getCatalog(), connection.getSchema(), null, new String[] { "TABLE" })) {
				while (tables.next()) {
					if ("smtp_outbox".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
						return;
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new OutboxException("could not look for the outbox table", ex);
		}
		OutboxSchema.create(dataSource);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SmtpOutboxMetrics smtpOutboxMetrics(SmtpOutbox smtpOutbox) {
			return new SmtpOutboxMetrics(smtpOutbox, Duration.ofSeconds(5));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("smtp-outbox")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "smtpOutboxHealthIndicator")
		SmtpOutboxHealthIndicator smtpOutboxHealthIndicator(SmtpOutbox smtpOutbox, SmtpOutboxProperties properties) {
			return new SmtpOutboxHealthIndicator(smtpOutbox, properties.getHealth().getMaxDueAge());
		}

	}

}
