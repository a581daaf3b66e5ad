package dev.smtpclient.benchmark;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

/**
 * The Vert.x mail client, pooled, with pipelining; sends are kept in flight up to four
 * per connection. Each message is a new {@link MailMessage}, composed for its send.
 */
final class VertxContender implements Contender {

	private final Vertx vertx = Vertx.vertx();

	private final MailClient client;

	private final int connections;

	VertxContender(String host, int port, int connections) {
		MailConfig config = new MailConfig().setHostname(host)
			.setPort(port)
			.setStarttls(StartTLSOptions.DISABLED)
			.setMaxPoolSize(connections)
			.setKeepAlive(true)
			.setPipelining(true)
			.setOwnHostname("client.test");
		this.client = MailClient.createShared(this.vertx, config, "benchmark");
		this.connections = connections;
	}

	private static MailMessage compose() {
		return new MailMessage().setFrom(Payload.FROM)
			.setTo(Payload.TO)
			.setSubject(Payload.SUBJECT)
			.setText(Payload.BODY);
	}

	@Override
	public String name() {
		return "Vert.x mail (pool " + this.connections + ", pipelining), composed";
	}

	@Override
	public void send(int messages) throws Exception {
		Semaphore inFlight = new Semaphore(this.connections * 4);
		CountDownLatch done = new CountDownLatch(messages);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		for (int i = 0; i < messages; i++) {
			inFlight.acquire();
			this.client.sendMail(compose()).onComplete((result) -> {
				if (result.failed()) {
					failure.compareAndSet(null, result.cause());
				}
				inFlight.release();
				done.countDown();
			});
		}
		if (!done.await(10, TimeUnit.MINUTES)) {
			throw new IllegalStateException("Vert.x sends did not finish");
		}
		if (failure.get() != null) {
			throw new IllegalStateException("a Vert.x send failed", failure.get());
		}
	}

	@Override
	public void close() {
		this.client.close();
		this.vertx.close();
	}

}
