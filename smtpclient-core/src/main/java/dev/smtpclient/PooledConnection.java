package dev.smtpclient;

/**
 * A connection with the pool's bookkeeping: when it was opened and last returned, and when it must retire.
 */
final class PooledConnection {

	private final SmtpConnection connection;

	private final long createdAtMillis;

	private final long retireAtMillis;

	private long lastReturnedMillis;

	private boolean wasIdle;

	PooledConnection(SmtpConnection connection, long createdAtMillis, long lifetimeMillis) {
		this.connection = connection;
		this.createdAtMillis = createdAtMillis;
		this.retireAtMillis = createdAtMillis + lifetimeMillis;
		this.lastReturnedMillis = createdAtMillis;
	}

	SmtpConnection connection() {
		return this.connection;
	}

	long createdAtMillis() {
		return this.createdAtMillis;
	}

	boolean isExpired(long nowMillis) {
		return nowMillis >= this.retireAtMillis;
	}

	long idleMillis(long nowMillis) {
		return nowMillis - this.lastReturnedMillis;
	}

	void returned(long nowMillis) {
		this.lastReturnedMillis = nowMillis;
		this.wasIdle = true;
	}

	/**
	 * Whether the connection has sat in the idle set, where the server may have dropped it.
	 */
	boolean wasIdle() {
		return this.wasIdle;
	}

}
