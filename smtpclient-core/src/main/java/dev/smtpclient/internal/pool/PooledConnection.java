package dev.smtpclient.internal.pool;

import dev.smtpclient.internal.session.Session;

/**
 * A connection with the pool's bookkeeping: when it was opened and last returned, and
 * when it must retire.
 */
public final class PooledConnection {

	private final Session connection;

	private final long createdAtMillis;

	private final long retireAtMillis;

	private long lastReturnedMillis;

	private boolean wasIdle;

	public PooledConnection(Session connection, long createdAtMillis, long lifetimeMillis) {
		this.connection = connection;
		this.createdAtMillis = createdAtMillis;
		this.retireAtMillis = createdAtMillis + lifetimeMillis;
		this.lastReturnedMillis = createdAtMillis;
	}

	public Session connection() {
		return this.connection;
	}

	public long createdAtMillis() {
		return this.createdAtMillis;
	}

	public boolean isExpired(long nowMillis) {
		return nowMillis >= this.retireAtMillis;
	}

	public long idleMillis(long nowMillis) {
		return nowMillis - this.lastReturnedMillis;
	}

	public void returned(long nowMillis) {
		this.lastReturnedMillis = nowMillis;
		this.wasIdle = true;
	}

	/**
	 * Whether the connection has sat in the idle set, where the server may have dropped
	 * it.
	 */
	public boolean wasIdle() {
		return this.wasIdle;
	}

}
