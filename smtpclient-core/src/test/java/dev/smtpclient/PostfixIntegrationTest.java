package dev.smtpclient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpclient.test.PostfixServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine against the real Postfix (with Dovecot SASL) that {@code .ci/servers}
 * starts. In CI these never skip.
 */
class PostfixIntegrationTest {

	private PostfixServers servers;

	private final List<String> debug = new CopyOnWriteArrayList<>();

	@BeforeEach
	void servers() {
		this.servers = PostfixServers.require();
	}

	private String recipient() {
		return "catchall-" + UUID.randomUUID() + "@" + this.servers.domain();
	}

	private static MessageContent message(String marker, String body) {
		return MessageContent.ofString(
				"From: sender@test.example\r\nTo: someone@test.example\r\nSubject: " + marker + "\r\nMessage-ID: <"
						+ marker + "@client.test>\r\nDate: Sat, 28 Nov 2026 12:00:00 +0000\r\n\r\n" + body);
	}

	@Test
	void opportunisticStartTlsOnTheStartTlsPort() {
		String marker = UUID.randomUUID().toString();
		try (SmtpConnection connection = SmtpConnection
			.open(this.servers.settings(this.servers.startTlsPort(), TlsPolicy.OPPORTUNISTIC).build())) {
			assertThat(connection.isSecure()).isTrue();
			assertThat(connection.tlsSession()).get().extracting(TlsSessionInfo::protocol).isIn("TLSv1.3", "TLSv1.2");
			assertThat(connection.capabilities().pipelining()).isTrue();
			assertThat(connection.capabilities().startTls()).as("STARTTLS is not offered again after TLS").isFalse();
			assertThat(connection.capabilities().authMechanisms()).contains("PLAIN", "LOGIN");
			SendResult result = connection.send(Envelope.of("sender@test.example", recipient()),
					message(marker, "hello over STARTTLS\r\n"));
			assertThat(result.finalReply().code()).isEqualTo(250);
			assertThat(result.queueId()).isPresent();
		}
		assertThat(new String(this.servers.awaitDelivered(marker, Duration.ofSeconds(10)), StandardCharsets.UTF_8))
			.contains("hello over STARTTLS");
	}

	@Test
	void requiredTlsAndAuthOnSubmissionWithPlainAndLogin() {
		for (AuthMechanism mechanism : List.of(AuthMechanism.PLAIN, AuthMechanism.LOGIN)) {
			String marker = UUID.randomUUID().toString();
			try (SmtpConnection connection = SmtpConnection
				.open(this.servers.settings(this.servers.submissionPort(), TlsPolicy.REQUIRED)
					.credentials(this.servers.user(), this.servers.password())
					.authMechanisms(mechanism)
					.debugLog(this.debug::add)
					.build())) {
				assertThat(connection.isSecure()).isTrue();
				assertThat(connection.isAuthenticated()).isTrue();
				connection.send(Envelope.of("sender@test.example", recipient()), message(marker, mechanism + "\r\n"));
			}
			this.servers.awaitDelivered(marker, Duration.ofSeconds(10));
		}
		assertThat(String.join("\n", this.debug)).contains("AUTH PLAIN <credentials hidden>")
			.contains("AUTH LOGIN")
			.doesNotContain(this.servers.password());
	}

	@Test
	void wrongPasswordIsATypedAuthenticationError() {
		for (AuthMechanism mechanism : List.of(AuthMechanism.PLAIN, AuthMechanism.LOGIN)) {
			assertThatExceptionOfType(SmtpAuthenticationException.class).isThrownBy(
					() -> SmtpConnection.open(this.servers.settings(this.servers.submissionPort(), TlsPolicy.REQUIRED)
						.credentials(this.servers.user(), "not-the-password")
						.authMechanisms(mechanism)
						.debugLog(this.debug::add)
						.build()))
				.satisfies((ex) -> {
					assertThat(ex.reply()).map(SmtpReply::code).contains(535);
					assertThat(ex.isTransient()).isFalse();
					assertThat(ex.getMessage()).doesNotContain("not-the-password");
				});
		}
		assertThat(String.join("\n", this.debug)).doesNotContain("not-the-password");
	}

	@Test
	void implicitTlsWithAuth() {
		String marker = UUID.randomUUID().toString();
		try (SmtpConnection connection = SmtpConnection
			.open(this.servers.settings(this.servers.implicitTlsPort(), TlsPolicy.IMPLICIT)
				.credentials(this.servers.user(), this.servers.password())
				.build())) {
			assertThat(connection.isSecure()).isTrue();
			assertThat(connection.isAuthenticated()).isTrue();
			connection.send(Envelope.of("sender@test.example", recipient()), message(marker, "implicit\r\n"));
		}
		this.servers.awaitDelivered(marker, Duration.ofSeconds(10));
	}

	@Test
	void theUrlConfiguresEverything() {
		String marker = UUID.randomUUID().toString();
		String url = "esmtptls://" + this.servers.user() + ":" + this.servers.password() + "@localhost:"
				+ this.servers.submissionPort();
		try (SmtpConnection connection = SmtpConnection
			.open(ConnectionSettings.builder(url).sslContext(this.servers.sslContext()).build())) {
			assertThat(connection.isAuthenticated()).isTrue();
			connection.send(Envelope.of("sender@test.example", recipient()), message(marker, "url\r\n"));
		}
		this.servers.awaitDelivered(marker, Duration.ofSeconds(10));
	}

	@Test
	void connectingByIpAddressVerifiesTheCertificatesIpName() {
		try (SmtpConnection connection = SmtpConnection
			.open(this.servers.settings(this.servers.startTlsPort(), TlsPolicy.REQUIRED).host("127.0.0.1").build())) {
			assertThat(connection.isSecure()).isTrue();
		}
	}

	@Test
	void noAuthOnTheCleartextPortByDefaultAndOnlyWithTheOptIn() {
		ConnectionSettings.Builder settings = this.servers.settings(this.servers.plainPort(), TlsPolicy.OPPORTUNISTIC)
			.credentials(this.servers.user(), this.servers.password())
			.debugLog(this.debug::add);
		assertThatExceptionOfType(SmtpAuthenticationException.class)
			.isThrownBy(() -> SmtpConnection.open(settings.build()))
			.withMessageContaining("without TLS")
			.withMessageContaining("allowPlaintextAuth");
		assertThat(this.debug).noneMatch((line) -> line.contains("C: AUTH"));

		String marker = UUID.randomUUID().toString();
		try (SmtpConnection connection = SmtpConnection.open(settings.allowPlaintextAuth(true).build())) {
			assertThat(connection.isSecure()).isFalse();
			assertThat(connection.isAuthenticated()).isTrue();
			connection.send(Envelope.of("sender@test.example", recipient()), message(marker, "cleartext\r\n"));
		}
		this.servers.awaitDelivered(marker, Duration.ofSeconds(10));
	}

	@Test
	void requiredTlsFailsWhereNoTlsIsOffered() {
		assertThatExceptionOfType(SmtpTlsException.class).isThrownBy(
				() -> SmtpConnection.open(this.servers.settings(this.servers.plainPort(), TlsPolicy.REQUIRED).build()))
			.withMessageContaining("does not offer");
	}

	@Test
	void dataComesBackByteExactWithDotLinesALoneDotAndBareLineFeeds() {
		String marker = UUID.randomUUID().toString();
		String body = ".starts with a dot\r\n.\r\n..two dots\r\nbare\nline\nfeeds\nand bare\rcarriage returns\r\n"
				+ "ümlaut in 8 bit\r\n. \r\nlast line without ending";
		MessageContent content = message(marker, body);
		SendResult result;
		try (SmtpConnection connection = SmtpConnection
			.open(this.servers.settings(this.servers.startTlsPort(), TlsPolicy.REQUIRED).build())) {
			result = connection.send(Envelope.of("sender@test.example", recipient()), content);
		}
		String delivered = new String(this.servers.awaitDelivered(marker, Duration.ofSeconds(10)),
				StandardCharsets.UTF_8);
		// the maildir holds the message with LF line endings below Postfix's own trace
		// headers
		String expected = ("From: sender@test.example\nTo: someone@test.example\nSubject: " + marker + "\nMessage-ID: <"
				+ marker + "@client.test>\nDate: Sat, 28 Nov 2026 12:00:00 +0000\n\n"
				+ body.replace("\r\n", "\n").replace("\r", "\n") + "\n");
		assertThat(delivered).endsWith(expected);
		assertThat(result.bytesSent()).isGreaterThan(body.length());
	}

	@Test
	void chunkingSendsBdatChunksByteExact() {
		List<String> order = new CopyOnWriteArrayList<>();
		String marker = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		StringBuilder body = new StringBuilder();
		for (int i = 0; body.length() < 500_000; i++) {
			body.append(i % 7 == 0 ? "." : "").append("line ").append(i).append(i % 3 == 0 ? "\n" : "\r\n");
		}
		try (SmtpConnection connection = SmtpConnection
			.open(this.servers.settings(this.servers.startTlsPort(), TlsPolicy.REQUIRED)
				.chunking(true)
				.debugLog(order::add)
				.build())) {
			assertThat(connection.capabilities().chunking()).isTrue();
			connection.send(Envelope.of("sender@test.example", recipient()), message(marker, body.toString()));
			connection.send(Envelope.of("sender@test.example", recipient()), message(second, "small\r\n"));
		}
		assertThat(order).anyMatch((line) -> line.contains("C: BDAT 65536"))
			.anyMatch((line) -> line.matches(".*C: BDAT \\d+ LAST"))
			.noneMatch((line) -> line.endsWith("C: DATA"));
		String delivered = new String(this.servers.awaitDelivered(marker, Duration.ofSeconds(10)),
				StandardCharsets.UTF_8);
		assertThat(delivered).endsWith(body.toString().replace("\r\n", "\n") + "");
		this.servers.awaitDelivered(second, Duration.ofSeconds(10));
	}

	@Test
	void chunkedBatchOnOneConnectionDeliversEveryMessageOnce() {
		List<String> markers = new java.util.ArrayList<>();
		List<Mail> batch = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String marker = UUID.randomUUID().toString();
			markers.add(marker);
			// big and small messages in turn: several chunks, then one
			String body = (i % 2 == 0) ? "line of a chunked message\r\n".repeat(8_000) : "small\r\n";
			batch.add(Mail.of(Envelope.of("sender@test.example", recipient()), message(marker, body)));
		}
		try (SmtpClient client = SmtpClient
			.builder(this.servers.settings(this.servers.startTlsPort(), TlsPolicy.REQUIRED)
				.chunking(true)
				.debugLog(this.debug::add)
				.build())
			.pool((pool) -> pool.maxSize(1))
			.build()) {
			assertThat(client.sendAll(batch)).allMatch(SendOutcome::isSuccess);
		}
		assertThat(this.debug).anyMatch((line) -> line.matches(".*C: BDAT \\d+ LAST"))
			.noneMatch((line) -> line.endsWith("C: DATA"));
		// the next envelope never rides behind BDAT LAST: the server answers the message
		// first
		List<String> wire = this.debug.stream()
			.filter((line) -> line.contains("] C: ") || line.contains("] S: "))
			.filter((line) -> !line.contains("] C: <message data"))
			.toList();
		for (int i = 0; i < wire.size(); i++) {
			if (wire.get(i).matches(".*C: BDAT \\d+ LAST")) {
				assertThat(wire.get(i + 1)).as("after %s", wire.get(i)).contains("] S: ");
			}
		}
		for (String marker : markers) {
			this.servers.awaitDelivered(marker, Duration.ofSeconds(10));
			assertThat(this.servers.countDelivered(marker)).isEqualTo(1);
		}
	}

	@Test
	void severalMessagesOnOneConnectionAndPartialRejection() {
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		try (SmtpConnection connection = SmtpConnection
			.open(this.servers.settings(this.servers.startTlsPort(), TlsPolicy.REQUIRED).build())) {
			connection.send(Envelope.of("sender@test.example", recipient()), message(first, "one\r\n"));
			// the test Postfix always refuses these two; the message goes to the other
			// recipient
			SendResult result = connection.send(
					Envelope.of("sender@test.example", "rejected@test.example", recipient(), "deferred@test.example"),
					message(second, "two\r\n"));
			assertThat(result.rejected()).extracting(RecipientResult::address)
				.containsExactly("rejected@test.example", "deferred@test.example");
			assertThat(result.rejected()).extracting((r) -> r.reply().code()).containsExactly(550, 450);
			assertThat(result.rejected().get(0).reply().enhancedStatus()).map(Object::toString).contains("5.1.1");
			assertThat(result.accepted()).hasSize(1);
			assertThat(connection.messagesSent()).isEqualTo(2);
		}
		this.servers.awaitDelivered(first, Duration.ofSeconds(10));
		this.servers.awaitDelivered(second, Duration.ofSeconds(10));
	}

	@Test
	void allRecipientsRejectedSendsNoDataAndKeepsTheConnection() {
		try (SmtpConnection connection = SmtpConnection
			.open(this.servers.settings(this.servers.startTlsPort(), TlsPolicy.REQUIRED).build())) {
			assertThatExceptionOfType(SmtpRecipientsRejectedException.class).isThrownBy(() -> connection.send(
					Envelope.of("sender@test.example", "rejected@test.example", "deferred@test.example"),
					message("x", "never\r\n")))
				.satisfies((ex) -> {
					assertThat(ex.rejected()).hasSize(2);
					assertThat(ex.isTransient()).as("one of the two refusals is permanent").isFalse();
				});
			assertThat(connection.isUsable()).isTrue();
			String marker = UUID.randomUUID().toString();
			connection.send(Envelope.of("sender@test.example", recipient()), message(marker, "after\r\n"));
			this.servers.awaitDelivered(marker, Duration.ofSeconds(10));
		}
	}

	@Test
	void internationalisedAddressesGoWithSmtpUtf8() {
		String marker = UUID.randomUUID().toString();
		try (SmtpConnection connection = SmtpConnection
			.open(this.servers.settings(this.servers.startTlsPort(), TlsPolicy.REQUIRED).build())) {
			assertThat(connection.capabilities().smtpUtf8()).isTrue();
			connection.send(Envelope.of("jürgen@test.example", "ünïcode-" + marker + "@test.example"),
					message(marker, "utf8\r\n"));
		}
		assertThat(new String(this.servers.awaitDelivered(marker, Duration.ofSeconds(10)), StandardCharsets.UTF_8))
			.contains("jürgen@test.example");
	}

	@Test
	void dsnRequestsAreAcceptedByPostfix() {
		String marker = UUID.randomUUID().toString();
		try (SmtpConnection connection = SmtpConnection
			.open(this.servers.settings(this.servers.startTlsPort(), TlsPolicy.REQUIRED).build())) {
			assertThat(connection.capabilities().dsn()).isTrue();
			connection.send(Envelope.of("sender@test.example", recipient())
				.withDsn(new DsnOptions(DsnOptions.Ret.HDRS, "env-" + marker,
						java.util.Set.of(DsnOptions.Notify.FAILURE))),
					message(marker, "dsn\r\n"));
		}
		this.servers.awaitDelivered(marker, Duration.ofSeconds(10));
	}

	@Test
	void theSizeLimitIsCheckedBeforeMail() {
		try (SmtpConnection connection = SmtpConnection
			.open(this.servers.settings(this.servers.startTlsPort(), TlsPolicy.REQUIRED).build())) {
			long limit = connection.capabilities().maxSize().orElseThrow();
			byte[] big = new byte[(int) limit + 1];
			java.util.Arrays.fill(big, (byte) 'a');
			for (int i = 78; i + 1 < big.length; i += 80) {
				big[i] = '\r';
				big[i + 1] = '\n';
			}
			assertThatExceptionOfType(SmtpCapabilityException.class)
				.isThrownBy(
						() -> connection.send(Envelope.of("a@test.example", recipient()), MessageContent.ofBytes(big)))
				.withMessageContaining("SIZE limit");
			assertThat(connection.isUsable()).isTrue();
			assertThat(connection.noop().code()).isEqualTo(250);
		}
	}

}
