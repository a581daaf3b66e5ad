package dev.smtpclient.autoconfigure.outbox;

import org.springframework.context.SmartLifecycle;

import dev.smtpclient.outbox.SmtpOutbox;

/**
 * Starts the outbox's workers once the application context is up, and stops them (letting
 * batches under way record their outcomes) before the client and the DataSource close.
 */
final class SmtpOutboxWorkers implements SmartLifecycle {

	private final SmtpOutbox outbox;

	private volatile boolean running;

	SmtpOutboxWorkers(SmtpOutbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void start() {
		// an outbox of the application's own, built without a client, only enqueues
		if (this.outbox.canDeliver()) {
			this.outbox.start();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.outbox.close();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
