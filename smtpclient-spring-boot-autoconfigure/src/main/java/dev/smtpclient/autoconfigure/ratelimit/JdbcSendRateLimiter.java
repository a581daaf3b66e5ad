package dev.smtpclient.autoconfigure.ratelimit;

import javax.sql.DataSource;

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
		BucketConfiguration configuration = SharedBudgets.configuration(messagesPerSecond);
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
		SharedBudgets.acquire(logger, () -> this.bucket);
	}

	/**
	 * Takes a permit if one is free now; none is free while the database cannot be
	 * reached.
	 */
	@Override
	public boolean tryAcquire() {
		return SharedBudgets.tryAcquire(() -> this.bucket);
	}

}
