package dev.smtpclient.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.smtpclient.ConnectionSettings;

/**
 * {@link HealthIndicator} for an SMTP server that never talks to the server on the
 * caller's thread: a {@link SmtpHealthRefresher} checks the server in the background
 * every interval, and {@link #health()} returns the last result at once. Only the very
 * first call, before any check has finished, waits, and at most the timeout.
 * <p>
 * A check opens a connection of its own with the client's settings but short timeouts:
 * greeting, EHLO and STARTTLS as the TLS policy asks, AUTH only when asked to, then QUIT.
 * Details: {@code target} (scheme, host and port; never the user), {@code greeting},
 * {@code extensions}, {@code tls.protocol}, {@code tls.cipher}, {@code latency},
 * {@code checkedAt}; when DOWN, {@code error} and {@code phase}. A result older than two
 * intervals and the timeout means the refresh has stopped, and is reported DOWN.
 */
public final class SmtpHealthIndicator implements HealthIndicator {

	private final SmtpHealthProbe probe;

	private final Duration interval;

	private final Clock clock;

	private final CompletableFuture<Void> firstCheck = new CompletableFuture<>();

	private volatile @Nullable Result last;

	/**
	 * Creates an indicator for the client's settings. Nothing is checked until
	 * {@link #refresh()} runs, usually on a {@link SmtpHealthRefresher}.
	 * @param clientSettings the settings of the client whose server is checked
	 * @param timeout the deadline of a check, and the timeout of each of its steps
	 * @param interval the time between two checks
	 * @param authenticate whether to log in as well
	 * @param clock the clock that dates results and measures checks
	 */
	public SmtpHealthIndicator(ConnectionSettings clientSettings, Duration timeout, Duration interval,
			boolean authenticate, Clock clock) {
		this.probe = new SmtpHealthProbe(clientSettings, timeout, authenticate, clock);
		this.interval = interval;
		this.clock = clock;
	}

	Duration interval() {
		return this.interval;
	}

	/**
	 * Checks the server now and keeps the result. Never throws, so a scheduled refresh
	 * keeps running.
	 */
	void refresh() {
		Health health;
		try {
			health = this.probe.check();
		}
		catch (RuntimeException ex) {
			health = this.probe.down().withDetail("error", ex.getClass().getSimpleName()).build();
		}
		this.last = new Result(health, this.clock.instant());
		this.firstCheck.complete(null);
	}

	@Override
	public Health health() {
		Result result = this.last;
		if (result == null) {
			result = awaitFirstCheck();
			if (result == null) {
				return this.probe.timedOut().build();
			}
		}
		Duration maxAge = this.interval.multipliedBy(2).plus(this.probe.timeout());
		if (Duration.between(result.at(), this.clock.instant()).compareTo(maxAge) > 0) {
			return this.probe.down()
				.withDetail("error", "no check finished since " + result.at())
				.withDetail("checkedAt", result.at().toString())
				.build();
		}
		return result.health();
	}

	private @Nullable Result awaitFirstCheck() {
		try {
			this.firstCheck.get(this.probe.timeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// no result yet: reported as a timeout below
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return this.last;
	}

	private record Result(Health health, Instant at) {

	}

}
