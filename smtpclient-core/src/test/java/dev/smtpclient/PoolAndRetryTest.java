package dev.smtpclient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.smtpclient.test.FakeSmtpSink;
import dev.smtpclient.test.MutableClock;
import dev.smtpclient.test.ScriptedSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The pool and the retry loop: no connection closed twice, nothing foreign under the
 * pool's lock, no wait for a stale connection's QUIT, and only a connection the server
 * really dropped counts as stale.
 */
class PoolAndRetryTest {

	private static final Mail MAIL = Mail.of(Envelope.of("sender@example.com", "rcpt@example.com"),
			MessageContent.ofString("Subject: x\r\n\r\ny\r\n"));

	@Test
	void listenersAreCalledOutsideThePoolLock() throws Exception {
		AtomicReference<SmtpClient> holder = new AtomicReference<>();
		AtomicInteger blocked = new AtomicInteger();
		SmtpEventListener listener = new SmtpEventListener() {
			@Override
			public void poolChanged(PoolStats stats) {
				SmtpClient client = holder.get();
				if (client == null) {
					return;
				}
				// a listener that hands the stats to another thread (a metrics registry,
				// a log appender) must not
				// find the pool locked
				CompletableFuture<PoolStats> elsewhere = CompletableFuture.supplyAsync(client::stats);
				try {
					elsewhere.get(2, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					blocked.incrementAndGet();
				}
			}
		};
		try (SmtpClient client = SmtpClient.builder("smtp://pool.invalid")
			.test(true)
			.housekeeping(false)
			.eventListener(listener)
			.build()) {
			holder.set(client);
			client.send(MAIL);
			client.send(MAIL);
		}
		assertThat(blocked).hasValue(0);
	}

	@Test
	void aStaleConnectionsQuitIsNotWaitedForBySend() {
		MutableClock clock = new MutableClock();
		List<String> order = new CopyOnWriteArrayList<>();
		try (FakeSmtpSink sink = new FakeSmtpSink(true);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.tlsPolicy(TlsPolicy.NONE)
					.clock(clock)
					.housekeeping(false)
					.pool((pool) -> pool.idleTimeout(Duration.ofSeconds(30)))
					.eventListener(new SmtpEventListener() {
						@Override
						public void messageAccepted(SmtpConnectionInfo connection, SendResult result, Duration took) {
							order.add("accepted on " + connection.id());
						}

						@Override
						public void connectionClosed(SmtpConnectionInfo connection) {
							order.add("closed " + connection.id());
						}
					})
					.build()) {
			client.send(MAIL);
			sink.quitDelay(Duration.ofSeconds(2));
			clock.advance(Duration.ofSeconds(31));
			client.send(MAIL);
			// the second message went on a new connection while the idle one was still
			// saying goodbye
			assertThat(order).hasSizeGreaterThanOrEqualTo(2);
			assertThat(order.get(0)).startsWith("accepted on ");
			assertThat(order.get(1)).startsWith("accepted on ").isNotEqualTo(order.get(0));
		}
	}

	@Test
	void everyConnectionIsClosedExactlyOnceWhenCloseRacesARelease() throws Exception {
		for (int round = 0; round < 300; round++) {
			AtomicInteger closedEvents = new AtomicInteger();
			SmtpClient client = SmtpClient.builder("smtp://pool.invalid")
				.test(true)
				.housekeeping(false)
				.eventListener(new SmtpEventListener() {
					@Override
					public void connectionClosed(SmtpConnectionInfo connection) {
						closedEvents.incrementAndGet();
					}
				})
				.build();
			CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
				try {
					client.send(MAIL);
				}
				catch (IllegalStateException ex) {
					// closed before the send began
				}
			});
			client.close();
			sending.get(10, TimeUnit.SECONDS);
			PoolStats stats = client.stats();
			assertThat(stats.closed()).as("round %d: %s", round, stats).isEqualTo(stats.created());
			assertThat(closedEvents).hasValue((int) stats.created());
		}
	}

	@Test
	void aTimeoutAtMailOnAReusedConnectionIsNotAStaleConnection() {
		AtomicInteger connects = new AtomicInteger();
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			server.reply("220 fake.test ESMTP")
				.ehlo("PIPELINING")
				.expect("MAIL FROM:")
				.expect("RCPT TO:")
				.expect("DATA")
				.send("250 ok\r\n250 ok\r\n354 go ahead\r\n")
				.readData()
				.reply("250 2.0.0 queued")
				.expect("MAIL FROM:")
				.pause(Duration.ofSeconds(2))
				.start();
			try (SmtpClient client = SmtpClient.builder(ConnectionSettings.builder("smtp://127.0.0.1:" + server.port())
				.tlsPolicy(TlsPolicy.NONE)
				.commandTimeout(Duration.ofMillis(400))
				.connectTimeout(Duration.ofMillis(400))
				.eventListener(new SmtpEventListener() {
					@Override
					public void sessionReady(SmtpConnectionInfo connection, ServerCapabilities capabilities) {
						connects.incrementAndGet();
					}

					@Override
					public void connectStart(SmtpConnectionInfo connection, java.net.InetSocketAddress address) {
						connects.incrementAndGet();
					}
				})
				.build()).pool((pool) -> pool.maxSize(4)).build()) {
				client.send(MAIL);
				SmtpException failure = catchThrowableOfType(SmtpException.class, () -> client.send(MAIL));
				assertThat(failure).isInstanceOf(SmtpTimeoutException.class);
				assertThat(failure.phase()).isEqualTo(SmtpPhase.MAIL);
				// one connect and one session: the slow server was not hit again at once,
				// past the retry policy
				assertThat(connects).hasValue(2);
			}
		}
	}

	@Test
	void retriesAfterAStaleConnectionStillWaitForTheRateLimiter() {
		try (FakeSmtpSink sink = new FakeSmtpSink(false);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.tlsPolicy(TlsPolicy.NONE)
					.housekeeping(false)
					.rateLimit(4)
					.retry(new RetryPolicy(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)))
					.build()) {
			client.send(MAIL);
			sink.dropAll(false);
			sink.deferNextMails(2);
			long started = System.nanoTime();
			SendResult result = client.send(MAIL);
			// a stale connection, then two deferrals: three real attempts, each after its
			// own 250 ms permit
			assertThat(result.attempts()).isEqualTo(3);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
		}
	}

	@Test
	void eachAttemptMayReplaceAStaleConnectionAgain() {
		AtomicBoolean dropAfterDeferral = new AtomicBoolean();
		AtomicReference<FakeSmtpSink> sinkHolder = new AtomicReference<>();
		try (FakeSmtpSink sink = new FakeSmtpSink(false);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.tlsPolicy(TlsPolicy.NONE)
					.housekeeping(false)
					.pool((pool) -> pool.maxSize(1))
					.retry(new RetryPolicy(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)))
					.eventListener(new SmtpEventListener() {
						@Override
						public void messageFailed(SmtpConnectionInfo connection, SmtpException error, Duration took) {
							// the server drops the connection while it waits, idle, for
							// the
							// next attempt
							if (error instanceof SmtpReplyException reply && reply.replyCode() == 451
									&& dropAfterDeferral.getAndSet(false)) {
								sinkHolder.get().dropAll(false);
							}
						}
					})
					.build()) {
			sinkHolder.set(sink);
			client.send(MAIL);
			sink.dropAll(false);
			sink.deferNextMails(1);
			dropAfterDeferral.set(true);
			// stale, deferred on a new connection, stale again, then sent: each real
			// attempt starts with a fresh allowance of stale connections
			SendResult result = client.send(MAIL);
			assertThat(result.attempts()).isEqualTo(2);
			assertThat(sink.connections()).isEqualTo(3);
		}
	}

	@Test
	void withoutPipeliningNothingIsWrittenAfterA421() {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			server.reply("220 fake.test ESMTP")
				.ehlo("8BITMIME")
				.expect("MAIL FROM:")
				.reply("250 ok")
				.expect("RCPT TO:<one@")
				.reply("421 4.3.2 shutting down")
				.start();
			try (SmtpConnection connection = SmtpConnection
				.open(ConnectionSettings.builder("smtp://127.0.0.1:" + server.port())
					.tlsPolicy(TlsPolicy.NONE)
					.build())) {
				SmtpException failure = catchThrowableOfType(SmtpException.class, () -> connection
					.send(Envelope.of("sender@example.com", "one@example.com", "two@example.com"), MAIL.content()));
				assertThat(failure).isInstanceOf(SmtpReplyException.class);
				assertThat(((SmtpReplyException) failure).replyCode()).isEqualTo(421);
				assertThat(failure.isTransient()).isTrue();
			}
			server.await();
			assertThat(server.drain(Duration.ofMillis(300))).doesNotContain("two@example.com").doesNotContain("QUIT");
		}
	}

	@Test
	void whenEveryRecipientIsRefusedTheirRepliesWinOverAFailedRset() {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			server.reply("220 fake.test ESMTP")
				.ehlo("PIPELINING")
				.expect("MAIL FROM:")
				.expect("RCPT TO:")
				.expect("DATA")
				.send("250 ok\r\n550 5.1.1 no such user\r\n503 5.5.1 no valid recipients\r\n")
				.expect("RSET")
				.reply("451 4.3.0 cannot reset now")
				.start();
			try (SmtpConnection connection = SmtpConnection
				.open(ConnectionSettings.builder("smtp://127.0.0.1:" + server.port())
					.tlsPolicy(TlsPolicy.NONE)
					.build())) {
				SmtpException failure = catchThrowableOfType(SmtpException.class, () -> connection.send(MAIL));
				assertThat(failure).isInstanceOf(SmtpRecipientsRejectedException.class);
				assertThat(failure.isTransient()).isFalse();
				assertThat(((SmtpRecipientsRejectedException) failure).recipients()).singleElement()
					.satisfies((recipient) -> assertThat(recipient.reply().code()).isEqualTo(550));
				assertThat(connection.isUsable()).isFalse();
			}
			server.await();
		}
	}

}
