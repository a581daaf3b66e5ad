package dev.smtpclient.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * The outbox table's schema, shipped in this jar as
 * {@code db/smtpclient-outbox/<database>/V1__smtp_outbox.sql} for PostgreSQL and H2.
 * Applications with Flyway or Liquibase point them at those files; this class creates the
 * table directly, for an embedded database or a test.
 */
public final class OutboxSchema {

	private static final String LOCATION = "db/smtpclient-outbox/%s/V1__smtp_outbox.sql";

	private OutboxSchema() {
	}

	/**
	 * The schema script's class path location for a database.
	 * @param databaseProductName the JDBC driver's product name, such as
	 * {@code PostgreSQL} or {@code H2}
	 * @return the location
	 * @throws IllegalArgumentException for a database without a script
	 */
	public static String location(String databaseProductName) {
		String name = databaseProductName.toLowerCase(Locale.ROOT);
		if (name.contains("postgresql")) {
			return String.format(LOCATION, "postgresql");
		}
		if (name.equals("h2")) {
			return String.format(LOCATION, "h2");
		}
		throw new IllegalArgumentException(
				"no outbox schema for " + databaseProductName + "; PostgreSQL and H2 are supported");
	}

	/**
	 * Creates the table and its indexes.
	 * @param dataSource the database
	 * @throws OutboxException when a statement fails (for example because the table
	 * exists)
	 */
	public static void create(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String location = location(connection.getMetaData().getDatabaseProductName());
			try (Statement statement = connection.createStatement()) {
				for (String sql : statements(read(location))) {
					statement.execute(sql);
				}
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new OutboxException("could not create the outbox table", ex);
		}
	}

	private static String read(String location) {
		try (InputStream in = OutboxSchema.class.getClassLoader().getResourceAsStream(location)) {
			if (in == null) {
				throw new IllegalStateException(location + " is missing from the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> statements(String script) {
		StringBuilder sql = new StringBuilder();
		for (String line : script.split("\n")) {
			if (!line.trim().startsWith("--")) {
				sql.append(line).append('\n');
			}
		}
		List<String> statements = new ArrayList<>();
		for (String statement : sql.toString().split(";")) {
			if (!statement.isBlank()) {
				statements.add(statement.trim());
			}
		}
		return statements;
	}

}
