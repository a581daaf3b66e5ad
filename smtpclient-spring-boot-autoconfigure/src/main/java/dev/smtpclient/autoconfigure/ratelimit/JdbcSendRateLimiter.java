package dev.smtpclient.autoconfigure.ratelimit;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import dev.smtpclient.SendRateLimiter;

/**
 * A {@link SendRateLimiter} whose budget lives in a PostgreSQL row, through Bucket4j:
 * every instance that uses the same table and id shares one messages-per-second rate.
 * Each permit is one short {@code SELECT ... FOR UPDATE} transaction on that row.
 */
public final class JdbcSendRateLimiter implements SendRateLimiter {

	private static final System.Logger logger = System.getLogger(JdbcSendRateLimiter.class.getName());

	private static final long RETRY_MILLIS = 1000;

	private final Bucket bucket;

	/**
	 * Creates a limiter.
	 * @param dataSource the database holding the table
	 * @param table the table (see
	 * {@code db/smtpclient-rate-limit/postgresql/V1__smtp_rate_limit.sql})
	 * @param id the row of this budget; instances with the same id share it
	 * @param messagesPerSecond the shared rate
	 */
	public JdbcSendRateLimiter(DataSource dataSource, String table, long id, double messagesPerSecond) {
		if (!(messagesPerSecond > 0)) {
			throw new IllegalArgumentException("messagesPerSecond must be positive");
		}
		// a burst of a tenth of a second at most, so the rate holds over short windows
		// too
		long capacity = Math.max(1, (long) Math.ceil(messagesPerSecond / 10));
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(BandwidthBuilder.builder()
				.capacity(capacity)
				.refillGreedy(capacity, Duration.ofNanos((long) (capacity * 1_000_000_000L / messagesPerSecond)))
				.build())
			.build();
		this.bucket = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.table(table)
			.build()
			.builder()
			.build(id, () -> configuration);
	}

	/**
	 * Waits for a permit. While the database cannot be reached it keeps waiting (and
	 * trying again every second): sending without the shared budget could exceed the
	 * provider's limit.
	 */
	@Override
	public void acquire() throws InterruptedException {
		while (true) {
			try {
				this.bucket.asBlocking().consume(1);
				return;
			}
			catch (RuntimeException ex) {
				logger.log(System.Logger.Level.WARNING, "the shared rate limit could not be read; waiting", ex);
				Thread.sleep(RETRY_MILLIS);
			}
		}
	}

	/**
	 * Takes a permit if one is free now; none is free while the database cannot be
	 * reached.
	 */
	@Override
	public boolean tryAcquire() {
		try {
			return this.bucket.tryConsume(1);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
