package dev.smtpclient.autoconfigure;

import dev.smtpclient.SmtpClientBuilder;

/**
 * Callback that customizes the {@link SmtpClientBuilder} of the auto-configured client
 * after the properties are applied. Customizers run in
 * {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface SmtpClientCustomizer {

	void customize(SmtpClientBuilder builder);

}
