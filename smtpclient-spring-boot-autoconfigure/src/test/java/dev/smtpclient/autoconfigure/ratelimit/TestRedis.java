package dev.smtpclient.autoconfigure.ratelimit;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Assumptions;

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
		Path path = Path.of(Optional.ofNullable(System.getenv("SMTP_TEST_SERVERS"))
			.orElse("/tmp/smtpclient-test-servers/servers.properties"));
		Properties properties = new Properties();
		if (Files.isRegularFile(path)) {
			try (Reader reader = Files.newBufferedReader(path)) {
				properties.load(reader);
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot read " + path, ex);
			}
		}
		if (properties.getProperty("redis.host") == null) {
			String message = "the test Redis is not running; start it with 'bash .ci/databases start redis'";
			if ("true".equalsIgnoreCase(System.getenv("SMTP_TEST_REQUIRE_SERVERS"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
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
