package dev.smtpclient.autoconfigure.ratelimit;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

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
		if (properties.getProperty("postgresql.url") == null) {
			String message = "the test PostgreSQL is not running; start it with 'bash .ci/databases start'";
			if ("true".equalsIgnoreCase(System.getenv("SMTP_TEST_REQUIRE_SERVERS"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
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
