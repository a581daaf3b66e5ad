package dev.smtpclient.autoconfigure.outbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.smtpclient.outbox.OutboxException;
import dev.smtpclient.outbox.OutboxStats;
import dev.smtpclient.outbox.SmtpOutbox;

/**
 * {@link HealthIndicator} of the outbox: DOWN when the oldest due message has waited past
 * its due time for longer than the threshold (nothing is sending, or sending cannot keep
 * up), or when the table cannot be read.
 * <p>
 * Details: {@code oldestDueAge}, {@code maxDueAge} and the count of each state.
 */
public final class SmtpOutboxHealthIndicator implements HealthIndicator {

	private final SmtpOutbox outbox;

	private final Duration maxDueAge;

	public SmtpOutboxHealthIndicator(SmtpOutbox outbox, Duration maxDueAge) {
		this.outbox = outbox;
		this.maxDueAge = maxDueAge;
	}

	@Override
	public Health health() {
		OutboxStats stats;
		try {
			stats = this.outbox.stats();
		}
		catch (OutboxException ex) {
			return Health.down().withException(ex).build();
		}
		Duration oldestDue = stats.oldestDue().orElse(Duration.ZERO);
		Health.Builder health = (oldestDue.compareTo(this.maxDueAge) > 0) ? Health.down() : Health.up();
		Map<String, Long> messages = new TreeMap<>();
		stats.depth().forEach((state, count) -> messages.put(state.name().toLowerCase(Locale.ROOT), count));
		return health.withDetail("oldestDueAge", oldestDue.toString())
			.withDetail("maxDueAge", this.maxDueAge.toString())
			.withDetail("messages", messages)
			.build();
	}

}
