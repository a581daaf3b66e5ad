package dev.smtpclient.internal.pool;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.PoolSettings;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.internal.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection given back wakes a send that waits for one, even while a graceful close
 * waits for the pool to fall quiet: neither wait may take the other's wake-up.
 */
class ConnectionPoolWakeUpTest {

	private static final ConnectionSettings OFFLINE = ConnectionSettings.builder("smtp://pool.invalid")
		.testMode(true)
		.build();

	@Test
	void aReleaseWakesTheWaitingSendAndNotTheQuiescenceWait() throws Exception {
		ConnectionPool pool = new ConnectionPool(
				PoolSettings.builder().maxSize(2).acquireTimeout(Duration.ofSeconds(10)).build(),
				() -> Session.open(OFFLINE), Clock.systemUTC(), new SmtpEventListener() {
				});
		try {
			PooledConnection first = pool.acquire();
			PooledConnection second = pool.acquire();
			// the close waits first, then a send (a batch worker's next turn) waits for a
			// connection
			Thread quiescence = new Thread(() -> pool.awaitQuiescence(Duration.ofSeconds(10)), "quiescence");
			quiescence.start();
			awaitWaiting(quiescence);
			CompletableFuture<PooledConnection> waiting = new CompletableFuture<>();
			Thread sender = new Thread(() -> waiting.complete(pool.acquire()), "sender");
			sender.start();
			awaitWaiting(sender);
			assertThat(pool.stats().pending()).isEqualTo(1);

			pool.release(first);
			// the idle connection goes to the send at once, not after its acquire timeout
			PooledConnection handedOver = waiting.get(3, TimeUnit.SECONDS);
			assertThat(handedOver).isSameAs(first);
			assertThat(quiescence.isAlive()).isTrue();

			pool.release(second);
			pool.release(handedOver);
			quiescence.join(3000);
			assertThat(quiescence.isAlive()).isFalse();
		}
		finally {
			pool.close();
		}
	}

	private static void awaitWaiting(Thread thread) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(thread.getState()).isEqualTo(Thread.State.TIMED_WAITING);
	}

}
