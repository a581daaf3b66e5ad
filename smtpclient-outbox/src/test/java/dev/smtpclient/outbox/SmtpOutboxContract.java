package dev.smtpclient.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpclient.Envelope;
import dev.smtpclient.InvalidInputException;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.TlsPolicy;
import dev.smtpclient.message.Message;
import dev.smtpclient.test.MutableClock;
import dev.smtpclient.test.PostfixServers;
import dev.smtpclient.test.ScriptedSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the outbox promises, run against each supported database with the real Postfix as
 * the peer.
 */
abstract class SmtpOutboxContract {

	private final MutableClock clock = new MutableClock();

	private DataSource dataSource;

	private PostfixServers servers;

	private SmtpClient client;

	private final List<SmtpOutbox> outboxes = new ArrayList<>();

	abstract DataSource database();

	@BeforeEach
	void setUp() {
		this.dataSource = database();
		this.servers = PostfixServers.require();
		this.client = SmtpClient
			.builder(this.servers.settings(this.servers.plainPort(), TlsPolicy.OPPORTUNISTIC)
				.host(this.servers.host())
				.build())
			.pool((pool) -> pool.maxSize(2))
			.build();
	}

	@AfterEach
	void tearDown() {
		this.outboxes.forEach(SmtpOutbox::close);
		this.client.close();
	}

	private SmtpOutbox outbox() {
		return outbox(SmtpOutbox.builder(this.dataSource).client(this.client));
	}

	private SmtpOutbox outbox(SmtpOutbox.Builder builder) {
		SmtpOutbox outbox = builder.clock(this.clock).build();
		this.outboxes.add(outbox);
		return outbox;
	}

	private Mail mail(String marker, String recipient) {
		return Message.builder()
			.from("sender@" + this.servers.domain())
			.to(recipient + "@" + this.servers.domain())
			.subject("outbox " + marker)
			.text("marker " + marker)
			.build();
	}

	private static String marker() {
		return UUID.randomUUID().toString();
	}

	@Test
	void enqueuedMessageIsSentOnceAndRecordedWithTheServersQueueId() {
		SmtpOutbox outbox = outbox();
		String marker = marker();
		UUID id = outbox.enqueue(mail(marker, "user"));
		assertThat(outbox.status(id)).hasValueSatisfying((status) -> {
			assertThat(status.state()).isEqualTo(OutboxState.QUEUED);
			assertThat(status.messageId()).startsWith("<").endsWith(">");
		});

		assertThat(outbox.deliverDue()).isEqualTo(1);
		assertThat(outbox.deliverDue()).isZero();

		OutboxStatus status = outbox.status(id).orElseThrow();
		assertThat(status.state()).isEqualTo(OutboxState.SENT);
		assertThat(status.attempts()).isEqualTo(1);
		assertThat(status.reply()).startsWith("250");
		assertThat(status.queueId()).isNotBlank();
		assertThat(status.completedAt()).isEqualTo(this.clock.instant());
		this.servers.awaitDelivered(marker, Duration.ofSeconds(20));
		assertThat(this.servers.countDelivered(marker)).isEqualTo(1);
		assertThat(outbox.recordedOutcomes()).containsEntry(OutboxState.SENT, 1L);
	}

	@Test
	void messageEnqueuedInATransactionThatRollsBackIsNeverStoredNorSent() throws Exception {
		SmtpOutbox outbox = outbox();
		String marker = marker();
		UUID id;
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			id = outbox.enqueue(connection, mail(marker, "user"));
			connection.rollback();
		}
		assertThat(outbox.status(id)).isEmpty();
		assertThat(outbox.deliverDue()).isZero();
		assertThat(this.servers.countDelivered(marker)).isZero();
	}

	@Test
	void messageEnqueuedInATransactionIsDueOnlyOnceItCommits() throws Exception {
		SmtpOutbox outbox = outbox();
		String marker = marker();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			UUID id = outbox.enqueue(connection, mail(marker, "user"));
			assertThat(outbox.deliverDue()).isZero();
			connection.commit();
			assertThat(outbox.deliverDue()).isEqualTo(1);
			assertThat(outbox.status(id).orElseThrow().state()).isEqualTo(OutboxState.SENT);
		}
		this.servers.awaitDelivered(marker, Duration.ofSeconds(20));
	}

	@Test
	void contentWithoutMessageIdIsRefusedAndNothingIsStored() {
		SmtpOutbox outbox = outbox();
		Mail mail = Mail.of(Envelope.of("a@example.com", "b@example.com"),
				MessageContent.ofString("Subject: no id\r\n\r\nbody\r\n"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> outbox.enqueue(mail))
			.withMessageContaining("Message-ID");
		assertThat(outbox.stats().depth().values()).allMatch((count) -> count == 0);
	}

	@Test
	void malformedMessageIdOrUnreadableContentIsRefused() {
		SmtpOutbox outbox = outbox();
		Envelope envelope = Envelope.of("a@example.com", "b@example.com");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> outbox
			.enqueue(Mail.of(envelope, MessageContent.ofString("Message-ID: <a b@example.com>\r\n\r\nbody\r\n"))));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> outbox.enqueue(Mail.of(envelope,
				MessageContent.ofString("Message-ID: <1@example.com>\r\nMessage-ID: <2@example.com>\r\n\r\nx\r\n"))));
		MessageContent unreadable = new MessageContent() {

			@Override
			public void writeTo(java.io.OutputStream out) throws java.io.IOException {
				throw new java.io.IOException("disk gone");
			}

			@Override
			public boolean isEightBit() {
				return false;
			}

		};
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> outbox.enqueue(Mail.of(envelope, unreadable)));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> outbox.enqueue(Mail.of(Envelope.of("a".repeat(1000) + "@example.com", "b@example.com"),
					MessageContent.ofString("Message-ID: <1@example.com>\r\n\r\nx\r\n"))));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(
				() -> outbox(SmtpOutbox.builder(this.dataSource).maxMessageSize(10)).enqueue(mail(marker(), "user")));
		assertThat(outbox.stats().depth().values()).allMatch((count) -> count == 0);
	}

	@Test
	void contentWithALineOver998OctetsNeverReachesTheTable() {
		SmtpOutbox outbox = outbox();
		Envelope envelope = Envelope.of("a@example.com", "b@example.com");
		String tooLong = "Message-ID: <long@example.com>\r\n\r\n" + "x".repeat(999) + "\r\n";
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> outbox.enqueue(Mail.of(envelope, MessageContent.ofString(tooLong))))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("content"));
		MessageContent streamed = new MessageContent() {

			@Override
			public void writeTo(java.io.OutputStream out) throws java.io.IOException {
				out.write(tooLong.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			}

			@Override
			public boolean isEightBit() {
				return false;
			}

		};
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> outbox.enqueue(Mail.of(envelope, streamed)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("content"));
		assertThat(outbox.stats().depth().values()).allMatch((count) -> count == 0);
	}

	@Test
	void foldedMessageIdHeaderIsRead() {
		SmtpOutbox outbox = outbox();
		UUID id = outbox.enqueue(Mail.of(Envelope.of("a@example.com", "b@example.com"),
				MessageContent.ofString("Subject: x\nmessage-id:\n <folded@example.com>\n\nbody\n")));
		assertThat(outbox.status(id).orElseThrow().messageId()).isEqualTo("<folded@example.com>");
	}

	@Test
	void permanentRefusalFailsAtOnceWithTheServersReply() {
		SmtpOutbox outbox = outbox();
		UUID id = outbox.enqueue(mail(marker(), "rejected"));
		outbox.deliverDue();
		OutboxStatus status = outbox.status(id).orElseThrow();
		assertThat(status.state()).isEqualTo(OutboxState.FAILED);
		assertThat(status.attempts()).isEqualTo(1);
		assertThat(status.reply()).startsWith("550");
		assertThat(status.completedAt()).isNotNull();
		assertThat(outbox.deliverDue()).isZero();
	}

	@Test
	void transientRefusalIsRetriedAfterTheBackoffUntilAttemptsRunOut() {
		SmtpOutbox outbox = outbox(SmtpOutbox.builder(this.dataSource)
			.client(this.client)
			.maxAttempts(2)
			.backoff(Duration.ofSeconds(30), Duration.ofMinutes(5)));
		UUID id = outbox.enqueue(mail(marker(), "deferred"));
		Instant first = this.clock.instant();
		outbox.deliverDue();
		OutboxStatus retrying = outbox.status(id).orElseThrow();
		assertThat(retrying.state()).isEqualTo(OutboxState.RETRYING);
		assertThat(retrying.nextAttemptAt()).isEqualTo(first.plusSeconds(30));
		assertThat(retrying.reply()).startsWith("450");
		assertThat(retrying.lastError()).contains("deferred");

		this.clock.advance(Duration.ofSeconds(29));
		assertThat(outbox.deliverDue()).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(outbox.deliverDue()).isEqualTo(1);
		OutboxStatus failed = outbox.status(id).orElseThrow();
		assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
		assertThat(failed.attempts()).isEqualTo(2);
		assertThat(failed.lastError()).startsWith("gave up after 2 attempts");
	}

	@Test
	void noReplyAfterTheDataIsOutcomeUnknownAndNeverResentByDefault() {
		try (ScriptedSmtpServer server = silentAfterData(); SmtpClient client = scriptedClient(server)) {
			SmtpOutbox outbox = outbox(SmtpOutbox.builder(this.dataSource).client(client));
			UUID id = outbox.enqueue(mail(marker(), "user"));
			outbox.deliverDue();
			server.await();
			OutboxStatus status = outbox.status(id).orElseThrow();
			assertThat(status.state()).isEqualTo(OutboxState.UNKNOWN);
			assertThat(status.lastError()).contains("may or may not");
			this.clock.advance(Duration.ofDays(1));
			assertThat(outbox.deliverDue()).isZero();
			assertThat(outbox.recordedOutcomes()).containsEntry(OutboxState.UNKNOWN, 1L);
		}
	}

	@Test
	void unknownOutcomeIsRetriedWhenResendingIsAllowed() {
		try (ScriptedSmtpServer server = silentAfterData(); SmtpClient client = scriptedClient(server)) {
			SmtpOutbox outbox = outbox(SmtpOutbox.builder(this.dataSource).client(client).resendUnknown(true));
			UUID id = outbox.enqueue(mail(marker(), "user"));
			outbox.deliverDue();
			server.await();
			OutboxStatus status = outbox.status(id).orElseThrow();
			assertThat(status.state()).isEqualTo(OutboxState.RETRYING);
			assertThat(status.nextAttemptAt()).isAfter(this.clock.instant());
		}
	}

	@Test
	void messageLargerThanTheServersSizeLimitFailsAtItsFirstAttempt() {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			server.reply("220 fake.test ESMTP")
				.ehlo("SIZE 100", "PIPELINING")
				.skipUntil("QUIT")
				.reply("221 bye")
				.start();
			try (SmtpClient client = scriptedClient(server)) {
				SmtpOutbox outbox = outbox(SmtpOutbox.builder(this.dataSource).client(client));
				UUID id = outbox.enqueue(mail(marker() + "x".repeat(200), "user"));
				outbox.deliverDue();
				OutboxStatus status = outbox.status(id).orElseThrow();
				assertThat(status.state()).isEqualTo(OutboxState.FAILED);
				assertThat(status.attempts()).isEqualTo(1);
				assertThat(status.lastError()).contains("SIZE limit of 100");
			}
		}
	}

	@Test
	void messagesHeldByAStoppedInstanceBecomeOutcomeUnknownWhenItsLeaseExpires() throws Exception {
		SmtpOutbox survivor = outbox(
				SmtpOutbox.builder(this.dataSource).client(this.client).lease(Duration.ofSeconds(30)));
		String marker = marker();
		UUID id = survivor.enqueue(mail(marker, "user"));
		// an instance claims the message and dies before it records anything
		new OutboxStore(this.dataSource).claim("stopped-instance", this.clock.instant(),
				this.clock.instant().plusSeconds(30), 10);
		assertThat(survivor.deliverDue()).isZero();
		assertThat(survivor.status(id).orElseThrow().state()).isEqualTo(OutboxState.SENDING);

		this.clock.advance(Duration.ofSeconds(31));
		assertThat(survivor.deliverDue()).isZero();
		OutboxStatus status = survivor.status(id).orElseThrow();
		assertThat(status.state()).isEqualTo(OutboxState.UNKNOWN);
		assertThat(status.lastError()).contains("stopped");
		assertThat(this.servers.countDelivered(marker)).isZero();
	}

	@Test
	void lateOutcomeOfASlowInstanceIsStillRecordedOverUnknown() throws Exception {
		SmtpOutbox outbox = outbox();
		UUID id = outbox.enqueue(mail(marker(), "user"));
		OutboxStore store = new OutboxStore(this.dataSource);
		OutboxStore.Claimed claimed = store.claim("slow", this.clock.instant(), this.clock.instant().plusSeconds(1), 1)
			.get(0);
		this.clock.advance(Duration.ofSeconds(2));
		outbox.recoverExpired();
		assertThat(outbox.status(id).orElseThrow().state()).isEqualTo(OutboxState.UNKNOWN);
		store.record(List.of(new OutboxStore.Outcome(claimed.id(), claimed.attempt(), OutboxState.SENT, null,
				this.clock.instant(), "250 2.0.0 Ok: queued as ABC", "ABC", null)));
		assertThat(outbox.status(id).orElseThrow().state()).isEqualTo(OutboxState.SENT);
	}

	@Test
	void leaseRenewalAndRecoveryNeverWaitForARowAnotherTransactionHolds() throws Exception {
		SmtpOutbox outbox = outbox();
		UUID id = outbox.enqueue(mail(marker(), "user"));
		OutboxStore store = new OutboxStore(this.dataSource);
		store.claim("busy", this.clock.instant(), this.clock.instant().plusSeconds(30), 1);
		try (Connection recording = this.dataSource.getConnection()) {
			// as while the worker records its outcome
			recording.setAutoCommit(false);
			try (java.sql.PreparedStatement lock = recording
				.prepareStatement("SELECT id FROM smtp_outbox WHERE id = ? FOR UPDATE")) {
				lock.setObject(1, id);
				lock.executeQuery().close();
			}
			java.util.concurrent.CompletableFuture<Integer> renewed = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> {
					try {
						return store.renewLeases("busy", this.clock.instant().plusSeconds(60));
					}
					catch (java.sql.SQLException ex) {
						throw new IllegalStateException(ex);
					}
				});
			assertThat(renewed.get(5, java.util.concurrent.TimeUnit.SECONDS)).isZero();
			this.clock.advance(Duration.ofSeconds(31));
			java.util.concurrent.CompletableFuture<Integer> recovered = java.util.concurrent.CompletableFuture
				.supplyAsync(outbox::recoverExpired);
			assertThat(recovered.get(5, java.util.concurrent.TimeUnit.SECONDS)).isZero();
			recording.rollback();
		}
		assertThat(outbox.recoverExpired()).isEqualTo(1);
	}

	@Test
	void retentionDeletesOnlySentMessagesOlderThanTheRetentionPeriod() {
		SmtpOutbox outbox = outbox(
				SmtpOutbox.builder(this.dataSource).client(this.client).retention(Duration.ofDays(7)).maxAttempts(5));
		UUID sent = outbox.enqueue(mail(marker(), "user"));
		UUID failed = outbox.enqueue(mail(marker(), "rejected"));
		UUID retrying = outbox.enqueue(mail(marker(), "deferred"));
		outbox.deliverDue();
		this.clock.advance(Duration.ofDays(7));
		assertThat(outbox.purgeSent()).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(outbox.purgeSent()).isEqualTo(1);
		assertThat(outbox.status(sent)).isEmpty();
		assertThat(outbox.status(failed)).isPresent();
		assertThat(outbox.status(retrying)).isPresent();
	}

	@Test
	void statsCountEveryStateAndTheAgeOfTheOldestDueMessage() {
		SmtpOutbox outbox = outbox();
		assertThat(outbox.stats().oldestDue()).isEmpty();
		outbox.enqueue(mail(marker(), "user"));
		this.clock.advance(Duration.ofSeconds(5));
		outbox.enqueue(mail(marker(), "user"));
		this.clock.advance(Duration.ofSeconds(5));
		OutboxStats stats = outbox.stats();
		assertThat(stats.count(OutboxState.QUEUED)).isEqualTo(2);
		assertThat(stats.count(OutboxState.SENT)).isZero();
		assertThat(stats.oldestDue()).contains(Duration.ofSeconds(10));
		outbox.deliverDue();
		stats = outbox.stats();
		assertThat(stats.count(OutboxState.SENT)).isEqualTo(2);
		assertThat(stats.oldestDue()).isEmpty();
	}

	@Test
	void envelopeDsnAndEightBitFlagsSurviveTheTable() throws Exception {
		SmtpOutbox outbox = outbox();
		Envelope envelope = Envelope.of("a@example.com", "b@example.com", "c@example.com")
			.withDsn(new dev.smtpclient.DsnOptions(dev.smtpclient.DsnOptions.Ret.HDRS, "env-1", java.util.Set
				.of(dev.smtpclient.DsnOptions.Notify.FAILURE, dev.smtpclient.DsnOptions.Notify.DELAY)));
		byte[] bytes = "Message-ID: <d@example.com>\r\nSubject: caf\u00e9\r\n\r\nbody\r\n"
			.getBytes(StandardCharsets.UTF_8);
		outbox.enqueue(Mail.of(envelope, MessageContent.ofBytes(bytes)));
		OutboxStore.Claimed claimed = new OutboxStore(this.dataSource)
			.claim("test", this.clock.instant(), this.clock.instant().plusSeconds(30), 1)
			.get(0);
		assertThat(claimed.envelope().recipients()).containsExactly("b@example.com", "c@example.com");
		assertThat(claimed.envelope().dsn()).contains(envelope.dsn().orElseThrow());
		assertThat(claimed.content().bytes()).isEqualTo(bytes);
		assertThat(claimed.content().isEightBit()).isTrue();
		assertThat(claimed.attempt()).isEqualTo(1);
	}

	@Test
	void twoInstancesOnOneDatabaseSendEveryMessageExactlyOnce() throws Exception {
		String run = marker();
		int count = 60;
		SmtpOutbox first = outbox(
				SmtpOutbox.builder(this.dataSource).client(this.client).batchSize(5).instanceId("first"));
		try (SmtpClient otherClient = SmtpClient
			.builder(this.servers.settings(this.servers.plainPort(), TlsPolicy.OPPORTUNISTIC)
				.host(this.servers.host())
				.build())
			.build()) {
			SmtpOutbox second = outbox(
					SmtpOutbox.builder(this.dataSource).client(otherClient).batchSize(5).instanceId("second"));
			for (int i = 0; i < count; i++) {
				first.enqueue(mail(run + "-" + i, "user"));
			}
			Thread one = new Thread(first::deliverDue);
			Thread two = new Thread(second::deliverDue);
			one.start();
			two.start();
			one.join();
			two.join();
			assertThat(first.stats().count(OutboxState.SENT)).isEqualTo(count);
			long total = first.recordedOutcomes().get(OutboxState.SENT)
					+ second.recordedOutcomes().get(OutboxState.SENT);
			assertThat(total).isEqualTo(count);
		}
		Pattern pattern = Pattern.compile("marker (" + Pattern.quote(run) + "-\\d+)");
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Map<String, Integer> delivered = this.servers.countDeliveredBy(pattern);
		while (delivered.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(200);
			delivered = this.servers.countDeliveredBy(pattern);
		}
		assertThat(delivered).hasSize(count);
		assertThat(delivered.values()).allMatch((copies) -> copies == 1);
	}

	private static ScriptedSmtpServer silentAfterData() {
		ScriptedSmtpServer server = new ScriptedSmtpServer();
		server.reply("220 fake.test ESMTP")
			.ehlo("PIPELINING")
			.expect("MAIL FROM:")
			.expect("RCPT TO:")
			.expect("DATA")
			.send("250 ok\r\n250 ok\r\n354 go ahead\r\n")
			.readData()
			.hangUp()
			.start();
		return server;
	}

	private static SmtpClient scriptedClient(ScriptedSmtpServer server) {
		return SmtpClient.builder("smtp://" + server.host() + ":" + server.port())
			.heloName("client.test")
			.commandTimeout(Duration.ofSeconds(5))
			.housekeeping(false)
			.pool((pool) -> pool.maxSize(1))
			.build();
	}

}
