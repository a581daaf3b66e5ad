package dev.smtpclient.autoconfigure.ratelimit;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import dev.smtpclient.test.TestServerProperties;

/**
 * The PostgreSQL that {@code .ci/databases start} runs, found through
 * {@code servers.properties}: skipped locally when it is not running, a failure in CI
 * ({@code SMTP_TEST_REQUIRE_SERVERS=true}). Each call gives a schema of its own with the
 * rate-limit table in it.
 */
final class TestPostgresql {

	private TestPostgresql() {
	}

	static DataSource withRateLimitTable() {
		Properties properties = TestServerProperties.require("postgresql.url", "the test PostgreSQL",
				"bash .ci/databases start");
		String schema = "ratelimit_" + UUID.randomUUID().toString().replace("-", "");
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(properties.getProperty("postgresql.url"));
		dataSource.setUser(properties.getProperty("postgresql.user"));
		dataSource.setPassword(properties.getProperty("postgresql.password"));
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				InputStream sql = TestPostgresql.class.getClassLoader()
					.getResourceAsStream("db/smtpclient-rate-limit/postgresql/V1__smtp_rate_limit.sql")) {
			statement.execute("CREATE SCHEMA " + schema);
			statement.execute("SET search_path TO " + schema);
			statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot prepare the test PostgreSQL", ex);
		}
		dataSource.setCurrentSchema(schema);
		return dataSource;
	}

}
