package dev.smtpclient.autoconfigure.ratelimit;

import java.util.Properties;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import dev.smtpclient.test.TestServerProperties;

/**
 * The Redis that {@code .ci/databases start} runs, found through
 * {@code servers.properties}: skipped locally when it is not running, a failure in CI
 * ({@code SMTP_TEST_REQUIRE_SERVERS=true}).
 *
 * @param host its address
 * @param port its port
 * @param password its password
 */
record TestRedis(String host, int port, String password) {

	static TestRedis running() {
		Properties properties = TestServerProperties.require("redis.host", "the test Redis",
				"bash .ci/databases start redis");
		return new TestRedis(properties.getProperty("redis.host"),
				Integer.parseInt(properties.getProperty("redis.port")), properties.getProperty("redis.password"));
	}

	RedisClient client() {
		return RedisClient.create(RedisURI.builder()
			.withHost(this.host)
			.withPort(this.port)
			.withPassword(this.password.toCharArray())
			.build());
	}

	/**
	 * Spring Boot's properties for this server.
	 * @return {@code spring.data.redis.*} pairs
	 */
	String[] springProperties() {
		return new String[] { "spring.data.redis.host=" + this.host, "spring.data.redis.port=" + this.port,
				"spring.data.redis.password=" + this.password };
	}

}
