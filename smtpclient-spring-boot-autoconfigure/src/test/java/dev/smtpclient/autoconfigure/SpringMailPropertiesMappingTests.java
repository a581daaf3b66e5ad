package dev.smtpclient.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.TlsPolicy;
import dev.smtpclient.test.FakeSmtpSink;
import dev.smtpclient.test.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that used Spring Boot's own mail sender keeps its {@code spring.mail.*}
 * configuration: each property maps to the client's settings the way
 * {@code JavaMailSenderImpl} with Angus Mail reads it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringMailPropertiesMappingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SmtpClientAutoConfiguration.class,
				SmtpConnectionValidatorAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("spring.mail.host=mail.example.com");

	private static ConnectionSettings settings(org.springframework.context.ApplicationContext context) {
		return context.getBean(SmtpClient.class).connectionSettings();
	}

	@Test
	void hostAloneTurnsTheClientOnWithAngusMailDefaults() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SmtpClient.class).hasSingleBean(SpringMailSmtpConnectionDetails.class);
			ConnectionSettings settings = settings(context);
			assertThat(settings.host()).isEqualTo("mail.example.com");
			assertThat(settings.port()).isEqualTo(25);
			// Angus Mail never uses STARTTLS unless told to
			assertThat(settings.tlsPolicy()).isEqualTo(TlsPolicy.NONE);
			assertThat(settings.hasCredentials()).isFalse();
			// Angus Mail sends a message to nobody when a recipient is refused, unless
			// sendpartial is set
			assertThat(settings.requireAllRecipients()).isTrue();
		});
	}

	@Test
	void emptyHostIsNotSet() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SmtpClientAutoConfiguration.class))
			.withPropertyValues("spring.mail.host=", "smtp.url=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SmtpClient.class));
	}

	@Test
	void port() {
		this.contextRunner.withPropertyValues("spring.mail.port=2525")
			.run((context) -> assertThat(settings(context).port()).isEqualTo(2525));
	}

	@Test
	void usernameAndPassword() {
		this.contextRunner.withPropertyValues("spring.mail.username=me@example.com", "spring.mail.password=s3cret")
			.run((context) -> {
				assertThat(settings(context).username()).isEqualTo("me@example.com");
				assertThat(settings(context).hasCredentials()).isTrue();
				assertThat(context.getBean(SmtpConnectionDetails.class).getPassword()).isEqualTo("s3cret");
				assertThat(context.getBean(SmtpConnectionDetails.class).toString()).doesNotContain("s3cret");
			});
	}

	@Test
	void smtpPropertiesStillOverride() {
		this.contextRunner
			.withPropertyValues("spring.mail.username=old", "spring.mail.password=old", "smtp.username=new",
					"smtp.password=new", "smtp.tls=required", "smtp.pool.max-size=3")
			.run((context) -> {
				assertThat(settings(context).username()).isEqualTo("new");
				assertThat(settings(context).tlsPolicy()).isEqualTo(TlsPolicy.REQUIRED);
				assertThat(context.getBean(SmtpClient.class).poolSettings().maxSize()).isEqualTo(3);
			});
	}

	@Test
	void protocolSmtpsIsImplicitTlsOnPort465() {
		this.contextRunner.withPropertyValues("spring.mail.protocol=smtps").run((context) -> {
			assertThat(settings(context).tlsPolicy()).isEqualTo(TlsPolicy.IMPLICIT);
			assertThat(settings(context).port()).isEqualTo(465);
		});
	}

	@Test
	void protocolOtherThanSmtpFailsStartUp() {
		this.contextRunner.withPropertyValues("spring.mail.protocol=imap")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("spring.mail.protocol must be smtp or smtps"));
	}

	@Test
	void sslEnabledIsImplicitTls() {
		this.contextRunner.withPropertyValues("spring.mail.ssl.enabled=true", "spring.mail.port=1465")
			.run((context) -> {
				assertThat(settings(context).tlsPolicy()).isEqualTo(TlsPolicy.IMPLICIT);
				assertThat(settings(context).port()).isEqualTo(1465);
			});
	}

	@Test
	void sslEnablePropertyIsImplicitTls() {
		this.contextRunner.withPropertyValues("spring.mail.properties.mail.smtp.ssl.enable=true")
			.run((context) -> assertThat(settings(context).tlsPolicy()).isEqualTo(TlsPolicy.IMPLICIT));
	}

	@Test
	void sslBundle(@TempDir Path dir) {
		Path certificate = TestCertificates.writePem("dns:localhost", dir)[0];
		this.contextRunner
			.withPropertyValues("spring.mail.ssl.bundle=mail",
					"spring.ssl.bundle.pem.mail.truststore.certificate=" + certificate.toUri())
			.run((context) -> assertThat(settings(context).sslContext()).isNotNull());
	}

	@Test
	void unknownSslBundleFailsStartUp() {
		this.contextRunner.withPropertyValues("spring.mail.ssl.bundle=missing")
			.run((context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("missing"));
	}

	@Test
	void starttlsEnableIsOpportunistic() {
		this.contextRunner.withPropertyValues("spring.mail.properties.mail.smtp.starttls.enable=true")
			.run((context) -> assertThat(settings(context).tlsPolicy()).isEqualTo(TlsPolicy.OPPORTUNISTIC));
	}

	@Test
	void starttlsRequiredIsRequired() {
		this.contextRunner
			.withPropertyValues("spring.mail.properties.mail.smtp.starttls.enable=true",
					"spring.mail.properties.mail.smtp.starttls.required=true", "spring.mail.port=587")
			.run((context) -> {
				assertThat(settings(context).tlsPolicy()).isEqualTo(TlsPolicy.REQUIRED);
				assertThat(settings(context).port()).isEqualTo(587);
			});
	}

	@Test
	void connectionTimeout() {
		this.contextRunner.withPropertyValues("spring.mail.properties.mail.smtp.connectiontimeout=3000")
			.run((context) -> assertThat(settings(context).connectTimeout()).isEqualTo(Duration.ofSeconds(3)));
	}

	@Test
	void readTimeoutBoundsEveryRead() {
		this.contextRunner.withPropertyValues("spring.mail.properties.mail.smtp.timeout=4000").run((context) -> {
			ConnectionSettings settings = settings(context);
			assertThat(settings.commandTimeout()).isEqualTo(Duration.ofSeconds(4));
			assertThat(settings.tlsHandshakeTimeout()).isEqualTo(Duration.ofSeconds(4));
			assertThat(settings.dataTimeout()).isEqualTo(Duration.ofSeconds(4));
		});
	}

	@Test
	void writeTimeout() {
		this.contextRunner.withPropertyValues("spring.mail.properties.mail.smtp.writetimeout=5000")
			.run((context) -> assertThat(settings(context).writeTimeout()).isEqualTo(Duration.ofSeconds(5)));
	}

	@Test
	void zeroTimeoutKeepsTheClientDefault() {
		// zero is "no timeout" in Angus Mail; this client always has one
		this.contextRunner.withPropertyValues("spring.mail.properties.mail.smtp.connectiontimeout=0")
			.run((context) -> assertThat(settings(context).connectTimeout()).isEqualTo(Duration.ofSeconds(15)));
	}

	@Test
	void malformedTimeoutFailsStartUpByName() {
		this.contextRunner.withPropertyValues("spring.mail.properties.mail.smtp.timeout=soon")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("mail.smtp.timeout must be a number of milliseconds"));
	}

	@Test
	void propertiesOfTheSmtpsProtocolUseItsPrefix() {
		this.contextRunner
			.withPropertyValues("spring.mail.protocol=smtps", "spring.mail.properties.mail.smtps.timeout=4000")
			.run((context) -> assertThat(settings(context).commandTimeout()).isEqualTo(Duration.ofSeconds(4)));
	}

	@Test
	void localhostIsTheEhloName() {
		this.contextRunner.withPropertyValues("spring.mail.properties.mail.smtp.localhost=app.example.com")
			.run((context) -> assertThat(settings(context).heloName()).isEqualTo("app.example.com"));
	}

	@Test
	void sendPartialSendsToTheAcceptedRecipients() {
		this.contextRunner.withPropertyValues("spring.mail.properties.mail.smtp.sendpartial=true")
			.run((context) -> assertThat(settings(context).requireAllRecipients()).isFalse());
	}

	@Test
	void unsupportedPropertiesAreLoggedOnceByNameOnly(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.mail.properties.mail.debug=true",
				"spring.mail.properties.mail.smtp.from=bounces-v4lue@example.com",
				"spring.mail.properties.mail.smtp.auth=true", "spring.mail.properties.mail.smtp.starttls.enable=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String log = output.getAll();
				assertThat(log).containsOnlyOnce("Ignoring spring.mail.properties")
					.contains("mail.debug, mail.smtp.from")
					.doesNotContain("bounces-v4lue")
					.doesNotContain("mail.smtp.auth")
					.doesNotContain("starttls");
			});
	}

	@Test
	void supportedPropertiesAloneLogNothing(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.mail.properties.mail.smtp.starttls.enable=true")
			.run((context) -> assertThat(output.getAll()).doesNotContain("Ignoring spring.mail.properties"));
	}

	@Test
	void smtpUrlWins() {
		this.contextRunner.withPropertyValues("smtp.url=esmtptls://other.example.com", "spring.mail.port=2525")
			.run((context) -> {
				assertThat(context).hasSingleBean(PropertiesSmtpConnectionDetails.class);
				assertThat(settings(context).host()).isEqualTo("other.example.com");
				assertThat(settings(context).port()).isEqualTo(587);
			});
	}

	@Test
	void testConnectionOpensAConnectionAtStartUp() {
		try (FakeSmtpSink sink = new FakeSmtpSink(true)) {
			this.contextRunner
				.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + sink.port(),
						"spring.mail.test-connection=true")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(sink.connections()).isEqualTo(1);
				});
		}
	}

	@Test
	void testConnectionToAClosedPortFailsStartUp() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.contextRunner
			.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + closedPort,
					"spring.mail.test-connection=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("SMTP server is not available"));
	}

	@Test
	void withoutTestConnectionNothingConnects() {
		try (FakeSmtpSink sink = new FakeSmtpSink(true)) {
			this.contextRunner.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + sink.port())
				.run((context) -> assertThat(sink.connections()).isZero());
		}
	}

}
