package dev.smtpclient.outbox;

import javax.sql.DataSource;

/**
 * The outbox on the embedded H2.
 */
class H2SmtpOutboxTest extends SmtpOutboxContract {

	@Override
	DataSource database() {
		return TestDatabases.h2();
	}

}
