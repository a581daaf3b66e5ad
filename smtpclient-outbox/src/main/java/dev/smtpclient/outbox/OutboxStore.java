package dev.smtpclient.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.DsnOptions;
import dev.smtpclient.Envelope;

/**
 * The outbox table's SQL, portable between PostgreSQL and H2. A row's attempt count is
 * its claim token: an outcome is written only over the attempt that produced it, so a
 * late writer never overwrites a newer attempt.
 */
final class OutboxStore {

	private static final String TABLE = "smtp_outbox";

	private static final String INSERT = "INSERT INTO " + TABLE + " (id, message_id, sender, recipients, dsn_ret, "
			+ "dsn_envelope_id, dsn_notify, content, eight_bit, smtp_utf8, state, attempts, created_at, "
			+ "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)";

	// SKIP LOCKED: concurrent workers each take other rows instead of queueing behind one
	// another's locks
	static final String SELECT_DUE = "SELECT id, attempts, sender, recipients, dsn_ret, dsn_envelope_id, "
			+ "dsn_notify, content, eight_bit, smtp_utf8 FROM " + TABLE
			+ " WHERE state IN ('QUEUED', 'RETRYING') AND next_attempt_at <= ? ORDER BY next_attempt_at"
			+ " FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

	// one statement for the whole batch: the database's work per message is the row's
	// update, not a statement's round of parse, plan and reply
	private static final String CLAIM = "UPDATE " + TABLE + " SET state = 'SENDING', attempts = attempts + 1, "
			+ "claimed_by = ?, lease_until = ? WHERE id = ANY (?)";

	// Renewal and recovery skip rows another transaction holds (a worker recording their
	// outcome): waiting for
	// them could deadlock with that multi-row transaction, and a lease that is being
	// finished needs no renewal.
	private static final String RENEW = "UPDATE " + TABLE + " SET lease_until = ? WHERE id IN (SELECT id FROM " + TABLE
			+ " WHERE state = 'SENDING' AND claimed_by = ? FOR UPDATE SKIP LOCKED)";

	private static final String RECOVER = "UPDATE " + TABLE + " SET state = ?, next_attempt_at = ?, completed_at = ?, "
			+ "last_error = ?, claimed_by = NULL, lease_until = NULL WHERE id IN (SELECT id FROM " + TABLE
			+ " WHERE state = 'SENDING' AND lease_until < ? FOR UPDATE SKIP LOCKED)";

	private static final String RECORD = "UPDATE " + TABLE + " SET state = ?, next_attempt_at = ?, completed_at = ?, "
			+ "reply = ?, queue_id = ?, last_error = ?, claimed_by = NULL, lease_until = NULL "
			+ "WHERE id = ? AND attempts = ?";

	// PostgreSQL: a batch's outcomes in one statement, one array per column
	private static final String RECORD_ALL = "UPDATE " + TABLE + " AS o SET state = v.state, "
			+ "next_attempt_at = v.next_attempt_at, completed_at = v.completed_at, reply = v.reply, "
			+ "queue_id = v.queue_id, last_error = v.last_error, claimed_by = NULL, lease_until = NULL "
			+ "FROM unnest(?::uuid[], ?::int[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], "
			+ "?::text[]) AS v(id, attempt, state, next_attempt_at, completed_at, reply, queue_id, last_error) "
			+ "WHERE o.id = v.id AND o.attempts = v.attempt";

	private static final String STATUS = "SELECT id, message_id, state, attempts, created_at, next_attempt_at, "
			+ "completed_at, reply, queue_id, last_error FROM " + TABLE + " WHERE id = ?";

	private static final String DEPTH = "SELECT state, COUNT(*) FROM " + TABLE + " GROUP BY state";

	private static final String OLDEST_DUE = "SELECT MIN(next_attempt_at) FROM " + TABLE
			+ " WHERE state IN ('QUEUED', 'RETRYING') AND next_attempt_at <= ?";

	private static final String PURGE = "DELETE FROM " + TABLE + " WHERE state = 'SENT' AND completed_at < ?";

	private static final int TEXT_LIMIT = 2000;

	private final DataSource dataSource;

	private volatile @Nullable Boolean postgresql;

	OutboxStore(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	void insert(Connection connection, UUID id, String messageId, Envelope envelope, StoredContent content, Instant now)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			insert.setObject(1, id);
			insert.setString(2, messageId);
			insert.setString(3, envelope.sender());
			insert.setString(4, String.join("\n", envelope.recipients()));
			Optional<DsnOptions> dsn = envelope.dsn();
			insert.setString(5, dsn.map(DsnOptions::ret).map(Enum::name).orElse(null));
			insert.setString(6, dsn.map(DsnOptions::envelopeId).orElse(null));
			insert.setString(7, dsn
				.map((options) -> options.notifyOn().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
				.orElse(null));
			insert.setBytes(8, content.bytes());
			insert.setBoolean(9, content.isEightBit());
			insert.setBoolean(10, content.needsSmtpUtf8());
			insert.setObject(11, timestamp(now));
			insert.setObject(12, timestamp(now));
			insert.executeUpdate();
		}
	}

	/**
	 * Claims up to {@code limit} due messages for this owner, in one short transaction of
	 * its own.
	 */
	List<Claimed> claim(String owner, Instant now, Instant leaseUntil, int limit) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				List<Claimed> claimed = new ArrayList<>();
				try (PreparedStatement select = connection.prepareStatement(SELECT_DUE)) {
					select.setObject(1, timestamp(now));
					select.setInt(2, limit);
					try (ResultSet rows = select.executeQuery()) {
						while (rows.next()) {
							claimed.add(claimed(rows));
						}
					}
				}
				if (!claimed.isEmpty()) {
					try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
						claim.setString(1, owner);
						claim.setObject(2, timestamp(leaseUntil));
						claim.setArray(3,
								connection.createArrayOf("uuid", claimed.stream().map(Claimed::id).toArray()));
						claim.executeUpdate();
					}
				}
				connection.commit();
				return claimed;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	private static Claimed claimed(ResultSet rows) throws SQLException {
		UUID id = rows.getObject(1, UUID.class);
		int attempt = rows.getInt(2) + 1;
		Envelope envelope = Envelope.of(rows.getString(3), Arrays.asList(rows.getString(4).split("\n")));
		String ret = rows.getString(5);
		String envelopeId = rows.getString(6);
		String notify = rows.getString(7);
		if (ret != null || envelopeId != null || notify != null) {
			Set<DsnOptions.Notify> notifyOn = EnumSet.noneOf(DsnOptions.Notify.class);
			if (notify != null && !notify.isEmpty()) {
				for (String value : notify.split(",")) {
					notifyOn.add(DsnOptions.Notify.valueOf(value));
				}
			}
			envelope = envelope
				.withDsn(new DsnOptions((ret != null) ? DsnOptions.Ret.valueOf(ret) : null, envelopeId, notifyOn));
		}
		StoredContent content = new StoredContent(rows.getBytes(8), rows.getBoolean(9), rows.getBoolean(10));
		return new Claimed(id, attempt, envelope, content);
	}

	int renewLeases(String owner, Instant leaseUntil) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement renew = connection.prepareStatement(RENEW)) {
			renew.setObject(1, timestamp(leaseUntil));
			renew.setString(2, owner);
			return commit(connection, renew.executeUpdate());
		}
	}

	/**
	 * Messages whose worker stopped renewing its lease: it may have sent them, so their
	 * outcome is unknown.
	 */
	int recoverExpired(Instant now, boolean resend) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement recover = connection.prepareStatement(RECOVER)) {
			recover.setString(1, resend ? OutboxState.RETRYING.name() : OutboxState.UNKNOWN.name());
			recover.setObject(2, resend ? timestamp(now) : null, Types.TIMESTAMP_WITH_TIMEZONE);
			recover.setObject(3, resend ? null : timestamp(now), Types.TIMESTAMP_WITH_TIMEZONE);
			recover.setString(4, "the instance sending it stopped before it recorded the outcome; the server may "
					+ "or may not have the message");
			recover.setObject(5, timestamp(now));
			return commit(connection, recover.executeUpdate());
		}
	}

	void record(List<Outcome> outcomes) throws SQLException {
		if (outcomes.isEmpty()) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			if (isPostgresql(connection)) {
				// one statement, so no transaction of our own
				commit(connection, recordAll(connection, outcomes));
				return;
			}
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (PreparedStatement record = connection.prepareStatement(RECORD)) {
				for (Outcome outcome : outcomes) {
					record.setString(1, outcome.state().name());
					record.setObject(2, timestampOrNull(outcome.nextAttemptAt()), Types.TIMESTAMP_WITH_TIMEZONE);
					record.setObject(3, timestampOrNull(outcome.completedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
					record.setString(4, clip(outcome.reply()));
					record.setString(5, clip(outcome.queueId()));
					record.setString(6, clip(outcome.lastError()));
					record.setObject(7, outcome.id());
					record.setInt(8, outcome.attempt());
					record.addBatch();
				}
				record.executeBatch();
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	private static int recordAll(Connection connection, List<Outcome> outcomes) throws SQLException {
		int size = outcomes.size();
		Object[] ids = new Object[size];
		Object[] attempts = new Object[size];
		Object[][] texts = new Object[6][size];
		for (int i = 0; i < size; i++) {
			Outcome outcome = outcomes.get(i);
			ids[i] = outcome.id();
			attempts[i] = outcome.attempt();
			texts[0][i] = outcome.state().name();
			texts[1][i] = text(outcome.nextAttemptAt());
			texts[2][i] = text(outcome.completedAt());
			texts[3][i] = clip(outcome.reply());
			texts[4][i] = clip(outcome.queueId());
			texts[5][i] = clip(outcome.lastError());
		}
		try (PreparedStatement record = connection.prepareStatement(RECORD_ALL)) {
			record.setArray(1, connection.createArrayOf("uuid", ids));
			record.setArray(2, connection.createArrayOf("int4", attempts));
			for (int column = 0; column < texts.length; column++) {
				record.setArray(3 + column, connection.createArrayOf("text", texts[column]));
			}
			return record.executeUpdate();
		}
	}

	private boolean isPostgresql(Connection connection) throws SQLException {
		Boolean postgresql = this.postgresql;
		if (postgresql == null) {
			postgresql = connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(Locale.ROOT)
				.contains("postgresql");
			this.postgresql = postgresql;
		}
		return postgresql;
	}

	private static @Nullable String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	Optional<OutboxStatus> status(UUID id) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(STATUS)) {
			select.setObject(1, id);
			try (ResultSet rows = select.executeQuery()) {
				if (!rows.next()) {
					return Optional.empty();
				}
				return Optional.of(new OutboxStatus(rows.getObject(1, UUID.class), rows.getString(2),
						OutboxState.valueOf(rows.getString(3)), rows.getInt(4), instant(rows, 5), instant(rows, 6),
						instant(rows, 7), rows.getString(8), rows.getString(9), rows.getString(10)));
			}
		}
	}

	OutboxStats stats(Instant now) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			Map<OutboxState, Long> depth = new EnumMap<>(OutboxState.class);
			try (PreparedStatement select = connection.prepareStatement(DEPTH);
					ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					depth.put(OutboxState.valueOf(rows.getString(1)), rows.getLong(2));
				}
			}
			Duration oldestDue = null;
			try (PreparedStatement select = connection.prepareStatement(OLDEST_DUE)) {
				select.setObject(1, timestamp(now));
				try (ResultSet rows = select.executeQuery()) {
					Instant oldest = rows.next() ? instant(rows, 1) : null;
					if (oldest != null) {
						oldestDue = Duration.between(oldest, now);
					}
				}
			}
			return new OutboxStats(depth, oldestDue);
		}
	}

	int purgeSent(Instant before) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement purge = connection.prepareStatement(PURGE)) {
			purge.setObject(1, timestamp(before));
			return commit(connection, purge.executeUpdate());
		}
	}

	private static int commit(Connection connection, int count) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
		return count;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static @Nullable OffsetDateTime timestampOrNull(@Nullable Instant instant) {
		return (instant != null) ? timestamp(instant) : null;
	}

	private static @Nullable Instant instant(ResultSet rows, int column) throws SQLException {
		OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static @Nullable String clip(@Nullable String text) {
		return (text == null || text.length() <= TEXT_LIMIT) ? text : text.substring(0, TEXT_LIMIT - 3) + "...";
	}

	/**
	 * A message this worker now holds, with the attempt it is about to make.
	 */
	record Claimed(UUID id, int attempt, Envelope envelope, StoredContent content) {
	}

	/**
	 * What one attempt ended in.
	 */
	record Outcome(UUID id, int attempt, OutboxState state, @Nullable Instant nextAttemptAt,
			@Nullable Instant completedAt, @Nullable String reply, @Nullable String queueId,
			@Nullable String lastError) {
	}

}
