package dev.smtpclient;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.smtpclient.test.PostfixServers;
import dev.smtpclient.test.ScriptedSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Raw content as the caller hands it over: its lines must fit RFC 5322 2.1.1 (998
 * octets), and UTF-8 in its header section needs SMTPUTF8 (RFC 6532).
 */
class RawContentTest {

	private static final Envelope ENVELOPE = Envelope.of("from@example.com", "to@example.com");

	private final ScriptedSmtpServer server = new ScriptedSmtpServer();

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ConnectionSettings settings() {
		return ConnectionSettings.builder()
			.host(this.server.host())
			.port(this.server.port())
			.tlsPolicy(TlsPolicy.NONE)
			.heloName("client.test")
			.commandTimeout(Duration.ofSeconds(5))
			.dataTimeout(Duration.ofSeconds(5))
			.build();
	}

	@Test
	void aLineOver998OctetsIsRefusedBeforeAnythingIsWritten() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("PIPELINING", "8BITMIME")
			.expect("QUIT")
			.reply("221 bye")
			.start();
		String tooLong = "Subject: long\r\n\r\nfirst\r\n" + "x".repeat(999) + "\r\nlast\r\n";
		try (SmtpConnection connection = SmtpConnection.open(settings())) {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> connection.send(ENVELOPE, MessageContent.ofString(tooLong)))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("content"))
				.withMessageContaining("line 4")
				.withMessageContaining("998");
			assertThat(connection.isUsable()).isTrue();
		}
		this.server.await();
		assertThat(this.server.received()).doesNotContain("MAIL FROM");
	}

	@Test
	void theLimitCountsOctetsNotCharacters() {
		// 500 two-octet characters: 1000 octets in UTF-8
		MessageContent twoOctets = MessageContent.ofString("Subject: x\r\n\r\n" + "\u00e9".repeat(500) + "\r\n");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(twoOctets::checkSendable)
			.withMessageContaining("line 3");
		MessageContent bareLf = MessageContent
			.ofBytes(("Subject: x\n\n" + "y".repeat(999)).getBytes(StandardCharsets.US_ASCII));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(bareLf::checkSendable)
			.withMessageContaining("line 3");
		// exactly 998 octets, with any of the line endings, is the longest line allowed
		MessageContent.ofString("Subject: x\r\n\r\n" + "z".repeat(998) + "\r\n").checkSendable();
		MessageContent.ofString("Subject: x\n\n" + "z".repeat(998) + "\n" + "z".repeat(998)).checkSendable();
		MessageContent.ofString("Subject: x\r\r" + "z".repeat(998) + "\r" + "z".repeat(998) + "\r").checkSendable();
	}

	@Test
	void contentBuiltAheadOfItsSendIsRefusedBySendBeforeAnyConnection() throws IOException {
		MessageContent tooLong = MessageContent.ofString("Subject: long\r\n\r\n" + "x".repeat(999) + "\r\n");
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		// nothing listens on the port: a client that tried to connect would fail with a
		// connection error instead
		try (SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + closedPort)
			.tlsPolicy(TlsPolicy.NONE)
			.heloName("client.test")
			.build()) {
			assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> client.send(ENVELOPE, tooLong))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("content"))
				.withMessageContaining("line 3");
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> client.send(Mail.of(ENVELOPE, tooLong)))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("content"));
		}
	}

	@Test
	void contentBuiltAheadFailsAloneInABatch() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("8BITMIME")
			.expect("MAIL FROM")
			.reply("250 ok")
			.expect("RCPT TO")
			.reply("250 ok")
			.expect("DATA")
			.reply("354 go ahead")
			.readData()
			.reply("250 queued as ONE")
			.expect("QUIT")
			.reply("221 bye")
			.start();
		Mail tooLong = Mail.of(ENVELOPE, MessageContent.ofString("Subject: long\r\n\r\n" + "x".repeat(999) + "\r\n"));
		Mail fine = Mail.of(ENVELOPE, MessageContent.ofString("Subject: fine\r\n\r\nfine\r\n"));
		try (SmtpClient client = SmtpClient.builder("smtp://" + this.server.host() + ":" + this.server.port())
			.tlsPolicy(TlsPolicy.NONE)
			.heloName("client.test")
			.pool((pool) -> pool.maxSize(1))
			.build()) {
			List<SendOutcome> outcomes = client.sendAll(List.of(tooLong, fine));
			assertThat(outcomes).extracting(SendOutcome::isSuccess).containsExactly(false, true);
			assertThat(outcomes.get(0).error()).hasRootCauseInstanceOf(InvalidInputException.class);
		}
		this.server.await();
		assertThat(this.server.received()).doesNotContain("xxxxxxxxxx").containsOnlyOnce("MAIL FROM");
	}

	@Test
	void streamedContentWithALongLineIsAbortedBeforeTheEndOfData() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("8BITMIME")
			.expect("MAIL FROM")
			.reply("250 ok")
			.expect("RCPT TO")
			.reply("250 ok")
			.expect("DATA")
			.reply("354 go ahead")
			.awaitClientClose()
			.start();
		MessageContent streamed = new MessageContent() {

			@Override
			public void writeTo(OutputStream out) throws IOException {
				out.write("Subject: streamed\r\n\r\nfine\r\n".getBytes(StandardCharsets.US_ASCII));
				for (int i = 0; i < 100; i++) {
					out.write('x');
				}
				out.write("x".repeat(900).getBytes(StandardCharsets.US_ASCII));
				out.write("\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
			}

			@Override
			public boolean isEightBit() {
				return false;
			}

		};
		SmtpConnection connection = SmtpConnection.open(settings());
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> connection.send(ENVELOPE, streamed))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("content"))
			.withMessageContaining("line 4");
		assertThat(connection.isUsable()).isFalse();
		connection.close();
		this.server.await();
		String data = this.server.received().substring(this.server.received().indexOf("DATA\r\n"));
		// no end of data ever reached the server, so it cannot deliver anything
		assertThat(data).doesNotContain("\r\n.\r\n").doesNotContain("QUIT");
		assertThat(this.server.clientClosed()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aStreamedLongLineIsNeverDeliveredByPostfix(boolean chunking) {
		PostfixServers servers = PostfixServers.require();
		String marker = "long-line-" + UUID.randomUUID();
		String recipient = "catchall-" + UUID.randomUUID() + "@" + servers.domain();
		MessageContent streamed = new MessageContent() {

			@Override
			public void writeTo(OutputStream out) throws IOException {
				out.write(("From: a@test.example\r\nSubject: " + marker + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				// past the first BDAT chunk, so that chunks have gone out before the long
				// line
				for (int i = 0; i < 2000; i++) {
					out.write(("line " + i + " of the body\r\n").getBytes(StandardCharsets.US_ASCII));
				}
				out.write("y".repeat(2000).getBytes(StandardCharsets.US_ASCII));
			}

			@Override
			public boolean isEightBit() {
				return false;
			}

		};
		ConnectionSettings settings = servers.settings(servers.startTlsPort(), TlsPolicy.REQUIRED)
			.chunking(chunking)
			.build();
		try (SmtpConnection connection = SmtpConnection.open(settings)) {
			assertThat(connection.capabilities().chunking()).isTrue();
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> connection.send(Envelope.of("a@test.example", recipient), streamed))
				.withMessageContaining("line 2004");
			assertThat(connection.isUsable()).isFalse();
		}
		// a later message arrives; the abandoned one never does
		String after = "after-long-line-" + UUID.randomUUID();
		try (SmtpConnection connection = SmtpConnection.open(settings)) {
			connection.send(Envelope.of("a@test.example", recipient),
					MessageContent.ofString("From: a@test.example\r\nSubject: " + after + "\r\n\r\nok\r\n"));
		}
		servers.awaitDelivered(after, Duration.ofSeconds(10));
		assertThat(servers.countDelivered(marker)).isZero();
	}

	@Test
	void eightBitHeadersAskForSmtpUtf8() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("8BITMIME", "SMTPUTF8")
			.expect("MAIL FROM:<from@example.com> BODY=8BITMIME SMTPUTF8")
			.reply("250 ok")
			.expect("RCPT TO")
			.reply("250 ok")
			.expect("DATA")
			.reply("354 go ahead")
			.readData()
			.reply("250 queued")
			.expect("QUIT")
			.reply("221 bye")
			.start();
		try (SmtpConnection connection = SmtpConnection.open(settings())) {
			connection.send(ENVELOPE, MessageContent
				.ofString("From: J\u00fcrgen <from@example.com>\r\nSubject: Gr\u00fc\u00dfe\r\n\r\nbody\r\n"));
		}
		this.server.await();
	}

	@Test
	void eightBitOnlyInTheBodyNeedsNoSmtpUtf8() {
		assertThat(MessageContent.ofString("Subject: plain\r\n\r\nGr\u00fc\u00dfe\r\n").needsSmtpUtf8()).isFalse();
		assertThat(MessageContent.ofString("Subject: plain\n\nGr\u00fc\u00dfe\n").isEightBit()).isTrue();
		assertThat(MessageContent.ofString("Subject: Gr\u00fc\u00dfe\n\nbody\n").needsSmtpUtf8()).isTrue();
		assertThat(MessageContent.ofString("Subject: plain\r\rGr\u00fc\u00dfe\r").needsSmtpUtf8()).isFalse();
	}

	@Test
	void eightBitHeadersAreRefusedByAServerWithoutSmtpUtf8() {
		this.server.reply("220 mx.example ESMTP").ehlo("8BITMIME").expect("QUIT").reply("221 bye").start();
		try (SmtpConnection connection = SmtpConnection.open(settings())) {
			assertThatExceptionOfType(SmtpCapabilityException.class)
				.isThrownBy(() -> connection.send(ENVELOPE,
						MessageContent.ofString("Subject: Gr\u00fc\u00dfe\r\n\r\nbody\r\n")))
				.withMessageContaining("SMTPUTF8");
		}
		this.server.await();
		assertThat(this.server.received()).doesNotContain("MAIL FROM");
	}

}
