package dev.smtpclient.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce.LettuceBasedProxyManagerBuilder;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;

import dev.smtpclient.SendRateLimiter;

/**
 * A {@link SendRateLimiter} whose budget lives in a Redis key, through Bucket4j and
 * Lettuce: every instance that uses the same key shares one messages-per-second rate.
 * Each permit is one compare-and-swap round trip to Redis.
 * <p>
 * The limiter opens a connection of its own on the application's client (a
 * {@link RedisClient} or a {@link RedisClusterClient}) at its first {@link #acquire()},
 * and closes it in {@link #close()}; the client stays the application's. The key expires
 * once its budget has refilled, so an idle budget leaves nothing behind.
 */
public final class RedisSendRateLimiter implements SendRateLimiter, AutoCloseable {

	private static final System.Logger logger = System.getLogger(RedisSendRateLimiter.class.getName());

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

	private final Supplier<? extends AbstractRedisClient> client;

	private final String key;

	private final BucketConfiguration configuration;

	private final Object lock = new Object();

	private @Nullable StatefulConnection<String, byte[]> connection;

	private volatile @Nullable Bucket bucket;

	private boolean closed;

	/**
	 * Creates a limiter.
	 * @param client the application's Lettuce client, standalone or cluster
	 * @param key the key of this budget; instances with the same key share it
	 * @param messagesPerSecond the shared rate
	 */
	public RedisSendRateLimiter(AbstractRedisClient client, String key, double messagesPerSecond) {
		this(() -> client, key, messagesPerSecond);
	}

	/**
	 * Creates a limiter on a client that may not exist yet (one that Spring Data Redis
	 * creates when its connection factory starts).
	 * @param client gives the client at the first {@link #acquire()}
	 * @param key the key of this budget
	 * @param messagesPerSecond the shared rate
	 */
	RedisSendRateLimiter(Supplier<? extends AbstractRedisClient> client, String key, double messagesPerSecond) {
		if (key.isEmpty()) {
			throw new IllegalArgumentException("key must not be empty");
		}
		this.configuration = SharedBudgets.configuration(messagesPerSecond);
		this.client = client;
		this.key = key;
	}

	/**
	 * Waits for a permit. While Redis cannot be reached it keeps waiting (and trying
	 * again every second): sending without the shared budget could exceed the provider's
	 * limit.
	 */
	@Override
	public void acquire() throws InterruptedException {
		SharedBudgets.acquire(logger, this::connectedBucket);
	}

	/**
	 * Takes a permit if one is free now; none is free while Redis cannot be reached or
	 * before the first {@link #acquire()} has connected (connecting could take long).
	 */
	@Override
	public boolean tryAcquire() {
		return SharedBudgets.tryAcquire(() -> {
			Bucket bucket = this.bucket;
			if (bucket == null) {
				throw new IllegalStateException("not connected yet");
			}
			return bucket;
		});
	}

	/**
	 * Closes this limiter's connection. The client is left open.
	 */
	@Override
	public void close() {
		synchronized (this.lock) {
			this.closed = true;
			this.bucket = null;
			if (this.connection != null) {
				this.connection.close();
				this.connection = null;
			}
		}
	}

	private Bucket connectedBucket() {
		Bucket bucket = this.bucket;
		if (bucket != null) {
			return bucket;
		}
		synchronized (this.lock) {
			if (this.closed) {
				throw new IllegalStateException("the shared rate limit is closed");
			}
			if (this.bucket == null) {
				this.bucket = connect(this.client.get());
			}
			return this.bucket;
		}
	}

	private Bucket connect(AbstractRedisClient client) {
		LettuceBasedProxyManagerBuilder<String> builder;
		if (client instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<String, byte[]> connection = cluster.connect(CODEC);
			this.connection = connection;
			builder = Bucket4jLettuce.casBasedBuilder(connection);
		}
		else if (client instanceof RedisClient standalone) {
			StatefulRedisConnection<String, byte[]> connection = standalone.connect(CODEC);
			this.connection = connection;
			builder = Bucket4jLettuce.casBasedBuilder(connection);
		}
		else {
			throw new IllegalStateException("unsupported Redis client " + client.getClass().getName());
		}
		return builder
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
			.build()
			.builder()
			.build(this.key, () -> this.configuration);
	}

}
