package dev.smtpclient.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import dev.smtpclient.SmtpClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the graceful shutdown of every {@link SmtpClient} bean
 * ({@link SmtpClientLifecycle}) and of the auto-configured client's async executor
 * ({@code spring.threads.virtual.enabled}).
 */
@AutoConfiguration(after = { SmtpClientAutoConfiguration.class, LifecycleAutoConfiguration.class })
@ConditionalOnClass(SmtpClient.class)
@EnableConfigurationProperties(SmtpProperties.class)
public final class SmtpClientLifecycleAutoConfiguration {

	private static final Duration DEFAULT_TIMEOUT_PER_SHUTDOWN_PHASE = Duration.ofSeconds(30);

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@Conditional(SmtpConnectionCondition.class)
	SmtpSendExecutor smtpSendExecutor(Environment environment, SmtpProperties properties) {
		return new SmtpSendExecutor(environment, properties);
	}

	@Bean
	@ConditionalOnBean(SmtpClient.class)
	@ConditionalOnMissingBean
	SmtpClientLifecycle smtpClientLifecycle(ObjectProvider<SmtpClient> clients,
			ObjectProvider<SmtpSendExecutor> executor, Environment environment) {
		Duration grace = Binder.get(environment)
			.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
			.orElse(DEFAULT_TIMEOUT_PER_SHUTDOWN_PHASE);
		return new SmtpClientLifecycle(clients.orderedStream().toList(), grace,
				() -> executor.ifAvailable(SmtpSendExecutor::shutdown));
	}

}
