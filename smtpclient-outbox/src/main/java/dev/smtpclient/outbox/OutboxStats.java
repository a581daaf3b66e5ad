package dev.smtpclient.outbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the whole outbox table (every instance's messages), for metrics and
 * health.
 *
 * @param depth how many messages are in each state (every state present, zero when none)
 * @param oldestDueAge how long the oldest due message has waited past its due time, or
 * {@code null} when none is due
 */
public record OutboxStats(Map<OutboxState, Long> depth, @Nullable Duration oldestDueAge) {

	public OutboxStats {
		Map<OutboxState, Long> all = new EnumMap<>(OutboxState.class);
		for (OutboxState state : OutboxState.values()) {
			all.put(state, depth.getOrDefault(state, 0L));
		}
		depth = Map.copyOf(all);
	}

	public long count(OutboxState state) {
		return this.depth.get(state);
	}

	public Optional<Duration> oldestDue() {
		return Optional.ofNullable(this.oldestDueAge);
	}

}
