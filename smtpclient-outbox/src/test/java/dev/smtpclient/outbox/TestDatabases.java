package dev.smtpclient.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import dev.smtpclient.test.TestServerProperties;

/**
 * Databases for the outbox tests: an embedded H2 (always there), and the PostgreSQL that
 * {@code .ci/databases start} runs on loopback, found through the same
 * {@code servers.properties} as the mail servers. Where PostgreSQL is not running its
 * tests are skipped, unless {@code SMTP_TEST_REQUIRE_SERVERS=true} (as in CI), where they
 * fail. Each call gives an empty outbox table of its own.
 */
final class TestDatabases {

	private TestDatabases() {
	}

	static DataSource h2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		OutboxSchema.create(dataSource);
		return dataSource;
	}

	/**
	 * A schema of its own in the test PostgreSQL, with the outbox table in it.
	 */
	static DataSource postgresql() {
		Properties properties = properties();
		String schema = "outbox_" + UUID.randomUUID().toString().replace("-", "");
		PGSimpleDataSource admin = dataSource(properties, null);
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create a schema in the test PostgreSQL", ex);
		}
		PGSimpleDataSource dataSource = dataSource(properties, schema);
		OutboxSchema.create(dataSource);
		return dataSource;
	}

	static boolean isPostgresql(DataSource dataSource) {
		return dataSource instanceof PGSimpleDataSource;
	}

	private static PGSimpleDataSource dataSource(Properties properties, String schema) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(properties.getProperty("postgresql.url"));
		dataSource.setUser(properties.getProperty("postgresql.user"));
		dataSource.setPassword(properties.getProperty("postgresql.password"));
		if (schema != null) {
			dataSource.setCurrentSchema(schema);
		}
		return dataSource;
	}

	private static Properties properties() {
		return TestServerProperties.require("postgresql.url", "the test PostgreSQL", "bash .ci/databases start");
	}

}
