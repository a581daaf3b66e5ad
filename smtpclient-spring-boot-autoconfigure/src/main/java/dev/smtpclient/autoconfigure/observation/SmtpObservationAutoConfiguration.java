package dev.smtpclient.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpConnectionCondition;
import dev.smtpclient.autoconfigure.SingleSmtpClientCondition;
import dev.smtpclient.autoconfigure.SmtpSender;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of an {@link ObservedSmtpSender} when an
 * {@link ObservationRegistry} exists. It runs before the client auto-configuration, whose
 * plain {@link SmtpSender} then backs off.
 */
@AutoConfiguration(before = SmtpClientAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, SmtpClient.class })
@ConditionalOnBean(ObservationRegistry.class)
@Conditional(SmtpConnectionCondition.class)
public final class SmtpObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(SmtpSender.class)
	@Conditional(SingleSmtpClientCondition.class)
	ObservedSmtpSender smtpSender(SmtpClient smtpClient, ObservationRegistry observationRegistry,
			ObjectProvider<SmtpObservationConvention> convention) {
		return new ObservedSmtpSender(smtpClient, observationRegistry, convention.getIfAvailable());
	}

}
