package dev.smtpclient.autoconfigure.ratelimit;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared limiter never throws into the client: an unreachable budget means no permit,
 * not a failure the client's batch would have to place.
 */
class JdbcSendRateLimiterTests {

	private static JdbcSendRateLimiter unreachable() {
		// a database without the table: every Bucket4j call fails
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:limiter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return new JdbcSendRateLimiter(dataSource, "smtp_rate_limit", 1, 10);
	}

	@Test
	void noPermitWithoutTheDatabase() {
		assertThat(unreachable().tryAcquire()).isFalse();
	}

	@Test
	void acquireWaitsForTheDatabaseAndStaysInterruptible() throws Exception {
		JdbcSendRateLimiter limiter = unreachable();
		CompletableFuture<Throwable> outcome = new CompletableFuture<>();
		Thread waiter = new Thread(() -> {
			try {
				limiter.acquire();
				outcome.complete(null);
			}
			catch (Throwable ex) {
				outcome.complete(ex);
			}
		});
		waiter.start();
		Thread.sleep(300);
		assertThat(outcome).isNotDone();
		waiter.interrupt();
		assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
	}

}
