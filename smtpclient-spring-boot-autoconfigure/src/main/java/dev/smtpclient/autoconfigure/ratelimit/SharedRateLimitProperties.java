package dev.smtpclient.autoconfigure.ratelimit;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the shared rate limit. The rate itself is
 * {@code smtp.rate-limit}.
 */
@ConfigurationProperties("smtp.rate-limit")
public class SharedRateLimitProperties {

	/**
	 * Where the messages-per-second budget shared by every instance lives; unset, each
	 * instance limits itself.
	 */
	private @Nullable Store shared;

	/**
	 * Table of the budget when shared through the database.
	 */
	private String table = "smtp_rate_limit";

	/**
	 * Budget's number: its row of the table (jdbc) or its key 'smtp:rate-limit:{id}'
	 * (redis); instances with the same id share one rate.
	 */
	private long id = 1;

	public @Nullable Store getShared() {
		return this.shared;
	}

	public void setShared(@Nullable Store shared) {
		this.shared = shared;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public long getId() {
		return this.id;
	}

	public void setId(long id) {
		this.id = id;
	}

	/**
	 * Where a shared budget lives.
	 */
	public enum Store {

		/**
		 * A row of the application's PostgreSQL DataSource (Bucket4j).
		 */
		JDBC,

		/**
		 * A key of the application's Redis, through its Lettuce client (Bucket4j).
		 */
		REDIS

	}

}
