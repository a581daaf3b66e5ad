package dev.smtpclient.sample.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import dev.smtpclient.test.TestServerProperties;

/**
 * {@code sample.outbox=true} on a real PostgreSQL given through
 * {@code spring.datasource.*}: the one {@code .ci/databases start} runs, in a schema of
 * the test's own (where the outbox's table is created at startup), skipped locally when
 * it is not running and a failure in CI.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.outbox=true")
class OutboxOnPostgresqlTests {

	@BeforeAll
	static void requirePostgresql() throws Exception {
		servers();
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		Properties servers = servers();
		String schema = "sample_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(servers.getProperty("postgresql.url"),
				servers.getProperty("postgresql.user"), servers.getProperty("postgresql.password"));
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		registry.add("spring.datasource.url", () -> servers.getProperty("postgresql.url") + "?currentSchema=" + schema);
		registry.add("spring.datasource.username", () -> servers.getProperty("postgresql.user"));
		registry.add("spring.datasource.password", () -> servers.getProperty("postgresql.password"));
	}

	@LocalServerPort
	private int port;

	@Test
	void thePagesMessageGoesThroughTheOutboxOnPostgresql() throws Exception {
		OutboxApi api = new OutboxApi(this.port);
		OutboxApi.Queued queued = api.send("through PostgreSQL");
		assertThat(queued.status()).isEqualTo(202);
		Map<String, Object> sent = api.awaitFinal(queued.location(), Duration.ofSeconds(20));
		assertThat(sent.get("state")).isEqualTo("SENT");
		assertThat((String) sent.get("reply")).startsWith("250");
	}

	/**
	 * The servers file, or a skip (a failure in CI) when it names no PostgreSQL; asked
	 * before the context starts, so that a missing database is a skip rather than a
	 * context that cannot start.
	 */
	private static Properties servers() throws Exception {
		return TestServerProperties.require("postgresql.url", "the test PostgreSQL", "bash .ci/databases start");
	}

}
