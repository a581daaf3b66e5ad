package dev.smtpclient.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when there is something to connect to: {@code smtp.url} is set,
 * {@code spring.mail.host} is set (the configuration of an application that used Spring
 * Boot's own mail sender), or a {@link SmtpConnectionDetails} bean exists (a service
 * connection, for example). An empty value, as {@code ${SMTP_URL:}} gives when the
 * variable is unset, counts as not set.
 */
public final class SmtpConnectionCondition extends AnyNestedCondition {

	public SmtpConnectionCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(UrlSet.class)
	static class UrlProperty {

	}

	@Conditional(SpringMailHostSet.class)
	static class SpringMailHostProperty {

	}

	@ConditionalOnBean(SmtpConnectionDetails.class)
	static class ConnectionDetailsBean {

	}

	static final class UrlSet extends PropertyHasText {

		UrlSet() {
			super("smtp.url");
		}

	}

	static final class SpringMailHostSet extends PropertyHasText {

		SpringMailHostSet() {
			super("spring.mail.host");
		}

	}

	private abstract static class PropertyHasText extends SpringBootCondition {

		private final String name;

		PropertyHasText(String name) {
			this.name = name;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("SMTP connection property");
			if (StringUtils.hasText(context.getEnvironment().getProperty(this.name))) {
				return ConditionOutcome.match(message.found("property").items(this.name));
			}
			return ConditionOutcome.noMatch(message.didNotFind("non-empty property").items(this.name));
		}

	}

}
