package dev.smtpclient;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.smtpclient.dkim.DkimSigner;
import dev.smtpclient.test.FakeSmtpSink;
import dev.smtpclient.test.ScriptedSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SmtpClient#sendAll}: a batch never delays, duplicates or loses a message through
 * the client's own doing.
 */
class BatchSendingTest {

	private static Mail mail(String subject) {
		return Mail.of(Envelope.of("sender@example.com", "rcpt@example.com"), MessageContent
			.ofString("From: sender@example.com\r\nTo: rcpt@example.com\r\nSubject: " + subject + "\r\n\r\nbody\r\n"));
	}

	private static PrivateKey ed25519Key() throws Exception {
		return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
	}

	@Test
	void theRateLimiterNeverHoldsAMessagesEndOfDataBack() throws Exception {
		DkimSigner signer = DkimSigner.builder("example.com", "mail", ed25519Key()).build();
		try (FakeSmtpSink sink = new FakeSmtpSink(true);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.tlsPolicy(TlsPolicy.NONE)
					.pool((pool) -> pool.maxSize(1))
					.rateLimit(2)
					.dkim(signer)
					.build()) {
			List<SendOutcome> outcomes = client.sendAll(List.of(mail("1"), mail("2"), mail("3")));
			assertThat(outcomes).allMatch(SendOutcome::isSuccess);
			assertThat(sink.messages()).hasSize(3);
			// the server's data block waits for nothing but the data itself, not for the
			// next message's turn
			assertThat(sink.dataGaps()).hasSize(3).allMatch((gap) -> gap.compareTo(Duration.ofMillis(100)) < 0);
		}
	}

	@Test
	void aMessageTheSourceCannotPrepareFailsAloneAndTheBatchGoesOn() throws Exception {
		DkimSigner signer = DkimSigner.builder("example.com", "mail", ed25519Key()).build();
		Mail withoutFrom = Mail.of(Envelope.of("sender@example.com", "rcpt@example.com"),
				MessageContent.ofString("Subject: no From\r\n\r\nbody\r\n"));
		try (FakeSmtpSink sink = new FakeSmtpSink(true);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.tlsPolicy(TlsPolicy.NONE)
					.pool((pool) -> pool.maxSize(1))
					.dkim(signer)
					.build()) {
			List<SendOutcome> outcomes = client.sendAll(List.of(mail("1"), withoutFrom, mail("3"), withoutFrom));
			assertThat(outcomes).extracting(SendOutcome::index).containsExactly(0, 1, 2, 3);
			assertThat(outcomes).extracting(SendOutcome::isSuccess).containsExactly(true, false, true, false);
			assertThat(outcomes.get(1).error()).hasMessageContaining("From").satisfies((error) -> {
				assertThat(error.isTransient()).isFalse();
				assertThat(error.getCause()).isInstanceOfSatisfying(InvalidInputException.class,
						(cause) -> assertThat(cause.field()).isEqualTo("content"));
			});
			assertThat(sink.messages()).hasSize(2);
		}
	}

	@Test
	void aStreamedLineOver998OctetsFailsThatMessageAloneInABatch() {
		Mail longLine = Mail.of(Envelope.of("sender@example.com", "rcpt@example.com"), new MessageContent() {
			@Override
			public void writeTo(java.io.OutputStream out) throws java.io.IOException {
				out.write(("Subject: long\r\n\r\n" + "x".repeat(1200) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			}

			@Override
			public boolean isEightBit() {
				return false;
			}
		});
		try (FakeSmtpSink sink = new FakeSmtpSink(true);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.tlsPolicy(TlsPolicy.NONE)
					.pool((pool) -> pool.maxSize(1))
					.build()) {
			List<SendOutcome> outcomes = client.sendAll(List.of(mail("1"), longLine, mail("3")));
			assertThat(outcomes).extracting(SendOutcome::isSuccess).containsExactly(true, false, true);
			assertThat(outcomes.get(1).error()).hasRootCauseInstanceOf(InvalidInputException.class);
			assertThat(sink.messages()).hasSize(2).noneMatch((message) -> message.contains("xxxxxxxxxx"));
		}
	}

	@Test
	void anInterruptWhileWaitingForTheRateLimiterStillGivesEveryMessageAnOutcome() throws Exception {
		List<Thread> workers = new CopyOnWriteArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(1, (task) -> {
			Thread thread = new Thread(task, "batch-worker");
			thread.setDaemon(true);
			workers.add(thread);
			return thread;
		});
		try (FakeSmtpSink sink = new FakeSmtpSink(true);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.tlsPolicy(TlsPolicy.NONE)
					.pool((pool) -> pool.maxSize(1))
					.rateLimit(1)
					.executor(executor)
					.build()) {
			CompletableFuture<List<SendOutcome>> batch = CompletableFuture
				.supplyAsync(() -> client.sendAll(List.of(mail("1"), mail("2"), mail("3"))));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (sink.messages().isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			Thread.sleep(200);
			workers.forEach(Thread::interrupt);
			List<SendOutcome> outcomes = batch.get(10, TimeUnit.SECONDS);
			assertThat(outcomes).hasSize(3).doesNotContainNull();
			assertThat(outcomes.get(0).isSuccess()).isTrue();
			assertThat(outcomes.subList(1, 3)).allSatisfy((outcome) -> {
				assertThat(outcome.isSuccess()).isFalse();
				assertThat(outcome.error()).hasMessageContaining("interrupted");
			});
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void aFailureAfterTheEndOfDataWasWrittenIsAnUnknownOutcomeAndNeverARetry() {
		// the next message's commands are too many for the socket's buffers: writing them
		// stalls once the server
		// has read the first message's "." and stops reading
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 200_000; i++) {
			many.add("recipient" + i + "@example.com");
		}
		Mail second = Mail.of(Envelope.of("sender@example.com", many),
				MessageContent.ofString("Subject: 2\r\n\r\nb\r\n"));
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			server.reply("220 fake.test ESMTP")
				.ehlo("PIPELINING")
				.expect("MAIL FROM:")
				.expect("RCPT TO:")
				.expect("DATA")
				.send("250 ok\r\n250 ok\r\n354 go ahead\r\n")
				.readData()
				.pause(Duration.ofSeconds(4))
				.start();
			try (SmtpClient client = SmtpClient
				.builder(ConnectionSettings.builder("smtp://127.0.0.1:" + server.port())
					.tlsPolicy(TlsPolicy.NONE)
					.writeTimeout(Duration.ofMillis(500))
					.commandTimeout(Duration.ofMillis(500))
					.connectTimeout(Duration.ofMillis(500))
					.build())
				.pool((pool) -> pool.maxSize(1).acquireTimeout(Duration.ofSeconds(1)))
				.build()) {
				List<SendOutcome> outcomes = client.sendAll(List.of(mail("1"), second));
				assertThat(outcomes.get(0).error()).isInstanceOf(OutcomeUnknownException.class);
				assertThat(outcomes.get(1).isSuccess()).isFalse();
				assertThat(outcomes.get(1).error()).isNotInstanceOf(OutcomeUnknownException.class);
			}
		}
	}

	@ParameterizedTest(name = "chunk {0} refused")
	@ValueSource(ints = { 1, 2, 3 })
	void aRefusedChunkIsFollowedByRsetBeforeTheNextMessage(int refused) {
		String big = "From: a@example.com\r\nSubject: big\r\n\r\n" + "x".repeat(76).concat("\r\n").repeat(1700);
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			server.reply("220 fake.test ESMTP")
				.ehlo("PIPELINING", "CHUNKING")
				.expect("MAIL FROM:")
				.expect("RCPT TO:")
				.send("250 ok\r\n250 ok\r\n")
				.bdat()
				.bdat()
				.bdat();
			for (int chunk = 1; chunk <= 3; chunk++) {
				server.reply((chunk < refused) ? "250 2.0.0 chunk ok"
						: (chunk == refused) ? "554 5.6.0 chunk refused" : "503 5.5.1 no transaction");
			}
			server.expect("RSET")
				.reply("250 2.0.0 reset")
				.expect("MAIL FROM:")
				.expect("RCPT TO:")
				.send("250 ok\r\n250 ok\r\n")
				.bdat()
				.reply("250 2.0.0 queued as SECOND")
				.expect("QUIT")
				.reply("221 bye")
				.start();
			try (SmtpClient client = SmtpClient
				.builder(ConnectionSettings.builder("smtp://127.0.0.1:" + server.port())
					.tlsPolicy(TlsPolicy.NONE)
					.chunking(true)
					.commandTimeout(Duration.ofSeconds(3))
					.build())
				.pool((pool) -> pool.maxSize(1))
				.build()) {
				List<SendOutcome> outcomes = client.sendAll(
						List.of(Mail.of(Envelope.of("a@example.com", "b@example.com"), MessageContent.ofString(big)),
								mail("small")));
				assertThat(outcomes.get(0).error()).isInstanceOf(SmtpReplyException.class)
					.satisfies((error) -> assertThat(((SmtpReplyException) error).replyCode()).isEqualTo(554));
				assertThat(outcomes.get(1).isSuccess()).as("%s", outcomes.get(1)).isTrue();
				assertThat(outcomes.get(1).result().finalReply().text()).contains("SECOND");
			}
			server.await();
		}
	}

	@Test
	void withoutPipeliningEachChunkWaitsForItsReply() {
		String big = "From: a@example.com\r\nSubject: big\r\n\r\n" + "x".repeat(76).concat("\r\n").repeat(1700);
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			server.reply("220 fake.test ESMTP")
				.ehlo("CHUNKING")
				.expect("MAIL FROM:")
				.reply("250 ok")
				.expect("RCPT TO:")
				.reply("250 ok")
				.bdat()
				.reply("554 5.6.0 chunk refused")
				.expect("RSET")
				.reply("250 2.0.0 reset")
				.expect("QUIT")
				.reply("221 bye")
				.start();
			try (SmtpConnection connection = SmtpConnection
				.open(ConnectionSettings.builder("smtp://127.0.0.1:" + server.port())
					.tlsPolicy(TlsPolicy.NONE)
					.chunking(true)
					.commandTimeout(Duration.ofSeconds(3))
					.build())) {
				SmtpException failure = org.assertj.core.api.Assertions.catchThrowableOfType(SmtpException.class,
						() -> connection.send(Envelope.of("a@example.com", "b@example.com"),
								MessageContent.ofString(big)));
				assertThat(failure).isInstanceOf(SmtpReplyException.class).hasMessageContaining("554");
			}
			server.await();
		}
	}

	static String ascii(byte[] bytes) {
		return new String(bytes, StandardCharsets.US_ASCII);
	}

}
