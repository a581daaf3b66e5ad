package dev.smtpclient.autoconfigure.proof;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import dev.smtpclient.message.ComposedMessage;
import dev.smtpclient.message.Message;
import dev.smtpclient.outbox.OutboxSchema;
import dev.smtpclient.outbox.SmtpOutbox;
import dev.smtpclient.test.PostfixServers;
import dev.smtpclient.test.TestServerProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox across processes: three JVMs share one PostgreSQL and one Postfix, one of
 * them is killed with SIGKILL half-way, and the outcome recorded for each message matches
 * what reached the mailbox.
 */
class OutboxAcrossProcessesTests {

	private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

	private final PostfixServers servers = PostfixServers.require();

	private final Properties database = database();

	@Test
	void everyMessageIsDeliveredOnceExceptUnknownOnesAtMostOnceThoughAnInstanceIsKilled() throws Exception {
		PGSimpleDataSource dataSource = schema();
		int count = Integer.getInteger("outbox.proof.messages", 5000);
		String run = UUID.randomUUID().toString();
		SmtpOutbox enqueuer = SmtpOutbox.builder(dataSource).build();
		String rolledBack = "rolled-back-" + run;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			enqueuer.enqueue(connection, mail(rolledBack, "user@" + this.servers.domain()));
			connection.rollback();
			for (int i = 0; i < count; i++) {
				enqueuer.enqueue(connection, mail(run + "-" + i, "user@" + this.servers.domain()));
			}
			connection.commit();
		}
		List<Process> instances = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			instances.add(start(dataSource, this.servers.plainPort(), "instance-" + i, 0));
		}
		awaitSent(dataSource, count / 3, Duration.ofMinutes(2));
		// killed while it holds messages, the case whose outcome nobody can know
		awaitHeld(dataSource, "instance-0", Duration.ofSeconds(30));
		instances.get(0).destroyForcibly().waitFor();
		for (Process instance : instances.subList(1, 3)) {
			assertThat(instance.waitFor()).isZero();
		}

		Map<String, String> states = states(dataSource);
		assertThat(states).hasSize(count);
		assertThat(states.values()).allMatch((state) -> state.equals("SENT") || state.equals("UNKNOWN"));
		long sent = states.values().stream().filter("SENT"::equals).count();
		long unknown = count - sent;
		System.out.println("proof: " + count + " messages, " + sent + " sent, " + unknown + " unknown");
		assertThat(unknown).as("messages the killed instance held").isPositive();
		Map<String, Integer> delivered = awaitDelivered(states, sent, Duration.ofMinutes(3));
		states.forEach((messageId, state) -> {
			int copies = delivered.getOrDefault(messageId, 0);
			if (state.equals("SENT")) {
				assertThat(copies).as("copies of sent %s", messageId).isEqualTo(1);
			}
			else {
				assertThat(copies).as("copies of %s with unknown outcome", messageId).isLessThanOrEqualTo(1);
			}
		});
		long unknownDelivered = states.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals("UNKNOWN") && delivered.containsKey(entry.getKey()))
			.count();
		System.out.println("proof: of " + unknown + " unknown, " + unknownDelivered + " reached the mailbox");
		// only what the killed instance held (its workers' batches) can be unknown
		assertThat(unknown).isLessThanOrEqualTo(2 * 50);
		assertThat(this.servers.countDelivered(rolledBack)).isZero();
	}

	@Test
	void aSharedLimitOfFiftyMessagesPerSecondHoldsAcrossThreeInstances() throws Exception {
		assertSharedLimitHolds("jdbc", List.of());
	}

	@Test
	void aSharedLimitInRedisOfFiftyMessagesPerSecondHoldsAcrossThreeInstances() throws Exception {
		String host = this.database.getProperty("redis.host");
		if (host == null) {
			String message = "the test Redis is not running; start it with 'bash .ci/databases start redis'";
			if ("true".equalsIgnoreCase(System.getenv("SMTP_TEST_REQUIRE_SERVERS"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		assertSharedLimitHolds("redis",
				List.of(host, this.database.getProperty("redis.port"), "smtp:rate-limit:proof-" + UUID.randomUUID()));
	}

	private void assertSharedLimitHolds(String store, List<String> redis) throws Exception {
		PGSimpleDataSource dataSource = schema();
		int count = 2400;
		SmtpOutbox enqueuer = SmtpOutbox.builder(dataSource).build();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (int i = 0; i < count; i++) {
				enqueuer.enqueue(connection, mail("rate-" + i, "anyone@example.com"));
			}
			connection.commit();
		}
		List<Process> instances = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			// completed_at is written per batch: small batches keep the 30 s window exact
			instances.add(start(dataSource, this.servers.sinkPort(), "limited-" + i, 50, 5, redis));
		}
		for (Process instance : instances) {
			assertThat(instance.waitFor()).isZero();
		}
		List<Instant> completed = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(
						"SELECT completed_at FROM smtp_outbox WHERE state = 'SENT' ORDER BY completed_at");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				completed.add(rows.getObject(1, OffsetDateTime.class).toInstant());
			}
		}
		assertThat(completed).hasSize(count);
		Instant from = completed.get(0).plusSeconds(5);
		Instant to = from.plusSeconds(30);
		long inWindow = completed.stream().filter((at) -> !at.isBefore(from) && at.isBefore(to)).count();
		System.out
			.println("shared limit (" + store + "): " + inWindow + " messages in 30 s over 3 instances (target 1500)");
		assertThat(inWindow).isBetween(1350L, 1650L);
	}

	/**
	 * Figures for the README, not a pass/fail benchmark: run with
	 * {@code -Doutbox.throughput=true}; {@code -Doutbox.throughput.messages} (30000),
	 * {@code -Doutbox.throughput.warm-up} (20000 per instance) and
	 * {@code -Doutbox.throughput.instances} (1,2,3) change the run.
	 */
	@Test
	void throughputThroughPostgresqlToSmtpSink() throws Exception {
		Assumptions.assumeTrue(Boolean.getBoolean("outbox.throughput"), "run with -Doutbox.throughput=true");
		int count = Integer.getInteger("outbox.throughput.messages", 30000);
		List<ComposedMessage> direct = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			direct.add(mail("direct-" + i, "anyone@example.com"));
		}
		try (dev.smtpclient.SmtpClient client = dev.smtpclient.SmtpClient
			.builder("smtp://" + this.servers.host() + ":" + this.servers.sinkPort())
			.tlsPolicy(dev.smtpclient.TlsPolicy.NONE)
			.pool((pool) -> pool.maxSize(4))
			.build()) {
			client.sendAll(direct.subList(0, count / 4));
			long start = System.nanoTime();
			assertThat(client.sendAll(direct)).allMatch(dev.smtpclient.SendOutcome::isSuccess);
			System.out.printf("throughput: direct sendAll (pool 4), %d messages of 1 KB: %.0f messages/s%n", count,
					count / ((System.nanoTime() - start) / 1e9));
		}
		int warmUp = Integer.getInteger("outbox.throughput.warm-up", 20000);
		for (String configuration : System.getProperty("outbox.throughput.instances", "1,2,3").split(",")) {
			int instances = Integer.parseInt(configuration.trim());
			PGSimpleDataSource dataSource = schema();
			List<Process> processes = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				processes.add(start(dataSource, this.servers.sinkPort(), "throughput-" + instances + "-" + i, 0,
						Integer.getInteger("outbox.batch", 50), List.of(), true));
			}
			// every instance's JIT compiler at work on the warm-up (seconds of CPU per
			// JVM
			// on this machine), not on the measured messages: long-lived instances pay it
			// once
			enqueue(dataSource, "warm-up", warmUp * instances);
			awaitSentCount(dataSource, warmUp * instances, Duration.ofMinutes(5));
			Thread.sleep(2000);
			Instant warmedUp = Instant.now();
			long start = System.nanoTime();
			Instant committed = enqueue(dataSource, "throughput", count);
			double enqueueSeconds = (System.nanoTime() - start) / 1e9;
			awaitSentCount(dataSource, warmUp * instances + count, Duration.ofMinutes(5));
			for (Process process : processes) {
				process.getOutputStream().close();
				assertThat(process.waitFor()).isZero();
			}
			List<Instant> completed = completedAt(dataSource, warmedUp);
			assertThat(completed).hasSize(count);
			double seconds = Duration.between(committed, completed.get(count - 1)).toMillis() / 1000.0;
			// the middle 80%: every instance busy, none yet out of work
			Instant from = completed.get(count / 10);
			Instant to = completed.get(count - count / 10 - 1);
			double steadySeconds = Duration.between(from, to).toMillis() / 1000.0;
			System.out.printf(
					"throughput: %d instance(s), batch %d, %d messages of 1 KB after %d to warm up: %.0f messages/s "
							+ "from the commit to the last outcome; %.0f messages/s in the middle 80%% "
							+ "(%.3f to %.3f, epoch s) (enqueue in one transaction: %.0f messages/s)%n",
					instances, Integer.getInteger("outbox.batch", 50), count, warmUp * instances, count / seconds,
					(count - 2 * (count / 10) - 1) / steadySeconds, from.toEpochMilli() / 1000.0,
					to.toEpochMilli() / 1000.0, count / enqueueSeconds);
			drop(dataSource);
		}
	}

	// hundreds of megabytes of sent rows per run: of no use once counted
	private static void drop(PGSimpleDataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA " + dataSource.getCurrentSchema() + " CASCADE");
		}
	}

	private Instant enqueue(PGSimpleDataSource dataSource, String marker, int count) throws Exception {
		SmtpOutbox enqueuer = SmtpOutbox.builder(dataSource).build();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (int i = 0; i < count; i++) {
				enqueuer.enqueue(connection, mail(marker + "-" + i, "anyone@example.com"));
			}
			connection.commit();
		}
		return Instant.now();
	}

	private static void awaitSentCount(PGSimpleDataSource dataSource, int sent, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection
					.prepareStatement("SELECT COUNT(*) FROM smtp_outbox WHERE state = 'SENT'")) {
			while (System.nanoTime() < deadline) {
				try (ResultSet rows = select.executeQuery()) {
					if (rows.next() && rows.getLong(1) >= sent) {
						return;
					}
				}
				Thread.sleep(200);
			}
		}
		throw new AssertionError("fewer than " + sent + " messages sent within " + timeout);
	}

	private static List<Instant> completedAt(PGSimpleDataSource dataSource, Instant after) throws Exception {
		List<Instant> completed = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection
					.prepareStatement("SELECT completed_at FROM smtp_outbox WHERE state = 'SENT' AND completed_at > ? "
							+ "ORDER BY completed_at")) {
			select.setObject(1, OffsetDateTime.ofInstant(after, java.time.ZoneOffset.UTC));
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					completed.add(rows.getObject(1, OffsetDateTime.class).toInstant());
				}
			}
		}
		return completed;
	}

	private ComposedMessage mail(String marker, String recipient) {
		return Message.builder()
			.from("sender@" + this.servers.domain())
			.to(recipient)
			.subject("proof " + marker)
			.text("marker " + marker + "\n" + "x".repeat(900))
			.build();
	}

	private Process start(PGSimpleDataSource dataSource, int port, String instanceId, double rate) throws Exception {
		return start(dataSource, port, instanceId, rate, Integer.getInteger("outbox.batch", 50), List.of());
	}

	private Process start(PGSimpleDataSource dataSource, int port, String instanceId, double rate, int batch,
			List<String> redis) throws Exception {
		return start(dataSource, port, instanceId, rate, batch, redis, false);
	}

	private Process start(PGSimpleDataSource dataSource, int port, String instanceId, double rate, int batch,
			List<String> redis, boolean untilInputCloses) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Path log = Path.of("target", "proof-" + instanceId + ".log");
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
				"-Doutbox.workers=" + Integer.getInteger("outbox.workers", 2), "-Doutbox.batch=" + batch, "-cp",
				System.getProperty("java.class.path"), OutboxInstance.class.getName(), dataSource.getURL(),
				dataSource.getUser(), dataSource.getPassword(), dataSource.getCurrentSchema(), this.servers.host(),
				String.valueOf(port), instanceId, String.valueOf(rate)));
		command.addAll(redis);
		if (untilInputCloses) {
			command.add(1, "-Doutbox.until=input-closed");
		}
		if (Boolean.getBoolean("outbox.jfr")) {
			// a profile of each instance, for the throughput figures:
			// target/proof-<instance>.jfr
			command.add(1, "-XX:StartFlightRecording=settings=profile,filename="
					+ log.resolveSibling("proof-" + instanceId + ".jfr"));
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		if (!redis.isEmpty()) {
			builder.environment().put("OUTBOX_REDIS_PASSWORD", this.database.getProperty("redis.password"));
		}
		return builder.start();
	}

	private static void awaitSent(PGSimpleDataSource dataSource, int sent, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (states(dataSource).values().stream().filter("SENT"::equals).count() >= sent) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("fewer than " + sent + " messages sent within " + timeout);
	}

	private static void awaitHeld(PGSimpleDataSource dataSource, String instanceId, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection
					.prepareStatement("SELECT COUNT(*) FROM smtp_outbox WHERE state = 'SENDING' AND claimed_by = ?")) {
			select.setString(1, instanceId);
			while (System.nanoTime() < deadline) {
				try (ResultSet rows = select.executeQuery()) {
					if (rows.next() && rows.getLong(1) > 0) {
						return;
					}
				}
				Thread.sleep(5);
			}
		}
		throw new AssertionError(instanceId + " held no message within " + timeout);
	}

	private Map<String, Integer> awaitDelivered(Map<String, String> states, long sent, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Map<String, Integer> ours = Map.of();
		while (System.nanoTime() < deadline) {
			ours = new HashMap<>();
			for (Map.Entry<String, Integer> entry : this.servers.countDeliveredBy(MESSAGE_ID).entrySet()) {
				if (states.containsKey(entry.getKey())) {
					ours.put(entry.getKey(), entry.getValue());
				}
			}
			long sentDelivered = ours.keySet().stream().filter((id) -> states.get(id).equals("SENT")).count();
			if (sentDelivered >= sent) {
				// let stragglers (a duplicate would be one) arrive too
				Thread.sleep(2000);
				return ours;
			}
			Thread.sleep(500);
		}
		return ours;
	}

	private static Map<String, String> states(PGSimpleDataSource dataSource) throws Exception {
		Map<String, String> states = new HashMap<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT message_id, state FROM smtp_outbox")) {
			while (rows.next()) {
				states.put(rows.getString(1), rows.getString(2));
			}
		}
		return states;
	}

	private PGSimpleDataSource schema() throws Exception {
		String schema = "proof_" + UUID.randomUUID().toString().replace("-", "");
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(this.database.getProperty("postgresql.url"));
		dataSource.setUser(this.database.getProperty("postgresql.user"));
		dataSource.setPassword(this.database.getProperty("postgresql.password"));
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				InputStream sql = getClass().getClassLoader()
					.getResourceAsStream("db/smtpclient-rate-limit/postgresql/V1__smtp_rate_limit.sql")) {
			statement.execute("CREATE SCHEMA " + schema);
			statement.execute("SET search_path TO " + schema);
			statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
		}
		dataSource.setCurrentSchema(schema);
		OutboxSchema.create(dataSource);
		return dataSource;
	}

	private static Properties database() {
		return TestServerProperties.require("postgresql.url", "the test PostgreSQL", "bash .ci/databases start");
	}

}
