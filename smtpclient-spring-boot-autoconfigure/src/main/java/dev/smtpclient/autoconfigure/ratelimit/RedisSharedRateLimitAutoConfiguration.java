package dev.smtpclient.autoconfigure.ratelimit;

import java.util.function.Supplier;

import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpClientCustomizer;
import dev.smtpclient.autoconfigure.SmtpProperties;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of a rate limit shared by every instance through Redis: with
 * {@code smtp.rate-limit.shared=redis}, the client's {@code smtp.rate-limit} messages per
 * second is one budget in a Redis key, through Bucket4j, in place of each instance's own
 * limiter. The Lettuce client is the application's: a {@link AbstractRedisClient} bean,
 * else the one of Spring Boot's Redis auto-configuration
 * ({@link LettuceConnectionFactory}).
 */
@AutoConfiguration(before = SmtpClientAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ Bucket4jLettuce.class, AbstractRedisClient.class })
@ConditionalOnProperty(name = "smtp.rate-limit.shared", havingValue = "redis")
@EnableConfigurationProperties({ SharedRateLimitProperties.class, SmtpProperties.class })
@Import({ RedisSharedRateLimitAutoConfiguration.RedisClientConfiguration.class,
		RedisSharedRateLimitAutoConfiguration.LettuceConnectionFactoryConfiguration.class })
public final class RedisSharedRateLimitAutoConfiguration {

	@Bean
	SmtpClientCustomizer redisSharedRateLimitCustomizer(ObjectProvider<RedisSendRateLimiter> limiter) {
		RedisSendRateLimiter shared = limiter.getIfAvailable();
		if (shared == null) {
			throw new IllegalStateException("smtp.rate-limit.shared=redis needs a Lettuce client: Spring Boot's "
					+ "Redis auto-configuration with its Lettuce driver (spring-boot-starter-data-redis), "
					+ "or a single RedisClient or RedisClusterClient bean");
		}
		return (builder) -> builder.rateLimiter(shared);
	}

	static RedisSendRateLimiter limiter(Supplier<? extends AbstractRedisClient> client,
			SharedRateLimitProperties shared, SmtpProperties properties) {
		return new RedisSendRateLimiter(client, "smtp:rate-limit:" + shared.getId(),
				SharedRateLimitAutoConfiguration.sharedRate(properties, "redis"));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(AbstractRedisClient.class)
	static class RedisClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RedisSendRateLimiter smtpRedisSendRateLimiter(AbstractRedisClient client, SharedRateLimitProperties shared,
				SmtpProperties properties) {
			return limiter(() -> client, shared, properties);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LettuceConnectionFactory.class)
	@ConditionalOnSingleCandidate(LettuceConnectionFactory.class)
	static class LettuceConnectionFactoryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RedisSendRateLimiter smtpRedisSendRateLimiter(LettuceConnectionFactory connectionFactory,
				SharedRateLimitProperties shared, SmtpProperties properties) {
			// the factory creates its client when it starts, after this bean: look it up
			// at the first permit
			return limiter(connectionFactory::getRequiredNativeClient, shared, properties);
		}

	}

}
