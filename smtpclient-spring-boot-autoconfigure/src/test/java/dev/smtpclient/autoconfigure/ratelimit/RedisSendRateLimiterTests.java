package dev.smtpclient.autoconfigure.ratelimit;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Redis budget is one rate for every limiter on its key, against the Redis that
 * {@code .ci/databases} runs, and never throws into the client when Redis is away.
 */
class RedisSendRateLimiterTests {

	private RedisClient client;

	@AfterEach
	void shutdown() {
		if (this.client != null) {
			this.client.shutdown();
		}
	}

	@Test
	void twoLimitersOnOneKeyShareOneRate() throws Exception {
		this.client = TestRedis.running().client();
		String key = "smtp:rate-limit:test-" + UUID.randomUUID();
		try (RedisSendRateLimiter first = new RedisSendRateLimiter(this.client, key, 20);
				RedisSendRateLimiter second = new RedisSendRateLimiter(this.client, key, 20);
				RedisSendRateLimiter elsewhere = new RedisSendRateLimiter(this.client, key + "-other", 20)) {
			int shared = Permits.within(2000, first, second);
			int separate = Permits.within(2000, first, elsewhere);
			// one budget of 20/s over 2 s (plus a burst of 2), not 20/s each
			assertThat(shared).isBetween(30, 46);
			assertThat(separate).isGreaterThan(shared + 20);
		}
	}

	@Test
	void noPermitBeforeTheFirstAcquireHasConnected() throws Exception {
		this.client = TestRedis.running().client();
		try (RedisSendRateLimiter limiter = new RedisSendRateLimiter(this.client,
				"smtp:rate-limit:test-" + UUID.randomUUID(), 20)) {
			assertThat(limiter.tryAcquire()).isFalse();
			limiter.acquire();
			assertThat(limiter.tryAcquire()).isTrue();
		}
	}

	@Test
	void noPermitWithoutRedis() {
		this.client = RedisClient.create("redis://127.0.0.1:1");
		try (RedisSendRateLimiter limiter = new RedisSendRateLimiter(this.client, "smtp:rate-limit:1", 10)) {
			assertThat(limiter.tryAcquire()).isFalse();
		}
	}

	@Test
	void acquireWaitsForRedisAndStaysInterruptible() throws Exception {
		this.client = RedisClient.create("redis://127.0.0.1:1");
		try (RedisSendRateLimiter limiter = new RedisSendRateLimiter(this.client, "smtp:rate-limit:1", 10)) {
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

	@Test
	void noPermitOnceClosed() throws Exception {
		this.client = TestRedis.running().client();
		RedisSendRateLimiter limiter = new RedisSendRateLimiter(this.client,
				"smtp:rate-limit:test-" + UUID.randomUUID(), 20);
		limiter.acquire();
		limiter.close();
		assertThat(limiter.tryAcquire()).isFalse();
	}

	@Test
	void rejectsAnEmptyKeyAndANonPositiveRate() {
		this.client = RedisClient.create("redis://127.0.0.1:1");
		assertThatIllegalArgumentException().isThrownBy(() -> new RedisSendRateLimiter(this.client, "", 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new RedisSendRateLimiter(this.client, "k", 0));
	}

}
