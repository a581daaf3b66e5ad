package dev.smtpclient.autoconfigure.metrics;

import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.smtpclient.PoolStats;
import dev.smtpclient.SmtpClient;

/**
 * A {@link MeterBinder} for the connection pools of clients: gauges that read
 * {@link SmtpClient#stats()} when the registry asks, so a scrape always sees the pool as
 * it is. Each client's gauges are tagged {@code name} (its bean name),
 * {@code server.address} and {@code server.port}.
 * <ul>
 * <li>{@code smtp.client.connections} ({@code state}: active, idle): connections
 * open</li>
 * <li>{@code smtp.client.connections.pending}: sends waiting for a connection</li>
 * <li>{@code smtp.client.connections.max}: the most connections the pool may open</li>
 * </ul>
 */
public final class SmtpClientPoolMetrics implements MeterBinder {

	public static final String CONNECTIONS = "smtp.client.connections";

	public static final String PENDING = "smtp.client.connections.pending";

	public static final String MAX = "smtp.client.connections.max";

	private final Map<String, SmtpClient> clients;

	/**
	 * Creates a binder for the clients.
	 * @param clients the clients by name
	 */
	public SmtpClientPoolMetrics(Map<String, SmtpClient> clients) {
		this.clients = Map.copyOf(clients);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.clients.forEach((name, client) -> bind(registry, name, client));
	}

	private void bind(MeterRegistry registry, String name, SmtpClient client) {
		Tags tags = Tags.of("name", name, "server.address", client.connectionSettings().host(), "server.port",
				String.valueOf(client.connectionSettings().port()));
		gauge(CONNECTIONS, "Connections open, lent to a send (active) or free (idle)", client,
				tags.and("state", "active"), PoolStats::active)
			.baseUnit(BaseUnits.CONNECTIONS)
			.register(registry);
		gauge(CONNECTIONS, "Connections open, lent to a send (active) or free (idle)", client,
				tags.and("state", "idle"), PoolStats::idle)
			.baseUnit(BaseUnits.CONNECTIONS)
			.register(registry);
		gauge(PENDING, "Sends waiting for a connection", client, tags, PoolStats::pending).register(registry);
		gauge(MAX, "Most connections the pool may open", client, tags, PoolStats::max).register(registry);
	}

	private static Gauge.Builder<SmtpClient> gauge(String name, String description, SmtpClient client, Tags tags,
			ToDoubleFunction<PoolStats> value) {
		return Gauge.builder(name, client, (measured) -> value.applyAsDouble(measured.stats()))
			.description(description)
			.tags(tags);
	}

}
