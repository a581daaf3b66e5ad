package dev.smtpclient.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.PoolSettings;
import dev.smtpclient.RetryPolicy;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.SmtpClientBuilder;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.dkim.DkimKeys;
import dev.smtpclient.dkim.DkimSigner;

/**
 * Turns connection details and properties into a {@link SmtpClientBuilder}.
 */
final class SmtpClientBuilderFactory {

	private static final Log logger = LogFactory.getLog(SmtpClient.class);

	private SmtpClientBuilderFactory() {
	}

	static SmtpClientBuilder create(SmtpConnectionDetails details, SmtpProperties properties,
			List<SmtpEventListener> listeners, ResourceLoader resourceLoader) {
		SmtpClientBuilder builder = SmtpClient.builder(connectionSettings(details, properties));
		builder.pool(poolSettings(properties.getPool()));
		builder.retry(retryPolicy(properties.getRetry()));
		builder.rateLimit(properties.getRateLimit());
		builder.eventListener(SmtpEventListener.composite(listeners));
		if (properties.getDkim().isEnabled()) {
			builder.dkim(dkimSigner(properties.getDkim(), resourceLoader));
		}
		return builder;
	}

	/**
	 * The signer, its key read through the context's resource loader, so
	 * {@code classpath:}, {@code file:} and the application's own protocols resolve as
	 * they do for any other resource property.
	 */
	static DkimSigner dkimSigner(SmtpProperties.Dkim dkim, ResourceLoader resourceLoader) {
		String domain = required(dkim.getDomain(), "smtp.dkim.domain");
		String selector = required(dkim.getSelector(), "smtp.dkim.selector");
		String location = required(dkim.getPrivateKey(), "smtp.dkim.private-key");
		Resource resource = resourceLoader.getResource(location);
		String pem;
		try {
			pem = resource.getContentAsString(StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the DKIM private key from smtp.dkim.private-key=" + location,
					ex);
		}
		return DkimSigner.builder(domain, selector, DkimKeys.privateKeyFromPem(pem)).build();
	}

	private static String required(@Nullable String value, String property) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(property + " is required when smtp.dkim.enabled=true");
		}
		return value;
	}

	static ConnectionSettings connectionSettings(SmtpConnectionDetails details, SmtpProperties properties) {
		ConnectionSettings.Builder connection = ConnectionSettings.builder()
			.host(details.getHost())
			.port(details.getPort())
			.tlsPolicy(details.getTlsPolicy());
		String username = details.getUsername();
		String password = details.getPassword();
		if (username != null && password != null) {
			connection.credentials(username, password);
		}
		SslBundle bundle = details.getSslBundle();
		if (bundle != null) {
			connection.sslContext(bundle.createSslContext());
		}
		String heloName = properties.getHeloName();
		if (heloName != null) {
			connection.heloName(heloName);
		}
		// the command timeout first: it also sets the phases that the lines after it then
		// set apart
		connection.connectTimeout(properties.getConnectTimeout())
			.tlsHandshakeTimeout(properties.getTlsHandshakeTimeout())
			.commandTimeout(properties.getCommandTimeout())
			.greetingTimeout(properties.getGreetingTimeout())
			.mailTimeout(properties.getMailTimeout())
			.rcptTimeout(properties.getRcptTimeout())
			.dataInitiationTimeout(properties.getDataInitiationTimeout())
			.dataTimeout(properties.getDataTimeout())
			.writeTimeout(properties.getWriteTimeout());
		connection.authMechanisms(properties.getAuth().getMechanisms());
		connection.allowPlaintextAuth(properties.getAuth().isAllowPlaintext());
		connection.requireAllRecipients(properties.isRequireAllRecipients());
		connection.testMode(properties.isTestMode());
		if (details instanceof SpringMailSmtpConnectionDetails springMail) {
			springMail.applyTo(connection);
		}
		connection.infoLog(SmtpClientBuilderFactory::logInfo);
		connection.debugLog(SmtpClientBuilderFactory::logTranscript);
		return connection.build();
	}

	static PoolSettings poolSettings(SmtpProperties.Pool pool) {
		return PoolSettings.builder()
			.maxSize(pool.getMaxSize())
			.minIdle(pool.getMinIdle())
			.idleTimeout(pool.getIdleTimeout())
			.maxLifetime(pool.getMaxLifetime())
			.maxMessagesPerConnection(pool.getMaxMessagesPerConnection())
			.acquireTimeout(pool.getAcquireTimeout())
			.validateAfterIdle(pool.getValidateAfterIdle())
			.housekeepingInterval(pool.getHousekeepingInterval())
			.build();
	}

	static RetryPolicy retryPolicy(SmtpProperties.Retry retry) {
		if (retry.getMaxAttempts() <= 1) {
			return RetryPolicy.NONE;
		}
		return new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMultiplier(),
				retry.getMaxBackoff());
	}

	private static void logInfo(String line) {
		if (logger.isDebugEnabled()) {
			logger.debug(line);
		}
	}

	private static void logTranscript(String line) {
		if (logger.isTraceEnabled()) {
			logger.trace(line);
		}
	}

}
