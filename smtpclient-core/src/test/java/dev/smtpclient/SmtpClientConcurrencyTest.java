package dev.smtpclient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.smtpclient.test.CommandOrderRecorder;
import dev.smtpclient.test.FakeSmtpSink;
import dev.smtpclient.test.PostfixServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pooled client under concurrency and against servers that drop idle connections.
 */
class SmtpClientConcurrencyTest {

	@Test
	void sixteenThreadsTimesAThousandMessagesThroughOneClient() throws Exception {
		PostfixServers servers = PostfixServers.require();
		AtomicInteger open = new AtomicInteger();
		AtomicInteger maxOpen = new AtomicInteger();
		AtomicLong accepted = new AtomicLong();
		SmtpEventListener counter = new SmtpEventListener() {
			@Override
			public void connectEnd(SmtpConnectionInfo c, java.net.InetSocketAddress a, Duration took) {
				maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
			}

			@Override
			public void connectionClosed(SmtpConnectionInfo c) {
				open.decrementAndGet();
			}

			@Override
			public void messageAccepted(SmtpConnectionInfo c, SendResult result, Duration took) {
				accepted.incrementAndGet();
			}
		};
		// Postfix's smtp-sink: accepts and discards; no TLS, so no credentials either
		SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + servers.sinkPort())
			.tlsPolicy(TlsPolicy.NONE)
			.heloName("client.test")
			.eventListener(counter)
			.pool((pool) -> pool.maxSize(8).maxMessagesPerConnection(500))
			.build();
		int threads = 16;
		int perThread = 1000;
		Mail mail = Mail.of(Envelope.of("from@test.example", "to@test.example"),
				MessageContent.ofString("Subject: load\r\n\r\n" + ("x".repeat(98) + "\r\n").repeat(10)));
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		List<Future<Integer>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			futures.add(executor.submit(() -> {
				int sent = 0;
				for (int i = 0; i < perThread; i++) {
					if (client.send(mail).finalReply().code() == 250) {
						sent++;
					}
				}
				return sent;
			}));
		}
		int total = 0;
		for (Future<Integer> future : futures) {
			total += future.get();
		}
		executor.shutdown();
		// retired connections say QUIT on the pool's closer thread: let the last ones
		// finish
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		PoolStats stats = client.stats();
		while (stats.created() - stats.closed() != stats.idle() && System.nanoTime() < deadline) {
			Thread.sleep(10);
			stats = client.stats();
		}
		assertThat(total).isEqualTo(threads * perThread);
		assertThat(accepted).hasValue(threads * perThread);
		assertThat(maxOpen.get()).isBetween(1, 8);
		assertThat(stats.active()).isZero();
		assertThat(stats.pending()).isZero();
		assertThat(stats.idle()).isEqualTo(stats.open()).isLessThanOrEqualTo(8);
		// 16,000 messages at 500 per connection: at least 32 connections, each closed
		// when retired
		assertThat(stats.created()).isGreaterThanOrEqualTo(32);
		assertThat(stats.created() - stats.closed()).isEqualTo(stats.idle());
		client.close();
		assertThat(client.stats().open()).isZero();
		assertThat(open).hasValue(0);
	}

	@Test
	void staleConnectionsDroppedByTheServerAreReplacedTransparently() {
		try (FakeSmtpSink sink = new FakeSmtpSink(true);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.heloName("client.test")
					.pool((pool) -> pool.maxSize(4).validateAfterIdle(Duration.ofHours(1)))
					.build()) {
			Mail mail = Mail.of(Envelope.of("a@test.example", "b@test.example"),
					MessageContent.ofString("Subject: stale\r\n\r\nbody\r\n"));
			client.sendAll(List.of(mail, mail, mail, mail));
			int idleBefore = client.stats().idle();
			assertThat(idleBefore).isGreaterThanOrEqualTo(1);
			for (int round = 0; round < 4; round++) {
				// some rounds with a 421 first, some with a silent close
				sink.dropAll(round % 2 == 0);
				for (int i = 0; i < 3; i++) {
					SendResult result = client.send(mail);
					assertThat(result.finalReply().code()).isEqualTo(250);
				}
			}
			assertThat(sink.messages()).hasSize(4 + 4 * 3);
			assertThat(client.stats().active()).isZero();
		}
	}

	@Test
	void staleConnectionsAreFoundByNoopAfterIdling() {
		try (FakeSmtpSink sink = new FakeSmtpSink(false);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.heloName("client.test")
					.pool((pool) -> pool.maxSize(2).validateAfterIdle(Duration.ZERO))
					.build()) {
			Mail mail = Mail.of(Envelope.of("a@test.example", "b@test.example"),
					MessageContent.ofString("Subject: noop\r\n\r\nbody\r\n"));
			client.send(mail);
			sink.dropAll(true);
			assertThat(client.send(mail).attempts()).isEqualTo(1);
			assertThat(sink.messages()).hasSize(2);
			assertThat(sink.connections()).isEqualTo(2);
		}
	}

	@Test
	void withoutPipeliningEveryCommandWaitsForItsReply() {
		CommandOrderRecorder recorder = new CommandOrderRecorder();
		List<String> order = recorder.order();
		try (FakeSmtpSink sink = new FakeSmtpSink(false);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.heloName("client.test")
					.eventListener(recorder)
					.build()) {
			client.send(Mail.of(Envelope.of("a@test.example", "b@test.example", "c@test.example"),
					MessageContent.ofString("Subject: seq\r\n\r\nbody\r\n")));
			assertThat(sink.messages()).hasSize(1);
		}
		assertThat(order).containsSubsequence(">MAIL", "<MAIL 250", ">RCPT", "<RCPT 250", ">RCPT", "<RCPT 250", ">DATA",
				"<DATA 354");
	}

	@Test
	void withPipeliningAgainstPostfixTheGroupGoesOutBeforeAnyReply() {
		PostfixServers servers = PostfixServers.require();
		CommandOrderRecorder recorder = new CommandOrderRecorder();
		List<String> order = recorder.order();
		String marker = java.util.UUID.randomUUID().toString();
		try (SmtpClient client = SmtpClient
			.builder(servers.settings(servers.startTlsPort(), TlsPolicy.REQUIRED).eventListener(recorder).build())
			.build()) {
			SendResult result = client.send(Mail.of(
					Envelope.of("a@test.example", "p1-" + marker + "@test.example", "rejected@test.example",
							"p2-" + marker + "@test.example"),
					MessageContent.ofString("Subject: " + marker + "\r\n\r\npipelined\r\n")));
			assertThat(result.accepted()).hasSize(2);
			assertThat(result.rejected()).extracting(RecipientResult::address).containsExactly("rejected@test.example");
		}
		int firstMailReply = order.indexOf("<MAIL 250");
		assertThat(order.subList(0, firstMailReply)).containsSubsequence(">MAIL", ">RCPT", ">RCPT", ">RCPT", ">DATA");
		assertThat(order.subList(firstMailReply, order.size())).containsSubsequence("<MAIL 250", "<RCPT 250",
				"<RCPT 550", "<RCPT 250", "<DATA 354", "<DATA 250");
		servers.awaitDelivered(marker, Duration.ofSeconds(10));
	}

	@Test
	void aBatchPutsTheNextMessagesCommandsInTheSameWriteAsTheDataBeforeIt() {
		PostfixServers servers = PostfixServers.require();
		CommandOrderRecorder recorder = new CommandOrderRecorder();
		List<String> order = recorder.order();
		String marker = java.util.UUID.randomUUID().toString();
		List<Mail> batch = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			batch.add(Mail.of(Envelope.of("a@test.example", "batch-" + i + "-" + marker + "@test.example"),
					MessageContent.ofString("Subject: " + marker + " " + i + "\r\n\r\nbatch\r\n")));
		}
		try (SmtpClient client = SmtpClient
			.builder(servers.settings(servers.startTlsPort(), TlsPolicy.REQUIRED).eventListener(recorder).build())
			.pool((pool) -> pool.maxSize(1))
			.build()) {
			List<SendOutcome> outcomes = client.sendAll(batch);
			assertThat(outcomes).allMatch(SendOutcome::isSuccess);
			assertThat(client.stats().created()).isEqualTo(1);
		}
		// the second message's MAIL went out before the first message's final reply came
		// back
		int firstData = order.indexOf("<DATA 354");
		int firstFinal = order.indexOf("<DATA 250");
		assertThat(order.subList(firstData, firstFinal)).contains(">MAIL", ">RCPT", ">DATA");
		for (int i = 0; i < 5; i++) {
			servers.awaitDelivered(marker + " " + i, Duration.ofSeconds(10));
		}
	}

	@Test
	void aBatchToAServerWithoutPipeliningSendsOneCommandAtATime() {
		try (FakeSmtpSink sink = new FakeSmtpSink(false);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.heloName("client.test")
					.pool((pool) -> pool.maxSize(2))
					.build()) {
			List<Mail> batch = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				batch.add(Mail.of(Envelope.of("a@test.example", "b@test.example"),
						MessageContent.ofString("Subject: n" + i + "\r\n\r\nbody\r\n")));
			}
			assertThat(client.sendAll(batch)).allMatch(SendOutcome::isSuccess);
			assertThat(sink.messages()).hasSize(50);
			assertThat(sink.connections()).isLessThanOrEqualTo(2);
		}
	}

}
