package dev.smtpclient.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;

import dev.smtpclient.SmtpClient;

/**
 * Matches when there will be one {@link SmtpClient} to use: the application defines a
 * single candidate (one bean, or one primary among several), or none, so that the
 * auto-configured client will be the only one. For auto-configurations that run before
 * {@link SmtpClientAutoConfiguration} and need one client; with several clients and no
 * primary, they back off rather than fail start-up.
 */
public final class SingleSmtpClientCondition extends AnyNestedCondition {

	public SingleSmtpClientCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnMissingBean(SmtpClient.class)
	static class NoClientYet {

	}

	@ConditionalOnSingleCandidate(SmtpClient.class)
	static class SingleClient {

	}

}
