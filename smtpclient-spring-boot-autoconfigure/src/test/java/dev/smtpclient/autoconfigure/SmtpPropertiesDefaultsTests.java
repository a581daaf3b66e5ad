package dev.smtpclient.autoconfigure;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.PoolSettings;
import dev.smtpclient.RetryPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each {@code smtp.*} default is the core library's own default, so an application that
 * sets nothing behaves as the core does.
 */
class SmtpPropertiesDefaultsTests {

	private final SmtpProperties properties = new SmtpProperties();

	private final ConnectionSettings connection = ConnectionSettings.builder("esmtptls://smtp.example.com").build();

	private final PoolSettings pool = PoolSettings.defaults();

	@Test
	void timeoutsMatchCoreDefaults() {
		assertThat(this.properties.getConnectTimeout()).isEqualTo(this.connection.connectTimeout());
		assertThat(this.properties.getTlsHandshakeTimeout()).isEqualTo(this.connection.tlsHandshakeTimeout());
		assertThat(this.properties.getCommandTimeout()).isEqualTo(this.connection.commandTimeout());
		assertThat(this.properties.getGreetingTimeout()).isEqualTo(this.connection.greetingTimeout());
		assertThat(this.properties.getMailTimeout()).isEqualTo(this.connection.mailTimeout());
		assertThat(this.properties.getRcptTimeout()).isEqualTo(this.connection.rcptTimeout());
		assertThat(this.properties.getDataInitiationTimeout()).isEqualTo(this.connection.dataInitiationTimeout());
		assertThat(this.properties.getDataTimeout()).isEqualTo(this.connection.dataTimeout());
		assertThat(this.properties.getWriteTimeout()).isEqualTo(this.connection.writeTimeout());
	}

	@Test
	void sessionFlagsMatchCoreDefaults() {
		assertThat(this.properties.isRequireAllRecipients()).isEqualTo(this.connection.requireAllRecipients());
		assertThat(this.properties.isTestMode()).isEqualTo(this.connection.testMode());
		assertThat(this.properties.getAuth().getMechanisms()).isEqualTo(this.connection.authMechanisms());
		assertThat(this.properties.getAuth().isAllowPlaintext()).isEqualTo(this.connection.allowPlaintextAuth());
	}

	@Test
	void poolMatchesCoreDefaults() {
		SmtpProperties.Pool pool = this.properties.getPool();
		assertThat(pool.getMaxSize()).isEqualTo(this.pool.maxSize());
		assertThat(pool.getMinIdle()).isEqualTo(this.pool.minIdle());
		assertThat(pool.getIdleTimeout()).isEqualTo(this.pool.idleTimeout());
		assertThat(pool.getMaxLifetime()).isEqualTo(this.pool.maxLifetime());
		assertThat(pool.getMaxMessagesPerConnection()).isEqualTo(this.pool.maxMessagesPerConnection());
		assertThat(pool.getAcquireTimeout()).isEqualTo(this.pool.acquireTimeout());
		assertThat(pool.getValidateAfterIdle()).isEqualTo(this.pool.validateAfterIdle());
		assertThat(pool.getHousekeepingInterval()).isEqualTo(this.pool.housekeepingInterval());
	}

	@Test
	void retryMatchesCoreDefaults() {
		SmtpProperties.Retry retry = this.properties.getRetry();
		RetryPolicy policy = RetryPolicy.attempts(retry.getMaxAttempts());
		assertThat(retry.getMaxAttempts()).isEqualTo(RetryPolicy.NONE.maxAttempts());
		assertThat(retry.getInitialBackoff()).isEqualTo(policy.initialBackoff());
		assertThat(retry.getMultiplier()).isEqualTo(policy.multiplier());
		assertThat(retry.getMaxBackoff()).isEqualTo(policy.maxBackoff());
	}

}
