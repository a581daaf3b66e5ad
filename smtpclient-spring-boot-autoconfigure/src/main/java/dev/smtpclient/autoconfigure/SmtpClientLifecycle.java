package dev.smtpclient.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

import dev.smtpclient.SmtpClient;

/**
 * Shuts the application's {@link SmtpClient clients} down gracefully when the context
 * stops: each stops taking sends at once, lets the sends under way finish within the
 * grace (the context's {@code spring.lifecycle.timeout-per-shutdown-phase}), then ends
 * its connections with QUIT. Clients close in parallel. The phase is below the web
 * server's, so requests still being served when the server stops can still send.
 * <p>
 * Only a context that is closing closes the clients: a context that is merely stopped
 * (paused, as the test framework does with cached contexts it does not use, and started
 * again later) keeps them, with their idle connections closed.
 */
public final class SmtpClientLifecycle
		implements SmartLifecycle, ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

	/**
	 * Phase of this lifecycle: stopped after the web server (graceful shutdown, then
	 * stop) and the task executors, before the beans are destroyed.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(SmtpClientLifecycle.class);

	private final List<SmtpClient> clients;

	private final Duration grace;

	private final Runnable afterStop;

	private volatile boolean running;

	private volatile boolean closing;

	private ApplicationContext context;

	/**
	 * Creates a lifecycle for the clients.
	 * @param clients the clients to close when the context stops
	 * @param grace the longest wait for sends under way
	 * @param afterStop what to do once every client is closed
	 */
	public SmtpClientLifecycle(List<SmtpClient> clients, Duration grace, Runnable afterStop) {
		this.clients = List.copyOf(clients);
		this.grace = grace;
		this.afterStop = afterStop;
	}

	Duration grace() {
		return this.grace;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		// published before the lifecycle beans stop; a child context's event reaches its
		// parent's listeners too
		if (event.getApplicationContext() == this.context) {
			this.closing = true;
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	@Override
	public void stop(Runnable callback) {
		if (!this.closing) {
			this.running = false;
			this.clients.forEach(SmtpClient::disconnect);
			callback.run();
			return;
		}
		closeAll().whenComplete((result, error) -> callback.run());
	}

	private CompletableFuture<Void> closeAll() {
		this.running = false;
		CompletableFuture<?>[] closing = this.clients.stream().map(this::close).toArray(CompletableFuture[]::new);
		return CompletableFuture.allOf(closing).whenComplete((result, error) -> this.afterStop.run());
	}

	private CompletableFuture<Void> close(SmtpClient client) {
		CompletableFuture<Void> closed = new CompletableFuture<>();
		// one short-lived thread per client, so that a slow server does not hold up the
		// others' grace
		Thread thread = new Thread(() -> {
			try {
				if (!client.close(this.grace)) {
					logger.warn("Sends to " + client.connectionSettings().host() + " were still under way after "
							+ this.grace.toMillis() + " ms; their connections close when they return");
				}
				closed.complete(null);
			}
			catch (RuntimeException ex) {
				closed.completeExceptionally(ex);
			}
		}, "smtp-shutdown");
		thread.setDaemon(true);
		thread.start();
		return closed;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
