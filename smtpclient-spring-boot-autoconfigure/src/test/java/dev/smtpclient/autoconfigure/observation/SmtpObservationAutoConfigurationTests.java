package dev.smtpclient.autoconfigure.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.smtpclient.Envelope;
import dev.smtpclient.MessageContent;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpSender;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SmtpClientAutoConfiguration.class, SmtpObservationAutoConfiguration.class))
		.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true");

	@Test
	void observedSenderWhenAnObservationRegistryExists() {
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			assertThat(context).hasSingleBean(SmtpSender.class);
			assertThat(context.getBean(SmtpSender.class)).isInstanceOf(ObservedSmtpSender.class);
			send(context.getBean(SmtpSender.class));
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo("smtp.client.send")
				.that()
				.hasLowCardinalityKeyValue("server.address", "mail.example.com")
				.hasLowCardinalityKeyValue("server.port", "25")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS")
				.hasHighCardinalityKeyValue("smtp.recipients.count", "2")
				.doesNotHaveHighCardinalityKeyValueWithKey("smtp.recipients");
		});
	}

	@Test
	void theSendIsAClientSpanTowardTheServer() {
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			send(context.getBean(SmtpSender.class));
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo("smtp.client.send")
				.that()
				.hasContextualNameEqualTo("smtp send")
				.satisfies((observed) -> {
					assertThat(observed).isInstanceOf(SenderContext.class);
					SenderContext<?> sender = (SenderContext<?>) observed;
					assertThat(sender.getKind()).isEqualTo(Kind.CLIENT);
					assertThat(sender.getRemoteServiceName()).isEqualTo("mail.example.com");
					assertThat(sender.getRemoteServiceAddress()).isEqualTo("smtp://mail.example.com:25");
				});
		});
	}

	@Test
	void aFailedSendNamesItsErrorTypeAsOpenTelemetryDoes() {
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("smtp.url=smtp://127.0.0.1:1", "smtp.test-mode=false", "smtp.connect-timeout=1s")
			.run((context) -> {
				try {
					send(context.getBean(SmtpSender.class));
				}
				catch (RuntimeException expected) {
					// the observation records it
				}
				TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
					.hasObservationWithNameEqualTo("smtp.client.send")
					.that()
					.hasLowCardinalityKeyValue("outcome", "FAILURE")
					.hasLowCardinalityKeyValue("error.type", "SmtpConnectionException")
					.doesNotHaveLowCardinalityKeyValueWithKey("exception");
			});
	}

	@Test
	void aSuccessfulSendHasNoErrorType() {
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			send(context.getBean(SmtpSender.class));
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo("smtp.client.send")
				.that()
				.hasLowCardinalityKeyValue("error.type", "none");
		});
	}

	@Test
	void customConventionIsUsed() {
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withBean(SmtpObservationConvention.class, CustomConvention::new)
			.run((context) -> {
				send(context.getBean(SmtpSender.class));
				TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
					.hasObservationWithNameEqualTo("mail.out")
					.that()
					.hasLowCardinalityKeyValue("team", "billing")
					.hasLowCardinalityKeyValue("outcome", "SUCCESS");
			});
	}

	@Test
	void plainSenderWithoutAnObservationRegistry() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(SmtpSender.class)).isNotInstanceOf(ObservedSmtpSender.class));
	}

	@Test
	void plainSenderWithoutMicrometerObservation() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.run((context) -> assertThat(context.getBean(SmtpSender.class)).isNotInstanceOf(ObservedSmtpSender.class));
	}

	@Test
	void userSenderWins() {
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withBean("userSender", SmtpSender.class, () -> (mail) -> null)
			.run((context) -> assertThat(context).hasSingleBean(SmtpSender.class).hasBean("userSender"));
	}

	private static void send(SmtpSender sender) {
		sender.send(Envelope.of("a@example.com", "b@example.com", "c@example.com"),
				MessageContent.ofString("Subject: t\r\n\r\nx"));
	}

	static class CustomConvention extends DefaultSmtpObservationConvention {

		CustomConvention() {
			super("mail.out");
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(SmtpSendContext context) {
			return super.getLowCardinalityKeyValues(context).and(KeyValue.of("team", "billing"));
		}

	}

}
