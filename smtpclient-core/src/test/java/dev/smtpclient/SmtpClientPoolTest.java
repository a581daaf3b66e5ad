package dev.smtpclient;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.smtpclient.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The pool's rules, driven with test-mode connections (no network) and a clock the test
 * moves.
 */
class SmtpClientPoolTest {

	private final MutableClock clock = new MutableClock();

	private final List<PoolStats> published = new CopyOnWriteArrayList<>();

	private static final Mail MAIL = Mail.of(Envelope.of("a@example.com", "b@example.com"),
			MessageContent.ofString("Subject: x\r\n\r\ny\r\n"));

	private SmtpClientBuilder client(java.util.function.Consumer<PoolSettings.Builder> pool) {
		return SmtpClient.builder("smtp://pool.invalid")
			.test(true)
			.clock(this.clock)
			.housekeeping(false)
			.eventListener(new SmtpEventListener() {
				@Override
				public void poolChanged(PoolStats stats) {
					SmtpClientPoolTest.this.published.add(stats);
				}
			})
			.pool(pool);
	}

	@Test
	void sequentialSendsReuseOneConnection() {
		try (SmtpClient client = client((pool) -> {
		}).build()) {
			for (int i = 0; i < 5; i++) {
				assertThat(client.send(MAIL).attempts()).isEqualTo(1);
			}
			assertThat(client.stats()).isEqualTo(new PoolStats(0, 1, 0, 8, 1, 0));
			assertThat(client.isConnected()).isTrue();
		}
		assertThat(this.published).last().isEqualTo(new PoolStats(0, 0, 0, 8, 1, 1));
	}

	@Test
	void aConnectionRetiresAfterItsMessageCap() {
		try (SmtpClient client = client((pool) -> pool.maxMessagesPerConnection(2)).build()) {
			for (int i = 0; i < 5; i++) {
				client.send(MAIL);
			}
			assertThat(client.stats().created()).isEqualTo(3);
			assertThat(awaitClosed(client, 2)).isEqualTo(2);
		}
	}

	@Test
	void idleConnectionsAreClosedByTheHousekeeperDownToMinIdle() {
		try (SmtpClient client = client((pool) -> pool.idleTimeout(Duration.ofSeconds(30)).minIdle(1)).build()) {
			PoolStats afterSend;
			List<CompletableFuture<SendResult>> batch = new java.util.ArrayList<>();
			client.sendAll(List.of(MAIL, MAIL, MAIL, MAIL));
			afterSend = client.stats();
			assertThat(afterSend.idle()).isBetween(1, 4);
			this.clock.advance(Duration.ofSeconds(29));
			invokeHousekeeping(client);
			assertThat(client.stats().idle()).isEqualTo(afterSend.idle());
			this.clock.advance(Duration.ofSeconds(2));
			invokeHousekeeping(client);
			assertThat(client.stats().idle()).isEqualTo(1);
			assertThat(batch).isEmpty();
		}
	}

	@Test
	void minIdleIsFilledByTheHousekeeper() {
		try (SmtpClient client = client((pool) -> pool.minIdle(3)).build()) {
			assertThat(client.stats().open()).isZero();
			invokeHousekeeping(client);
			assertThat(client.stats().idle()).isEqualTo(3);
			assertThat(client.stats().created()).isEqualTo(3);
		}
	}

	@Test
	void aConnectionPastItsLifetimeIsNeverLentAgain() {
		try (SmtpClient client = client(
				(pool) -> pool.maxLifetime(Duration.ofMinutes(10)).idleTimeout(Duration.ofMinutes(20)))
			.build()) {
			client.send(MAIL);
			this.clock.advance(Duration.ofMinutes(9));
			client.send(MAIL);
			assertThat(client.stats().created()).isEqualTo(1);
			this.clock.advance(Duration.ofMinutes(1));
			client.send(MAIL);
			assertThat(client.stats().created()).isEqualTo(2);
			assertThat(awaitClosed(client, 1)).isEqualTo(1);
		}
	}

	@Test
	void aSendWaitsBoundedlyForAFreeConnection() throws Exception {
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		MessageContent blocking = new MessageContent() {
			@Override
			public void writeTo(OutputStream out) throws IOException {
				writing.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				out.write("Subject: slow\r\n\r\n".getBytes());
			}

			@Override
			public boolean isEightBit() {
				return false;
			}
		};
		try (SmtpClient client = client((pool) -> pool.maxSize(1).acquireTimeout(Duration.ofMillis(300))).build()) {
			CompletableFuture<SendResult> slow = client.sendAsync(Mail.of(MAIL.envelope(), blocking));
			assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
			long started = System.nanoTime();
			assertThatExceptionOfType(SmtpPoolTimeoutException.class).isThrownBy(() -> client.send(MAIL))
				.withMessageContaining("1 of 1 connections busy")
				.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250),
					Duration.ofSeconds(3));
			assertThat(this.published).anyMatch((stats) -> stats.pending() == 1);
			release.countDown();
			assertThat(slow.get(5, TimeUnit.SECONDS).finalReply().code()).isEqualTo(250);
			assertThat(client.send(MAIL).finalReply().code()).isEqualTo(250);
			assertThat(client.stats().created()).isEqualTo(1);
		}
	}

	@Test
	void sendAllReturnsOneOutcomePerMessageInOrder() {
		Mail bad = Mail.of(Envelope.of("a@example.com", "b@example.com"), new MessageContent() {
			@Override
			public void writeTo(OutputStream out) throws IOException {
				throw new IOException("attachment vanished");
			}

			@Override
			public boolean isEightBit() {
				return false;
			}
		});
		try (SmtpClient client = client((pool) -> pool.maxSize(3)).build()) {
			List<SendOutcome> outcomes = client.sendAll(List.of(MAIL, bad, MAIL));
			assertThat(outcomes).extracting(SendOutcome::index).containsExactly(0, 1, 2);
			assertThat(outcomes).extracting(SendOutcome::isSuccess).containsExactly(true, false, true);
			assertThat(outcomes.get(1).error()).hasMessageContaining("attachment vanished");
			assertThat(client.stats().active()).isZero();
			assertThat(client.stats().max()).isEqualTo(3);
		}
	}

	@Test
	void disconnectClosesIdleConnectionsAndTheClientStaysUsable() {
		try (SmtpClient client = client((pool) -> {
		}).build()) {
			client.connect();
			assertThat(client.stats().idle()).isEqualTo(1);
			client.disconnect();
			assertThat(client.stats().open()).isZero();
			client.send(MAIL);
			assertThat(client.stats().created()).isEqualTo(2);
		}
	}

	@Test
	void closeIsIdempotentAndFinal() {
		SmtpClient client = client((pool) -> {
		}).build();
		client.send(MAIL);
		client.close();
		client.close();
		assertThat(client.stats().open()).isZero();
		assertThatIllegalStateException().isThrownBy(() -> client.send(MAIL));
	}

	@Test
	void theRateLimitSpacesSends() {
		try (SmtpClient client = client((pool) -> {
		}).rateLimit(20).build()) {
			long started = System.nanoTime();
			for (int i = 0; i < 6; i++) {
				client.send(MAIL);
			}
			// the first goes at once, the next five each wait 50 ms
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(240));
		}
	}

	@Test
	void configurationIsValidated() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> PoolSettings.builder().maxSize(0).build())
			.withMessageContaining("pool.maxSize");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> PoolSettings.builder().minIdle(9).build())
			.withMessageContaining("pool.minIdle");
		assertThat(PoolSettings.defaults().idleTimeout()).isLessThan(Duration.ofSeconds(300));
	}

	/**
	 * Retired connections are closed off the sending thread: waits a little for them.
	 */
	private static long awaitClosed(SmtpClient client, long expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (client.stats().closed() < expected && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		return client.stats().closed();
	}

	private static void invokeHousekeeping(SmtpClient client) {
		client.housekeep();
	}

}
