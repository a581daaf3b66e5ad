package dev.smtpclient.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * The shape of a shared budget and its policy when the store cannot be reached, whatever
 * store holds it: a permit is never given without the store, since sending without the
 * shared budget could exceed the provider's limit.
 */
final class SharedBudgets {

	private static final long RETRY_MILLIS = 1000;

	private SharedBudgets() {
	}

	/**
	 * The configuration of a budget of the given rate: a burst of a tenth of a second at
	 * most, so the rate holds over short windows too.
	 * @param messagesPerSecond the rate
	 * @return its configuration
	 */
	static BucketConfiguration configuration(double messagesPerSecond) {
		if (!(messagesPerSecond > 0)) {
			throw new IllegalArgumentException("messagesPerSecond must be positive");
		}
		long capacity = Math.max(1, (long) Math.ceil(messagesPerSecond / 10));
		return BucketConfiguration.builder()
			.addLimit(BandwidthBuilder.builder()
				.capacity(capacity)
				.refillGreedy(capacity, Duration.ofNanos((long) (capacity * 1_000_000_000L / messagesPerSecond)))
				.build())
			.build();
	}

	/**
	 * Waits for a permit; while the store cannot be reached, keeps waiting and trying
	 * again every second.
	 * @param logger where an unreachable store is reported
	 * @param bucket the bucket, looked up on every try (the lookup may fail too)
	 * @throws InterruptedException if interrupted while waiting
	 */
	static void acquire(System.Logger logger, Supplier<Bucket> bucket) throws InterruptedException {
		while (true) {
			try {
				bucket.get().asBlocking().consume(1);
				return;
			}
			catch (RuntimeException ex) {
				logger.log(System.Logger.Level.WARNING, "the shared rate limit could not be read; waiting", ex);
				Thread.sleep(RETRY_MILLIS);
			}
		}
	}

	/**
	 * Takes a permit if one is free now; none is free while the store cannot be reached.
	 * @param bucket the bucket (the lookup may fail too)
	 * @return whether a permit was taken
	 */
	static boolean tryAcquire(Supplier<Bucket> bucket) {
		try {
			return bucket.get().tryConsume(1);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
