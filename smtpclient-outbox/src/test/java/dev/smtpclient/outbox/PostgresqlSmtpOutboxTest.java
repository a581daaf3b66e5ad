package dev.smtpclient.outbox;

import javax.sql.DataSource;

/**
 * The outbox on a real PostgreSQL.
 */
class PostgresqlSmtpOutboxTest extends SmtpOutboxContract {

	@Override
	DataSource database() {
		return TestDatabases.postgresql();
	}

}
