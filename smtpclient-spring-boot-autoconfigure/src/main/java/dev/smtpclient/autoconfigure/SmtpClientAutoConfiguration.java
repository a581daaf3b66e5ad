package dev.smtpclient.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.SmtpClientBuilder;
import dev.smtpclient.SmtpEventListener;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of a pooled {@link SmtpClient} and a {@link SmtpSender} from
 * {@code smtp.url} (or a {@link SmtpConnectionDetails} bean, or else Spring Boot's
 * {@code spring.mail.*} properties). Every {@link SmtpEventListener} bean receives the
 * client's events; {@link SmtpClientCustomizer} beans run last, in order.
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnClass(SmtpClient.class)
@Conditional(SmtpConnectionCondition.class)
@EnableConfigurationProperties(SmtpProperties.class)
public final class SmtpClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SmtpConnectionDetails smtpConnectionDetails(SmtpProperties properties, ObjectProvider<SslBundles> sslBundles,
			Environment environment) {
		if (!StringUtils.hasText(properties.getUrl())) {
			return new SpringMailSmtpConnectionDetails(SpringMailProperties.of(environment), properties,
					sslBundles.getIfAvailable());
		}
		return new PropertiesSmtpConnectionDetails(properties, sslBundles.getIfAvailable());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	SmtpClient smtpClient(SmtpConnectionDetails connectionDetails, SmtpProperties properties,
			ObjectProvider<SmtpEventListener> listeners, ObjectProvider<SmtpClientCustomizer> customizers,
			ResourceLoader resourceLoader) {
		SmtpClientBuilder builder = SmtpClientBuilderFactory.create(connectionDetails, properties,
				listeners.orderedStream().toList(), resourceLoader);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(SmtpClient.class)
	SmtpSender smtpSender(SmtpClient smtpClient) {
		return smtpClient::send;
	}

}
