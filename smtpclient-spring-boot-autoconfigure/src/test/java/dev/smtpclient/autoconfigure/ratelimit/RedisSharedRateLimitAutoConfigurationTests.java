package dev.smtpclient.autoconfigure.ratelimit;

import java.util.concurrent.ThreadLocalRandom;

import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.autoconfigure.SmtpClientCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

class RedisSharedRateLimitAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RedisSharedRateLimitAutoConfiguration.class,
				SharedRateLimitAutoConfiguration.class, SmtpClientAutoConfiguration.class))
		.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true", "smtp.rate-limit=20");

	// nothing listens there: a limiter connects at its first permit only
	private static RedisClient unreachableClient() {
		return RedisClient.create("redis://127.0.0.1:1");
	}

	@Test
	void localLimiterUnlessShared() {
		this.contextRunner.withBean(RedisClient.class, RedisSharedRateLimitAutoConfigurationTests::unreachableClient)
			.run((context) -> assertThat(context).hasSingleBean(SmtpClient.class)
				.doesNotHaveBean(RedisSendRateLimiter.class)
				.doesNotHaveBean(SmtpClientCustomizer.class));
	}

	@Test
	void sharedThroughARedisClientBean() {
		this.contextRunner.withBean(RedisClient.class, RedisSharedRateLimitAutoConfigurationTests::unreachableClient)
			.withPropertyValues("smtp.rate-limit.shared=redis")
			.run((context) -> assertThat(context).hasSingleBean(SmtpClient.class)
				.hasSingleBean(RedisSendRateLimiter.class)
				.hasBean("redisSharedRateLimitCustomizer")
				.doesNotHaveBean("sharedRateLimitCustomizer"));
	}

	@Test
	void sharedThroughSpringBootsRedisAutoConfiguration() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("smtp.rate-limit.shared=redis", "spring.data.redis.port=1")
			.run((context) -> assertThat(context).hasSingleBean(LettuceConnectionFactory.class)
				.hasSingleBean(RedisSendRateLimiter.class)
				.hasBean("redisSharedRateLimitCustomizer"));
	}

	@Test
	void sharedWithoutALettuceClientFailsWithTheReason() {
		this.contextRunner.withPropertyValues("smtp.rate-limit.shared=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("smtp.rate-limit.shared=redis needs a Lettuce client"));
	}

	@Test
	void sharedWithoutARateFailsWithTheReason() {
		this.contextRunner.withBean(RedisClient.class, RedisSharedRateLimitAutoConfigurationTests::unreachableClient)
			.withPropertyValues("smtp.rate-limit=0", "smtp.rate-limit.shared=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("smtp.rate-limit.shared=redis needs smtp.rate-limit"));
	}

	@Test
	void notSharedWithoutBucket4jLettuce() {
		this.contextRunner.withBean(RedisClient.class, RedisSharedRateLimitAutoConfigurationTests::unreachableClient)
			.withPropertyValues("smtp.rate-limit.shared=redis")
			.withClassLoader(new FilteredClassLoader(Bucket4jLettuce.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RedisSendRateLimiter.class)
				.doesNotHaveBean("redisSharedRateLimitCustomizer"));
	}

	@Test
	void aRedisClientBeanWithoutSpringDataRedis() {
		this.contextRunner.withBean(RedisClient.class, RedisSharedRateLimitAutoConfigurationTests::unreachableClient)
			.withPropertyValues("smtp.rate-limit.shared=redis")
			.withClassLoader(new FilteredClassLoader(LettuceConnectionFactory.class))
			.run((context) -> assertThat(context).hasSingleBean(RedisSendRateLimiter.class));
	}

	@Test
	void backsOffFromTheApplicationsLimiter() {
		this.contextRunner.withBean(RedisClient.class, RedisSharedRateLimitAutoConfigurationTests::unreachableClient)
			.withBean("myLimiter", RedisSendRateLimiter.class,
					() -> new RedisSendRateLimiter(unreachableClient(), "mine", 5))
			.withPropertyValues("smtp.rate-limit.shared=redis")
			.run((context) -> assertThat(context).hasSingleBean(RedisSendRateLimiter.class).hasBean("myLimiter"));
	}

	@Test
	void sharedInTheRealRedisThroughSpringBoot() {
		TestRedis redis = TestRedis.running();
		long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues(redis.springProperties())
			.withPropertyValues("smtp.rate-limit.shared=redis", "smtp.rate-limit.id=" + id)
			.run((context) -> {
				RedisSendRateLimiter limiter = context.getBean(RedisSendRateLimiter.class);
				limiter.acquire();
				assertThat(limiter.tryAcquire()).isTrue();
				RedisClient client = redis.client();
				try (StatefulRedisConnection<String, String> connection = client.connect()) {
					assertThat(connection.sync().exists("smtp:rate-limit:" + id)).isOne();
				}
				finally {
					client.shutdown();
				}
			});
	}

}
