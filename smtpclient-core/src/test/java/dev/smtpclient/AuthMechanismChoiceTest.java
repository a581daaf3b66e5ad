package dev.smtpclient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.smtpclient.test.ScriptedSmtpServer;
import dev.smtpclient.test.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which AUTH mechanism is used, what follows a refused CRAM-MD5, and how PLAIN prepares
 * the credentials (SASLprep, RFC 4013).
 */
class AuthMechanismChoiceTest {

	private static final String CHALLENGE = "334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+";

	private final ScriptedSmtpServer server = new ScriptedSmtpServer();

	private final List<String> debug = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ConnectionSettings.Builder settings(TlsPolicy policy) {
		return ConnectionSettings.builder()
			.host(this.server.host())
			.port(this.server.port())
			.tlsPolicy(policy)
			.heloName("client.test")
			.sslContext(TestCertificates.clientContext())
			.commandTimeout(Duration.ofSeconds(5))
			.debugLog(this.debug::add);
	}

	private static String plain(String user, String password) {
		return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void plainIsPreferredOverCramMd5OnceTlsIsUp() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("STARTTLS", "AUTH CRAM-MD5")
			.expect("STARTTLS")
			.reply("220 go")
			.startTls()
			.ehlo("AUTH CRAM-MD5 PLAIN LOGIN")
			.expect("AUTH PLAIN " + plain("user", "secret"))
			.reply("235 2.7.0 ok")
			.expect("QUIT")
			.reply("221 bye")
			.start();
		try (SmtpConnection connection = SmtpConnection
			.open(settings(TlsPolicy.REQUIRED).credentials("user", "secret").build())) {
			assertThat(connection.isAuthenticated()).isTrue();
		}
		this.server.await();
	}

	@Test
	void after535ToCramMd5TheNextOfferedMechanismIsTriedOnce() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("AUTH CRAM-MD5 PLAIN LOGIN")
			.expect("AUTH CRAM-MD5")
			.reply(CHALLENGE)
			.skipLine()
			.reply("535 5.7.8 authentication failed")
			.expect("AUTH PLAIN " + plain("user", "secret"))
			.reply("235 2.7.0 ok")
			.expect("QUIT")
			.reply("221 bye")
			.start();
		try (SmtpConnection connection = SmtpConnection
			.open(settings(TlsPolicy.NONE).credentials("user", "secret").allowPlaintextAuth(true).build())) {
			assertThat(connection.isAuthenticated()).isTrue();
		}
		this.server.await();
		assertThat(String.join("\n", this.debug)).doesNotContain(plain("user", "secret"));
	}

	@Test
	void aSecondRefusalEndsTheAttempts() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("AUTH CRAM-MD5 PLAIN LOGIN")
			.expect("AUTH CRAM-MD5")
			.reply(CHALLENGE)
			.skipLine()
			.reply("535 5.7.8 authentication failed")
			.expect("AUTH PLAIN ")
			.reply("535 5.7.8 authentication failed")
			.start();
		assertThatExceptionOfType(SmtpAuthenticationException.class)
			.isThrownBy(() -> SmtpConnection
				.open(settings(TlsPolicy.NONE).credentials("user", "secret").allowPlaintextAuth(true).build()))
			.withMessageContaining("PLAIN")
			.withMessageNotContaining("secret");
		this.server.await();
		assertThat(this.server.drain(Duration.ofMillis(300))).doesNotContain("AUTH LOGIN");
	}

	@Test
	void anEmptyPasswordWithCramMd5IsInvalidInput() {
		this.server.reply("220 mx.example ESMTP").ehlo("AUTH CRAM-MD5").start();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.NONE).credentials("user", "")
				.allowPlaintextAuth(true)
				.authMechanisms(AuthMechanism.CRAM_MD5)
				.build()))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("password"));
		this.server.await();
		assertThat(this.server.drain(Duration.ofMillis(300))).doesNotContain("AUTH");
	}

	@Test
	void plainSendsSaslPreparedCredentials() {
		// RFC 4013 3: soft hyphen mapped to nothing, U+2168 (ROMAN NUMERAL NINE) to "IX"
		// by NFKC, no-break space to
		// space
		String expected = plain("user", "IXIX x");
		this.server.reply("220 mx.example ESMTP")
			.ehlo("AUTH PLAIN")
			.expect("AUTH PLAIN " + expected)
			.reply("235 2.7.0 ok")
			.expect("QUIT")
			.reply("221 bye")
			.start();
		try (SmtpConnection connection = SmtpConnection
			.open(settings(TlsPolicy.NONE).credentials("us\u00ader", "I\u00adX\u2168\u00a0x")
				.allowPlaintextAuth(true)
				.build())) {
			assertThat(connection.isAuthenticated()).isTrue();
		}
		this.server.await();
	}

	@ParameterizedTest
	@ValueSource(strings = { "pass\ue000word", "\u0627\u0031", "pass\u200eword", "a\ufffdb", "x\u2ff0" })
	void plainRefusesWhatSaslPrepProhibitsBeforeSendingAuth(String password) {
		this.server.reply("220 mx.example ESMTP").ehlo("AUTH PLAIN").start();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> SmtpConnection
				.open(settings(TlsPolicy.NONE).credentials("user", password).allowPlaintextAuth(true).build()))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("password"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(password));
		this.server.await();
		assertThat(this.server.drain(Duration.ofMillis(300))).doesNotContain("AUTH");
	}

}
