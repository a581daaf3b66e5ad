package dev.smtpclient.benchmark;

import dev.smtpclient.Envelope;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.TlsPolicy;

/**
 * This project's pooled client: one client, and either as many sending threads as connections, or one batch
 * ({@code sendAll}) that pipelines each message behind the previous one on every connection.
 */
final class SmtpclientContender implements Contender {

	private final SmtpClient client;

	private final ParallelSenders senders;

	private final Mail mail = Mail.of(Envelope.of(Payload.FROM, Payload.TO), MessageContent.ofString(Payload.rfc5322()));

	private final boolean batch;

	SmtpclientContender(String host, int port, int connections, boolean batch) {
		this.batch = batch;
		this.client = SmtpClient.builder("smtp://" + host + ":" + port)
			.tlsPolicy(TlsPolicy.NONE)
			.heloName("client.test")
			.pool((pool) -> pool.maxSize(connections).maxMessagesPerConnection(Integer.MAX_VALUE))
			.build();
		this.senders = new ParallelSenders(connections);
	}

	@Override
	public String name() {
		return "smtpclient " + (this.batch ? "sendAll" : "send from " + this.client.poolSettings().maxSize() + " threads")
				+ " (pool " + this.client.poolSettings().maxSize() + ")";
	}

	@Override
	public void send(int messages) throws Exception {
		if (this.batch) {
			for (dev.smtpclient.SendOutcome outcome : this.client.sendAll(java.util.Collections.nCopies(messages, this.mail))) {
				if (!outcome.isSuccess()) {
					throw outcome.error();
				}
			}
			return;
		}
		this.senders.run(messages, (thread, share) -> {
			for (int i = 0; i < share; i++) {
				this.client.send(this.mail);
			}
		});
	}

	@Override
	public void close() {
		this.senders.close();
		this.client.close();
	}

}
