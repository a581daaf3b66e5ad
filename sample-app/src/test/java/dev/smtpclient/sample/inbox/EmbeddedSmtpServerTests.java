package dev.smtpclient.sample.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpclient.Envelope;
import dev.smtpclient.MessageContent;
import dev.smtpclient.Mail;
import dev.smtpclient.SendOutcome;
import dev.smtpclient.SmtpCapabilityException;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.SmtpConnection;
import dev.smtpclient.ConnectionSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded server as the core's client sees it: capabilities, dot-stuffing, pipelined batches over several
 * connections, the size limit, and the inbox's cap.
 */
class EmbeddedSmtpServerTests {

	private final Inbox inbox = new Inbox(50, 10 << 20);

	private EmbeddedSmtpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = new EmbeddedSmtpServer(0, this.inbox, 64 * 1024);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ConnectionSettings settings() {
		return ConnectionSettings.builder("smtp://127.0.0.1:" + this.server.port()).build();
	}

	@Test
	void offersItsExtensionsAndKeepsMessagesExactly() {
		String data = "Subject: dots\r\n\r\n.leading dot\r\n..two\r\n.\r\nend\r\n";
		try (SmtpConnection connection = SmtpConnection.open(settings())) {
			assertThat(connection.capabilities().keywords()).contains("PIPELINING", "8BITMIME", "SMTPUTF8", "SIZE");
			assertThat(connection.capabilities().maxSize()).hasValue(64 * 1024);
			connection.send(Envelope.of("a@example.com", "b@example.com"), MessageContent.ofString(data));
		}
		ReceivedMessage received = this.inbox.messages().get(0);
		assertThat(new String(received.raw(), StandardCharsets.UTF_8)).isEqualTo(data);
		assertThat(received.sender()).isEqualTo("a@example.com");
		assertThat(received.recipients()).containsExactly("b@example.com");
	}

	@Test
	void takesPipelinedBatchesOnSeveralConnections() {
		List<Mail> batch = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			batch.add(Mail.of(Envelope.of("a@example.com", "b" + i + "@example.com"),
					MessageContent.ofString("Subject: " + i + "\r\n\r\nbody " + i + "\r\n")));
		}
		try (SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + this.server.port())
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

}
