package dev.smtpclient;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.smtpclient.test.ScriptedSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Graceful close: a send under way when the client closes finishes within the grace,
 * later sends are refused.
 */
class SmtpClientCloseTest {

	private static final Mail MAIL = Mail.of(Envelope.of("from@example.com", "to@example.com"),
			MessageContent.ofString("Subject: hi\r\n\r\nbody\r\n"));

	private final ScriptedSmtpServer server = new ScriptedSmtpServer();

	@AfterEach
	void stop() {
		this.server.close();
	}

	private SmtpClient client() {
		return SmtpClient
			.builder(ConnectionSettings.builder()
				.host(this.server.host())
				.port(this.server.port())
				.tlsPolicy(TlsPolicy.NONE)
				.heloName("client.test")
				.build())
			.housekeeping(false)
			.build();
	}

	private ScriptedSmtpServer slowQueueing(Duration delay) {
		return this.server.reply("220 fake.test ESMTP")
			.ehlo()
			.expect("MAIL FROM:<from@example.com>")
			.reply("250 ok")
			.expect("RCPT TO:<to@example.com>")
			.reply("250 ok")
			.expect("DATA")
			.reply("354 go on")
			.readData()
			.pause(delay)
			.reply("250 2.0.0 queued as 4711");
	}

	@Test
	void aSendUnderWayFinishesWithinTheGraceThenTheConnectionQuits() throws Exception {
		slowQueueing(Duration.ofMillis(800)).expect("QUIT").reply("221 bye").start();
		SmtpClient client = client();
		CompletableFuture<SendResult> inFlight = CompletableFuture.supplyAsync(() -> client.send(MAIL));
		awaitMessageData();
		assertThat(client.close(Duration.ofSeconds(10))).isTrue();
		assertThat(inFlight.get(1, TimeUnit.SECONDS).queueId()).contains("4711");
		this.server.await();
		assertThatIllegalStateException().isThrownBy(() -> client.send(MAIL)).withMessageContaining("closed");
	}

	@Test
	void aGraceTooShortIsReported() throws Exception {
		slowQueueing(Duration.ofSeconds(2)).expect("QUIT").reply("221 bye").start();
		SmtpClient client = client();
		CompletableFuture<SendResult> inFlight = CompletableFuture.supplyAsync(() -> client.send(MAIL));
		awaitMessageData();
		assertThat(client.close(Duration.ofMillis(100))).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> client.send(MAIL));
		// the send under way is not cut off: its connection ends when it returns
		assertThat(inFlight.get(5, TimeUnit.SECONDS).queueId()).contains("4711");
		this.server.await();
		assertThat(client.close(Duration.ofSeconds(1))).as("already closed").isFalse();
	}

	private void awaitMessageData() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!this.server.received().contains("\r\n.\r\n") && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.server.received()).contains("\r\n.\r\n");
	}

}
