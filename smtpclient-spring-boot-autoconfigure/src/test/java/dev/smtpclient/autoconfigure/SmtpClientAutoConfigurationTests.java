package dev.smtpclient.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import dev.smtpclient.AuthMechanism;
import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.Envelope;
import dev.smtpclient.MessageContent;
import dev.smtpclient.PoolSettings;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpUrl;
import dev.smtpclient.TlsPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SmtpClientAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SmtpClientAutoConfiguration.class, SslAutoConfiguration.class));

	@Test
	void noUrlNoBeans() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(SmtpClient.class)
			.doesNotHaveBean(SmtpSender.class)
			.doesNotHaveBean(SmtpConnectionDetails.class)
			.doesNotHaveBean(SmtpProperties.class));
	}

	@Test
	void emptyUrlIsNotSet() {
		// what smtp.url=${SMTP_URL:} gives when the variable is unset
		this.contextRunner.withPropertyValues("smtp.url=")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SmtpClient.class)
				.doesNotHaveBean(SmtpSender.class));
	}

	@Test
	void blankUrlIsNotSet() {
		this.contextRunner.withPropertyValues("smtp.url=  ")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SmtpClient.class));
	}

	@Test
	void emptyUrlWithAConnectionDetailsBeanUsesTheBean() {
		this.contextRunner.withPropertyValues("smtp.url=")
			.withBean(SmtpConnectionDetails.class, () -> () -> SmtpUrl.parse("smtp://details.example.com"))
			.run((context) -> assertThat(context.getBean(SmtpClient.class).connectionSettings().host())
				.isEqualTo("details.example.com"));
	}

	@Test
	void urlCreatesClientSenderAndConnectionDetails() {
		this.contextRunner.withPropertyValues("smtp.url=esmtptls://me%40example.com:s3cret@mail.example.com")
			.run((context) -> {
				assertThat(context).hasSingleBean(SmtpClient.class)
					.hasSingleBean(SmtpSender.class)
					.hasSingleBean(PropertiesSmtpConnectionDetails.class);
				ConnectionSettings settings = context.getBean(SmtpClient.class).connectionSettings();
				assertThat(settings.host()).isEqualTo("mail.example.com");
				assertThat(settings.port()).isEqualTo(587);
				assertThat(settings.tlsPolicy()).isEqualTo(TlsPolicy.REQUIRED);
				assertThat(settings.username()).isEqualTo("me@example.com");
				assertThat(settings.hasCredentials()).isTrue();
				assertThat(settings.sslContext()).isNull();
			});
	}

	@Test
	void defaultTimeoutsAreTheCoreOnes() {
		this.contextRunner.withPropertyValues("smtp.url=smtp://mail.example.com").run((context) -> {
			ConnectionSettings settings = context.getBean(SmtpClient.class).connectionSettings();
			ConnectionSettings core = ConnectionSettings.builder().host("mail.example.com").port(25).build();
			for (SmtpPhase phase : SmtpPhase.values()) {
				assertThat(settings.replyTimeout(phase)).as(phase.name()).isEqualTo(core.replyTimeout(phase));
			}
			assertThat(settings.connectTimeout()).isEqualTo(core.connectTimeout());
			assertThat(settings.tlsHandshakeTimeout()).isEqualTo(core.tlsHandshakeTimeout());
			assertThat(settings.writeTimeout()).isEqualTo(core.writeTimeout());
			assertThat(settings.dataTimeout()).isEqualTo(Duration.ofMinutes(10));
		});
	}

	@Test
	void propertiesBindToConnectionAndPoolSettings() {
		this.contextRunner
			.withPropertyValues("smtp.url=smtp://user:from-url@mail.example.com:2525", "smtp.username=other",
					"smtp.password=from-property", "smtp.tls=implicit", "smtp.helo-name=app.example.com",
					"smtp.connect-timeout=3s", "smtp.tls-handshake-timeout=4s", "smtp.command-timeout=5s",
					"smtp.data-timeout=6s", "smtp.write-timeout=7s", "smtp.greeting-timeout=8s", "smtp.mail-timeout=9s",
					"smtp.rcpt-timeout=10s", "smtp.data-initiation-timeout=11s", "smtp.auth.mechanisms=plain,cram-md5",
					"smtp.auth.allow-plaintext=true", "smtp.require-all-recipients=true", "smtp.pool.max-size=3",
					"smtp.pool.idle-timeout=20s", "smtp.pool.max-lifetime=2m",
					"smtp.pool.max-messages-per-connection=10", "smtp.pool.acquire-timeout=1s",
					"smtp.pool.validate-after-idle=0s", "smtp.pool.housekeeping-interval=30s",
					"smtp.retry.max-attempts=3", "smtp.retry.initial-backoff=100ms", "smtp.rate-limit=2.5",
					"smtp.default-from=noreply@example.com", "smtp.dkim.domain=example.com", "smtp.dkim.selector=s1",
					"smtp.health.timeout=2s", "smtp.health.interval=10s", "smtp.health.authenticate=true",
					"smtp.mail-sender.enabled=false", "smtp.pool.min-idle=0")
			.run((context) -> {
				SmtpClient client = context.getBean(SmtpClient.class);
				ConnectionSettings settings = client.connectionSettings();
				assertThat(settings.port()).isEqualTo(2525);
				assertThat(settings.tlsPolicy()).isEqualTo(TlsPolicy.IMPLICIT);
				assertThat(settings.username()).isEqualTo("other");
				assertThat(settings.heloName()).isEqualTo("app.example.com");
				assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(settings.tlsHandshakeTimeout()).isEqualTo(Duration.ofSeconds(4));
				assertThat(settings.commandTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(settings.dataTimeout()).isEqualTo(Duration.ofSeconds(6));
				assertThat(settings.writeTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(settings.greetingTimeout()).isEqualTo(Duration.ofSeconds(8));
				assertThat(settings.mailTimeout()).isEqualTo(Duration.ofSeconds(9));
				assertThat(settings.rcptTimeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(settings.dataInitiationTimeout()).isEqualTo(Duration.ofSeconds(11));
				assertThat(settings.authMechanisms()).containsExactlyInAnyOrder(AuthMechanism.PLAIN,
						AuthMechanism.CRAM_MD5);
				assertThat(settings.allowPlaintextAuth()).isTrue();
				assertThat(settings.requireAllRecipients()).isTrue();
				PoolSettings pool = client.poolSettings();
				assertThat(pool.maxSize()).isEqualTo(3);
				assertThat(pool.idleTimeout()).isEqualTo(Duration.ofSeconds(20));
				assertThat(pool.maxLifetime()).isEqualTo(Duration.ofMinutes(2));
				assertThat(pool.maxMessagesPerConnection()).isEqualTo(10);
				assertThat(pool.acquireTimeout()).isEqualTo(Duration.ofSeconds(1));
				assertThat(pool.validateAfterIdle()).isZero();
				assertThat(pool.housekeepingInterval()).isEqualTo(Duration.ofSeconds(30));
				SmtpProperties properties = context.getBean(SmtpProperties.class);
				assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(3);
				assertThat(SmtpClientBuilderFactory.retryPolicy(properties.getRetry()).initialBackoff())
					.isEqualTo(Duration.ofMillis(100));
				assertThat(properties.getRateLimit()).isEqualTo(2.5);
				assertThat(properties.getDefaultFrom()).isEqualTo("noreply@example.com");
				assertThat(properties.getDkim().isEnabled()).isFalse();
				assertThat(properties.getDkim().getSelector()).isEqualTo("s1");
				assertThat(properties.getHealth().getTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getHealth().getInterval()).isEqualTo(Duration.ofSeconds(10));
				assertThat(properties.getHealth().isAuthenticate()).isTrue();
				assertThat(properties.getMailSender().isEnabled()).isFalse();
			});
	}

	@Test
	void userAndPasswordPropertiesAloneGiveCredentials() {
		this.contextRunner
			.withPropertyValues("smtp.url=esmtps://mail.example.com", "smtp.username=u", "smtp.password=p")
			.run((context) -> {
				SmtpConnectionDetails details = context.getBean(SmtpConnectionDetails.class);
				assertThat(details.getUsername()).isEqualTo("u");
				assertThat(details.getPassword()).isEqualTo("p");
				assertThat(details.getPort()).isEqualTo(465);
				assertThat(context.getBean(SmtpClient.class).connectionSettings().hasCredentials()).isTrue();
			});
	}

	@Test
	void customizersRunInOrderAfterTheProperties() {
		this.contextRunner.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.connect-timeout=3s")
			.withUserConfiguration(CustomizersConfiguration.class)
			.run((context) -> {
				ConnectionSettings settings = context.getBean(SmtpClient.class).connectionSettings();
				assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.heloName()).isEqualTo("second.example.com");
			});
	}

	@Test
	void clientBacksOff() {
		this.contextRunner.withPropertyValues("smtp.url=smtp://mail.example.com")
			.withUserConfiguration(UserClientConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(SmtpClient.class).hasBean("userClient");
				assertThat(context.getBean(SmtpClient.class).connectionSettings().host())
					.isEqualTo("other.example.com");
			});
	}

	@Test
	void senderBacksOff() {
		this.contextRunner.withPropertyValues("smtp.url=smtp://mail.example.com")
			.withBean("userSender", SmtpSender.class, () -> (mail) -> null)
			.run((context) -> assertThat(context).hasSingleBean(SmtpSender.class).hasBean("userSender"));
	}

	@Test
	void connectionDetailsBeanActivatesWithoutUrlAndWins() {
		this.contextRunner.withPropertyValues("smtp.connect-timeout=3s")
			.withBean(SmtpConnectionDetails.class, () -> () -> SmtpUrl.parse("smtps://u:p@details.example.com:1465"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesSmtpConnectionDetails.class);
				ConnectionSettings settings = context.getBean(SmtpClient.class).connectionSettings();
				assertThat(settings.host()).isEqualTo("details.example.com");
				assertThat(settings.port()).isEqualTo(1465);
				assertThat(settings.tlsPolicy()).isEqualTo(TlsPolicy.IMPLICIT);
				assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
			});
	}

	@Test
	void everyEventListenerBeanReceivesTheEvents() {
		this.contextRunner.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true")
			.withUserConfiguration(ListenersConfiguration.class)
			.run((context) -> {
				SendResult result = context.getBean(SmtpSender.class)
					.send(Envelope.of("a@example.com", "b@example.com"),
							MessageContent.ofString("Subject: t\r\n\r\nx"));
				assertThat(result.finalReply().code()).isEqualTo(250);
				assertThat(context.getBean(Events.class).names).containsExactly("first", "second");
			});
	}

	@Test
	void clientIsClosedWithTheContext() {
		this.contextRunner.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true")
			.run((context) -> {
				SmtpClient client = context.getBean(SmtpClient.class);
				context.close();
				assertThatIllegalStateException().isThrownBy(
						() -> client.send(Envelope.of("a@example.com", "b@example.com"), MessageContent.ofString("x")))
					.withMessageContaining("closed");
			});
	}

	@Test
	void unknownSslBundleFailsStartUp() {
		this.contextRunner.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.ssl.bundle=missing")
			.run((context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("missing"));
	}

	@Test
	void malformedUrlFailsStartUpWithoutShowingThePassword() {
		this.contextRunner.withPropertyValues("smtp.url=esmtptls://me:t0p-secret@mail.example.com:99999")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				FailureAnalysis analysis = new InvalidSmtpUrlFailureAnalyzer().analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("smtp.url")
					.contains("url.port")
					.contains("99999 is outside 1-65535")
					.contains("esmtptls://me:****@mail.example.com:99999")
					.doesNotContain("t0p-secret");
				assertThat(analysis.getAction()).contains("scheme://[user:password@]host[:port]");
				assertThat(failure).rootCause().message().doesNotContain("t0p-secret");
			});
	}

	@Test
	void unknownSchemeIsExplained() {
		this.contextRunner.withPropertyValues("smtp.url=imap://u:pw-secret@mail.example.com").run((context) -> {
			FailureAnalysis analysis = new InvalidSmtpUrlFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("unknown scheme 'imap'").doesNotContain("pw-secret");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		@Bean
		@Order(2)
		SmtpClientCustomizer second() {
			return (builder) -> builder.heloName("second.example.com");
		}

		@Bean
		@Order(1)
		SmtpClientCustomizer first() {
			return (builder) -> builder.heloName("first.example.com").connectTimeout(Duration.ofSeconds(2));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		@Bean(destroyMethod = "close")
		SmtpClient userClient() {
			return SmtpClient.builder("smtp://other.example.com").test(true).build();
		}

	}

	static final class Events {

		private final List<String> names = new CopyOnWriteArrayList<>();

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenersConfiguration {

		private final Events events = new Events();

		@Bean
		Events events() {
			return this.events;
		}

		@Bean
		@Order(1)
		SmtpEventListener firstListener() {
			return listener("first");
		}

		@Bean
		@Order(2)
		SmtpEventListener secondListener() {
			return listener("second");
		}

		private SmtpEventListener listener(String name) {
			return new SmtpEventListener() {
				@Override
				public void messageAccepted(SmtpConnectionInfo connection, SendResult result, Duration took) {
					ListenersConfiguration.this.events.names.add(name);
				}
			};
		}

	}

	@Test
	void dkimPropertiesSignEveryMessage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
		java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		java.security.KeyPair keys = generator.generateKeyPair();
		java.nio.file.Path pem = dir.resolve("dkim.pem");
		java.nio.file.Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
				+ java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n");
		try (dev.smtpclient.test.FakeSmtpSink sink = new dev.smtpclient.test.FakeSmtpSink(true)) {
			this.contextRunner.withPropertyValues("smtp.url=smtp://127.0.0.1:" + sink.port(), "smtp.dkim.enabled=true",
					"smtp.dkim.domain=example.com", "smtp.dkim.selector=mail", "smtp.dkim.private-key=" + pem.toUri())
				.run((context) -> {
					context.getBean(SmtpClient.class)
						.send(Envelope.of("a@example.com", "b@example.com"), MessageContent
							.ofString("From: a@example.com\r\nTo: b@example.com\r\nSubject: signed\r\n\r\nbody\r\n"));
					assertThat(sink.messages()).singleElement()
						.asString()
						.startsWith("DKIM-Signature: v=1; a=rsa-sha256;")
						.contains("d=example.com;")
						.contains("s=mail;");
				});
		}
	}

	@Test
	void dkimKeyLoadsThroughTheContextsResourceLoader() throws Exception {
		java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("Ed25519");
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ java.util.Base64.getMimeEncoder(64, "\n".getBytes())
					.encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		// a protocol only this context knows, as a secrets store would register one
		org.springframework.core.io.ProtocolResolver secrets = (location, loader) -> location.equals("secrets:dkim")
				? new org.springframework.core.io.ByteArrayResource(pem.getBytes()) : null;
		try (dev.smtpclient.test.FakeSmtpSink sink = new dev.smtpclient.test.FakeSmtpSink(true)) {
			this.contextRunner.withInitializer((context) -> context.addProtocolResolver(secrets))
				.withPropertyValues("smtp.url=smtp://127.0.0.1:" + sink.port(), "smtp.dkim.enabled=true",
						"smtp.dkim.domain=example.com", "smtp.dkim.selector=mail", "smtp.dkim.private-key=secrets:dkim")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					context.getBean(SmtpClient.class)
						.send(Envelope.of("a@example.com", "b@example.com"), MessageContent
							.ofString("From: a@example.com\r\nTo: b@example.com\r\nSubject: signed\r\n\r\nbody\r\n"));
					assertThat(sink.messages()).singleElement()
						.asString()
						.startsWith("DKIM-Signature: v=1; a=ed25519-sha256;");
				});
		}
	}

	@Test
	void dkimWithoutAKeyFailsStartup() {
		this.contextRunner
			.withPropertyValues("smtp.url=smtp://127.0.0.1:2525", "smtp.dkim.enabled=true",
					"smtp.dkim.domain=example.com", "smtp.dkim.selector=mail")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("smtp.dkim.private-key is required"));
	}

}
