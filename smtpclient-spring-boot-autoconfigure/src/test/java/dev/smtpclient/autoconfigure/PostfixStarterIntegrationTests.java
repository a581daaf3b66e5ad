package dev.smtpclient.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.smtpclient.Envelope;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpRecipientsRejectedException;
import dev.smtpclient.autoconfigure.metrics.SmtpMetricsAutoConfiguration;
import dev.smtpclient.autoconfigure.observation.ObservedSmtpSender;
import dev.smtpclient.autoconfigure.observation.SmtpObservationAutoConfiguration;
import dev.smtpclient.test.PostfixServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured client against the real Postfix: submission port, STARTTLS
 * required, AUTH, the test CA given as a Spring Boot SSL bundle; metrics and observations
 * recorded from real sends.
 */
class PostfixStarterIntegrationTests {

	private PostfixServers servers;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void servers() {
		this.servers = PostfixServers.require();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, SmtpClientAutoConfiguration.class,
					SmtpMetricsAutoConfiguration.class, SmtpObservationAutoConfiguration.class))
			.withPropertyValues(
					"smtp.url=esmtptls://" + this.servers.user() + ":" + this.servers.password() + "@localhost:"
							+ this.servers.submissionPort(),
					"smtp.helo-name=client.test", "smtp.ssl.bundle=postfix",
					"spring.ssl.bundle.pem.postfix.truststore.certificate=file:" + this.servers.caCertificate());
	}

	private String recipient() {
		return "catchall-" + UUID.randomUUID() + "@" + this.servers.domain();
	}

	private static MessageContent message(String marker) {
		return MessageContent.ofString("From: sender@test.example\r\nTo: someone@test.example\r\nSubject: " + marker
				+ "\r\n\r\nsent by the auto-configured client\r\n");
	}

	@Test
	void sendsThroughTheAutoConfiguredClient() {
		this.contextRunner.run((context) -> {
			String marker = UUID.randomUUID().toString();
			SendResult result = context.getBean(SmtpSender.class)
				.send(Envelope.of("sender@test.example", recipient()), message(marker));
			assertThat(result.finalReply().code()).isEqualTo(250);
			assertThat(new String(this.servers.awaitDelivered(marker, Duration.ofSeconds(10)), StandardCharsets.UTF_8))
				.contains("sent by the auto-configured client");
		});
	}

	@Test
	void recordsMetricsFromRealSends() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			// as Spring Boot's metrics auto-configuration binds every MeterBinder bean
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(registry));
			SmtpSender sender = context.getBean(SmtpSender.class);
			for (int i = 0; i < 2; i++) {
				sender.send(Envelope.of("sender@test.example", recipient()), message(UUID.randomUUID().toString()));
			}
			assertThatExceptionOfType(SmtpRecipientsRejectedException.class).isThrownBy(
					() -> sender.send(Envelope.of("sender@test.example", "rejected@test.example"), message("x")));
			String port = String.valueOf(this.servers.submissionPort());
			assertThat(registry.get("smtp.client.connect")
				.tags("outcome", "SUCCESS", "error.type", "none", "server.address", "localhost", "server.port", port)
				.timer()
				.count()).isPositive();
			assertThat(registry.get("smtp.client.tls.handshake")
				.tag("outcome", "SUCCESS")
				.timer()
				.getId()
				.getTag("tls.protocol")).isIn("TLSv1.3", "TLSv1.2");
			assertThat(registry.get("smtp.client.transaction")
				.tags("outcome", "SUCCESS", "reply.class", "2xx", "error.type", "none")
				.timer()
				.count()).isEqualTo(2);
			assertThat(registry.get("smtp.client.transaction")
				.tags("outcome", "FAILURE", "reply.class", "5xx", "error.type", "SmtpRecipientsRejectedException")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("smtp.client.transaction")
				.tag("outcome", "SUCCESS")
				.timer()
				.getId()
				.getTag("tls.protocol")).startsWith("TLSv1.");
			assertThat(registry.get("smtp.client.sent").counter().count()).isGreaterThan(100);
			assertThat(registry.get("smtp.client.received").counter().count()).isGreaterThan(100);
			assertThat(registry.get("smtp.client.commands")
				.tags("command", "MAIL", "reply.class", "2xx")
				.counter()
				.count()).isEqualTo(3);
			assertThat(registry.get("smtp.client.commands")
				.tags("command", "RCPT", "reply.class", "5xx")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get("smtp.client.commands")
				.tags("command", "AUTH", "reply.class", "2xx")
				.counter()
				.count()).isPositive();
			assertThat(registry.get("smtp.client.connections.max").gauge().value()).isEqualTo(8);
			assertThat(registry.get("smtp.client.connections").tag("state", "active").gauge().value()).isZero();
			assertThat(registry.get("smtp.client.connections.pending").gauge().value()).isZero();
			assertThat(registry.get("smtp.client.connections").tag("state", "idle").gauge().value()).isPositive();
			for (Meter meter : registry.getMeters()) {
				assertThat(meter.getId().getName()).startsWith("smtp.client.");
				assertThat(meter.getId().getTags()).extracting(Tag::getValue)
					.as("no address and no secret is a tag of %s", meter.getId())
					.noneMatch((value) -> value.contains("@") || value.contains(this.servers.password())
							|| value.contains(this.servers.user()));
			}
		});
	}

	@Test
	void observesEverySend() {
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			SmtpSender sender = context.getBean(SmtpSender.class);
			assertThat(sender).isInstanceOf(ObservedSmtpSender.class);
			sender.send(Envelope.of("sender@test.example", recipient(), recipient()),
					message(UUID.randomUUID().toString()));
			assertThatExceptionOfType(SmtpRecipientsRejectedException.class).isThrownBy(
					() -> sender.send(Envelope.of("sender@test.example", "rejected@test.example"), message("x")));
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo("smtp.client.send", 2)
				.forAllObservationsWithNameEqualTo("smtp.client.send",
						(observation) -> observation.hasContextualNameEqualTo("smtp send")
							.hasLowCardinalityKeyValue("server.address", "localhost")
							.hasLowCardinalityKeyValue("server.port", String.valueOf(this.servers.submissionPort())));
			TestObservationRegistryAssert.assertThat(registry)
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("outcome", "SUCCESS")
					.hasLowCardinalityKeyValue("reply.class", "2xx")
					.hasLowCardinalityKeyValue("error.type", "none")
					.hasHighCardinalityKeyValue("smtp.recipients.count", "2")
					.hasHighCardinalityKeyValueWithKey("smtp.queue.id"))
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("outcome", "FAILURE")
					.hasLowCardinalityKeyValue("reply.class", "5xx")
					.hasLowCardinalityKeyValue("error.type", "SmtpRecipientsRejectedException")
					.hasError());
		});
	}

}
