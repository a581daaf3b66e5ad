package dev.smtpclient.autoconfigure.proof;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.postgresql.ds.PGSimpleDataSource;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.SmtpClientBuilder;
import dev.smtpclient.TlsPolicy;
import dev.smtpclient.autoconfigure.ratelimit.JdbcSendRateLimiter;
import dev.smtpclient.autoconfigure.ratelimit.RedisSendRateLimiter;
import dev.smtpclient.outbox.OutboxState;
import dev.smtpclient.outbox.OutboxStats;
import dev.smtpclient.outbox.SmtpOutbox;

/**
 * One application instance, in a JVM of its own: an outbox worker on a shared PostgreSQL
 * that sends through a pooled client, with an optional shared rate limit. It stops once
 * nothing is pending for a while (or when killed).
 * <p>
 * Arguments: jdbc-url user password schema smtp-host smtp-port instance-id shared-rate (0
 * for none) [redis-host redis-port redis-key] (the shared rate in Redis rather than the
 * database; its password in the environment variable {@code OUTBOX_REDIS_PASSWORD});
 * system properties {@code outbox.workers} (2), {@code outbox.batch} (50) and
 * {@code outbox.until=input-closed} (run until standard input closes rather than until
 * idle).
 */
public final class OutboxInstance {

	private OutboxInstance() {
	}

	public static void main(String[] args) throws Exception {
		PGSimpleDataSource database = new PGSimpleDataSource();
		database.setURL(args[0]);
		database.setUser(args[1]);
		database.setPassword(args[2]);
		database.setCurrentSchema(args[3]);
		// pooled as in an application: a new login per rate permit would be the
		// bottleneck
		HikariConfig poolConfig = new HikariConfig();
		poolConfig.setDataSource(database);
		poolConfig.setMaximumPoolSize(8);
		double rate = Double.parseDouble(args[7]);
		try (HikariDataSource dataSource = new HikariDataSource(poolConfig)) {
			SmtpClientBuilder builder = SmtpClient.builder("smtp://" + args[4] + ":" + args[5])
				.tlsPolicy(TlsPolicy.NONE)
				.heloName("client.test")
				.pool((pool) -> pool.maxSize(4));
			if (rate > 0 && args.length > 8) {
				RedisClient redis = RedisClient.create(RedisURI.builder()
					.withHost(args[8])
					.withPort(Integer.parseInt(args[9]))
					.withPassword(System.getenv("OUTBOX_REDIS_PASSWORD").toCharArray())
					.build());
				try (RedisSendRateLimiter limiter = new RedisSendRateLimiter(redis, args[10], rate)) {
					run(dataSource, builder.rateLimiter(limiter), args[6]);
				}
				finally {
					redis.shutdown();
				}
				return;
			}
			if (rate > 0) {
				builder.rateLimiter(new JdbcSendRateLimiter(dataSource, "smtp_rate_limit", 1, rate));
			}
			run(dataSource, builder, args[6]);
		}
	}

	private static void run(DataSource dataSource, SmtpClientBuilder builder, String instanceId) throws Exception {
		try (SmtpClient client = builder.build();
				SmtpOutbox outbox = SmtpOutbox.builder(dataSource)
					.client(client)
					.instanceId(instanceId)
					.workers(Integer.getInteger("outbox.workers", 2))
					.batchSize(Integer.getInteger("outbox.batch", 50))
					.pollInterval(Duration.ofMillis(100))
					.lease(Duration.ofSeconds(3))
					.build()) {
			outbox.start();
			System.out.println("started " + instanceId);
			// stats() counts the whole table: asked ten times a second by three
			// instances, it
			// took a share of the database the workers need
			if ("input-closed".equals(System.getProperty("outbox.until"))) {
				// a measurement's instance: warmed up, then fed more, until the test
				// closes its input
				while (System.in.read() != -1) {
				}
				System.out.println("done " + instanceId + " " + outbox.recordedOutcomes() + ", CPU "
						+ ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L)
						+ " ms");
				return;
			}
			int idle = 0;
			while (idle < 6) {
				Thread.sleep(500);
				OutboxStats stats = outbox.stats();
				boolean pending = stats.count(OutboxState.QUEUED) + stats.count(OutboxState.RETRYING)
						+ stats.count(OutboxState.SENDING) > 0;
				idle = pending ? 0 : idle + 1;
			}
			System.out.println("done " + instanceId + " " + outbox.recordedOutcomes() + ", CPU "
					+ ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L) + " ms");
		}
	}

}
