package dev.smtpclient.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Matches when there is something to connect to: {@code smtp.url} is set or a {@link SmtpConnectionDetails}
 * bean exists (a service connection, for example).
 */
public final class SmtpConnectionCondition extends AnyNestedCondition {

	public SmtpConnectionCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnProperty("smtp.url")
	static class UrlProperty {

	}

	@ConditionalOnBean(SmtpConnectionDetails.class)
	static class ConnectionDetailsBean {

	}

}
