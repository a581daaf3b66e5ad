package dev.smtpclient.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on a real PostgreSQL.
 */
class PostgresqlSmtpOutboxTest extends SmtpOutboxContract {

	@Override
	DataSource database() {
		return TestDatabases.postgresql();
	}

	@Test
	void claimReadsTheDueRowsInOrderFromThePartialIndexRatherThanSortingTheTable() throws Exception {
		DataSource dataSource = database();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			// a table that has done some work: most rows sent, a few thousand due, 1 KB
			// each
			statement.execute("INSERT INTO smtp_outbox (id, message_id, sender, recipients, content, eight_bit, "
					+ "smtp_utf8, state, attempts, created_at, next_attempt_at, completed_at) "
					+ "SELECT gen_random_uuid(), '<' || i || '@outbox.test>', 'sender@outbox.test', "
					+ "'user@outbox.test', convert_to(repeat('x', 1000), 'UTF8'), false, false, "
					+ "CASE WHEN i % 4 = 0 THEN 'QUEUED' ELSE 'SENT' END, 0, now(), "
					+ "now() - i * interval '1 millisecond', now() FROM generate_series(1, 20000) AS i");
			statement.execute("ANALYZE smtp_outbox");
			String plan = plan(connection);
			assertThat(plan).contains("Index Scan using smtp_outbox_due on smtp_outbox")
				.doesNotContain("Seq Scan")
				.doesNotContain("Sort");
		}
	}

	private static String plan(Connection connection) throws Exception {
		StringBuilder plan = new StringBuilder();
		try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + OutboxStore.SELECT_DUE)) {
			explain.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
			explain.setInt(2, 50);
			try (ResultSet rows = explain.executeQuery()) {
				while (rows.next()) {
					plan.append(rows.getString(1)).append('\n');
				}
			}
		}
		return plan.toString();
	}

}
