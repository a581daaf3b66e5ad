package dev.smtpclient.sample.inbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.Envelope;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SendOutcome;
import dev.smtpclient.SmtpAuthenticationException;
import dev.smtpclient.SmtpCapabilityException;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.SmtpConnection;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.TlsPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded server as the core's client sees it: STARTTLS with a certificate the
 * client verifies against the throw-away CA, AUTH with the one password, messages kept
 * exactly, pipelined batches over several connections, the size limit, and the inbox's
 * cap.
 */
class EmbeddedSmtpServerTests {

	private static final String PASSWORD = "s3cret-Password";

	private final Inbox inbox = new Inbox(50, 10 << 20);

	private final ThrowawayCertificates certificates = ThrowawayCertificates.generate();

	private EmbeddedSmtpServer server;

	@BeforeEach
	void start() {
		this.server = new EmbeddedSmtpServer(0, this.inbox, 64 * 1024, this.certificates, "dev", PASSWORD);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private String url() {
		return "esmtptls://dev:" + PASSWORD + "@localhost:" + this.server.port();
	}

	private ConnectionSettings settings() {
		return ConnectionSettings.builder(url()).sslContext(trustingTheCa()).build();
	}

	@Test
	void sendsOverVerifiedStartTlsWithAuthAndKeepsMessagesExactly() {
		String data = "Subject: dots\r\n\r\n.leading dot\r\n..two\r\n.\r\nend\r\n";
		try (SmtpConnection connection = SmtpConnection.open(settings())) {
			assertThat(connection.isSecure()).isTrue();
			assertThat(connection.tlsSession())
				.hasValueSatisfying((tls) -> assertThat(tls.protocol()).isIn("TLSv1.3", "TLSv1.2"));
			assertThat(connection.isAuthenticated()).isTrue();
			assertThat(connection.capabilities().authMechanisms()).contains("PLAIN", "LOGIN");
			assertThat(connection.capabilities().keywords()).contains("8BITMIME", "SMTPUTF8", "SIZE");
			assertThat(connection.capabilities().maxSize()).hasValue(64 * 1024);
			connection.send(Envelope.of("a@example.com", "b@example.com", "c@example.com"),
					MessageContent.ofString(data));
		}
		ReceivedMessage received = this.inbox.messages().get(0);
		assertThat(new String(received.raw(), StandardCharsets.UTF_8)).isEqualTo(data);
		assertThat(received.sender()).isEqualTo("a@example.com");
		assertThat(received.recipients()).containsExactly("b@example.com", "c@example.com");
	}

	@Test
	void refusesAClientThatDoesNotTrustTheCa() {
		ConnectionSettings untrusting = ConnectionSettings.builder(url()).build();
		assertThatExceptionOfType(SmtpException.class).isThrownBy(() -> SmtpConnection.open(untrusting).close());
		assertThat(this.inbox.receivedCount()).isZero();
	}

	@Test
	void refusesAWrongPassword() {
		ConnectionSettings wrong = ConnectionSettings.builder(url())
			.sslContext(trustingTheCa())
			.credentials("dev", "wrong")
			.build();
		assertThatExceptionOfType(SmtpAuthenticationException.class)
			.isThrownBy(() -> SmtpConnection.open(wrong).close());
	}

	@Test
	void refusesMailWithoutAuth() {
		ConnectionSettings anonymous = ConnectionSettings.builder("smtptls://localhost:" + this.server.port())
			.sslContext(trustingTheCa())
			.build();
		try (SmtpConnection connection = SmtpConnection.open(anonymous)) {
			assertThat(connection.isSecure()).isTrue();
			assertThatExceptionOfType(SmtpReplyException.class)
				.isThrownBy(() -> connection.send(Envelope.of("a@example.com", "b@example.com"),
						MessageContent.ofString("Subject: s\r\n\r\nb\r\n")))
				.satisfies((ex) -> assertThat(ex.replyCode()).isEqualTo(530));
		}
		assertThat(this.inbox.receivedCount()).isZero();
	}

	@Test
	void refusesMailWithoutTls() {
		ConnectionSettings plain = ConnectionSettings.builder("smtp://localhost:" + this.server.port())
			.tlsPolicy(TlsPolicy.NONE)
			.build();
		try (SmtpConnection connection = SmtpConnection.open(plain)) {
			assertThatExceptionOfType(SmtpReplyException.class)
				.isThrownBy(() -> connection.send(Envelope.of("a@example.com", "b@example.com"),
						MessageContent.ofString("Subject: s\r\n\r\nb\r\n")))
				.satisfies((ex) -> assertThat(ex.replyCode()).isEqualTo(530));
		}
		assertThat(this.inbox.receivedCount()).isZero();
	}

	@Test
	void takesBatchesOnSeveralConnections() {
		List<Mail> batch = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			batch.add(Mail.of(Envelope.of("a@example.com", "b" + i + "@example.com"),
					MessageContent.ofString("Subject: " + i + "\r\n\r\nbody " + i + "\r\n")));
		}
		try (SmtpClient client = SmtpClient.builder(url())
			.sslContext(trustingTheCa())
			.pool((pool) -> pool.maxSize(4))
			.build()) {
			List<SendOutcome> outcomes = client.sendAll(batch);
			assertThat(outcomes).allMatch(SendOutcome::isSuccess);
		}
		assertThat(this.inbox.receivedCount()).isEqualTo(40);
	}

	@Test
	void refusesAMessageOverTheSizeLimit() {
		String big = "Subject: big\r\n\r\n" + "x".repeat(998) + "\r\n";
		try (SmtpConnection connection = SmtpConnection.open(settings())) {
			assertThatExceptionOfType(SmtpCapabilityException.class).isThrownBy(() -> connection
				.send(Envelope.of("a@example.com", "b@example.com"), MessageContent.ofString(big.repeat(70))));
		}
		assertThat(this.inbox.receivedCount()).isZero();
	}

	@Test
	void inboxDropsTheOldestOverItsCap() {
		Inbox small = new Inbox(2, 1000);
		for (int i = 0; i < 3; i++) {
			small.add(new ReceivedMessage("m" + i, java.time.Instant.now(), "a", List.of("b"), new byte[10]));
		}
		small.add(new ReceivedMessage("big", java.time.Instant.now(), "a", List.of("b"), new byte[995]));
		assertThat(small.messages()).extracting(ReceivedMessage::id).containsExactly("big");
		assertThat(small.receivedCount()).isEqualTo(4);
	}

	private SSLContext trustingTheCa() {
		try {
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(this.certificates.trustStore());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
