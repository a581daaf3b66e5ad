package dev.smtpclient.autoconfigure.ratelimit;

import javax.sql.DataSource;

import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.smtpclient.SendRateLimiter;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpClientCustomizer;
import dev.smtpclient.autoconfigure.SmtpProperties;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of a rate limit shared by every instance: with
 * {@code smtp.rate-limit.shared=jdbc}, the client's {@code smtp.rate-limit} messages per
 * second is one budget in a row of the application's PostgreSQL, through Bucket4j, in
 * place of each instance's own limiter. {@code smtp.rate-limit.shared=redis} is
 * {@link RedisSharedRateLimitAutoConfiguration}'s.
 */
@AutoConfiguration(before = SmtpClientAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({ Bucket4jPostgreSQL.class, DataSource.class })
@ConditionalOnProperty(name = "smtp.rate-limit.shared", havingValue = "jdbc")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties({ SharedRateLimitProperties.class, SmtpProperties.class })
public final class SharedRateLimitAutoConfiguration {

	@Bean
	SmtpClientCustomizer sharedRateLimitCustomizer(DataSource dataSource, SharedRateLimitProperties shared,
			SmtpProperties properties) {
		SendRateLimiter limiter = new JdbcSendRateLimiter(dataSource, shared.getTable(), shared.getId(),
				sharedRate(properties, "jdbc"));
		return (builder) -> builder.rateLimiter(limiter);
	}

	static double sharedRate(SmtpProperties properties, String store) {
		if (!(properties.getRateLimit() > 0)) {
			throw new IllegalStateException(
					"smtp.rate-limit.shared=" + store + " needs smtp.rate-limit, the shared messages per second");
		}
		return properties.getRateLimit();
	}

}
