package dev.smtpclient.autoconfigure.ratelimit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpClientCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

class SharedRateLimitAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SharedRateLimitAutoConfiguration.class, SmtpClientAutoConfiguration.class))
		.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true", "smtp.rate-limit=20");

	@Test
	void localLimiterUnlessShared() {
		this.contextRunner.withBean(DataSource.class, () -> new org.h2.jdbcx.JdbcDataSource())
			.run((context) -> assertThat(context).hasSingleBean(SmtpClient.class)
				.doesNotHaveBean(SmtpClientCustomizer.class));
	}

	@Test
	void sharedThroughTheDataSource() {
		this.contextRunner.withBean(DataSource.class, TestPostgresql::withRateLimitTable)
			.withPropertyValues("smtp.rate-limit.shared=jdbc")
			.run((context) -> assertThat(context).hasSingleBean(SmtpClient.class).hasBean("sharedRateLimitCustomizer"));
	}

	@Test
	void sharedWithoutARateFailsWithTheReason() {
		this.contextRunner.withBean(DataSource.class, () -> new org.h2.jdbcx.JdbcDataSource())
			.withPropertyValues("smtp.rate-limit=0", "smtp.rate-limit.shared=jdbc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("smtp.rate-limit.shared=jdbc needs smtp.rate-limit"));
	}

	@Test
	void notSharedWithoutBucket4j() {
		this.contextRunner.withBean(DataSource.class, () -> new org.h2.jdbcx.JdbcDataSource())
			.withPropertyValues("smtp.rate-limit.shared=jdbc")
			.withClassLoader(new FilteredClassLoader(Bucket4jPostgreSQL.class))
			.run((context) -> assertThat(context).doesNotHaveBean("sharedRateLimitCustomizer"));
	}

	@Test
	void twoLimitersOnOneRowShareOneRate() throws Exception {
		// pooled, as an application's DataSource is: a new connection per permit would
		// cost more than the permit
		HikariConfig pool = new HikariConfig();
		pool.setDataSource(TestPostgresql.withRateLimitTable());
		pool.setMaximumPoolSize(4);
		try (HikariDataSource dataSource = new HikariDataSource(pool)) {
			JdbcSendRateLimiter first = new JdbcSendRateLimiter(dataSource, "smtp_rate_limit", 1, 20);
			JdbcSendRateLimiter second = new JdbcSendRateLimiter(dataSource, "smtp_rate_limit", 1, 20);
			JdbcSendRateLimiter elsewhere = new JdbcSendRateLimiter(dataSource, "smtp_rate_limit", 2, 20);
			int shared = Permits.within(2000, first, second);
			int separate = Permits.within(2000, first, elsewhere);
			// one budget of 20/s over 2 s (plus a burst of 2), not 20/s each
			assertThat(shared).isBetween(30, 46);
			assertThat(separate).isGreaterThan(shared + 20);
		}
	}

}
