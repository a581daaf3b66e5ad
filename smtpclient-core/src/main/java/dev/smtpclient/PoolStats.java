package dev.smtpclient;

/**
 * A snapshot of a client's connection pool.
 *
 * @param active connections lent to a send right now
 * @param idle connections open and free
 * @param pending sends waiting for a connection
 * @param max the most connections allowed
 * @param created connections opened since the client started
 * @param closed connections closed since the client started
 */
public record PoolStats(int active, int idle, int pending, int max, long created, long closed) {

	/**
	 * Connections open now, lent or idle.
	 * @return the count
	 */
	public int open() {
		return this.active + this.idle;
	}

}
