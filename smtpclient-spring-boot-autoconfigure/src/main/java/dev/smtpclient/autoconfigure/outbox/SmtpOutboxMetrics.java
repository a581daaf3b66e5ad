package dev.smtpclient.autoconfigure.outbox;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import dev.smtpclient.outbox.OutboxState;
import dev.smtpclient.outbox.OutboxStats;
import dev.smtpclient.outbox.SmtpOutbox;

/**
 * Outbox meters: {@code smtp.outbox.messages} (the table's depth, tagged {@code state}),
 * {@code smtp.outbox.oldest.due} (how long the oldest due message has waited past its due
 * time) and {@code smtp.outbox.attempts} (this instance's recorded attempts, tagged
 * {@code outcome}). The table is counted at most once per refresh interval, however many
 * meters are read.
 */
public final class SmtpOutboxMetrics implements MeterBinder {

	private final SmtpOutbox outbox;

	private final Duration refreshInterval;

	private volatile @Nullable Snapshot snapshot;

	public SmtpOutboxMetrics(SmtpOutbox outbox, Duration refreshInterval) {
		this.outbox = outbox;
		this.refreshInterval = refreshInterval;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (OutboxState state : OutboxState.values()) {
			Gauge.builder("smtp.outbox.messages", this, (metrics) -> metrics.stats().count(state))
				.tag("state", name(state))
				.description("Messages in the outbox table by state")
				.baseUnit("messages")
				.register(registry);
		}
		TimeGauge
			.builder("smtp.outbox.oldest.due", this, TimeUnit.SECONDS,
					(metrics) -> metrics.stats().oldestDue().map((age) -> age.toMillis() / 1000.0).orElse(0.0))
			.description("How long the oldest due message has waited past its due time")
			.register(registry);
		for (OutboxState outcome : new OutboxState[] { OutboxState.SENT, OutboxState.FAILED, OutboxState.RETRYING,
				OutboxState.UNKNOWN }) {
			ToDoubleFunction<SmtpOutbox> count = (outbox) -> outbox.recordedOutcomes().getOrDefault(outcome, 0L);
			FunctionCounter.builder("smtp.outbox.attempts", this.outbox, count)
				.tag("outcome", name(outcome))
				.description("Attempts this instance recorded, by outcome")
				.register(registry);
		}
	}

	private OutboxStats stats() {
		Snapshot snapshot = this.snapshot;
		long now = System.nanoTime();
		if (snapshot == null || now - snapshot.atNanos() > this.refreshInterval.toNanos()) {
			snapshot = new Snapshot(this.outbox.stats(), now);
			this.snapshot = snapshot;
		}
		return snapshot.stats();
	}

	private static String name(OutboxState state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

	private record Snapshot(OutboxStats stats, long atNanos) {
	}

}
