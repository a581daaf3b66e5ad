package dev.smtpclient.benchmark;

import dev.smtpclient.Envelope;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.TlsPolicy;

/**
 * This project's pooled client: one client, as many connections as threads.
 */
final class SmtpclientContender implements Contender {

	private final SmtpClient client;

	private final ParallelSenders senders;

	private final Mail mail = Mail.of(Envelope.of(Payload.FROM, Payload.TO), MessageContent.ofString(Payload.rfc5322()));

	SmtpclientContender(String host, int port, int connections) {
		this.client = SmtpClient.builder("smtp://" + host + ":" + port)
			.tlsPolicy(TlsPolicy.NONE)
			.heloName("client.test")
			.pool((pool) -> pool.maxSize(connections).maxMessagesPerConnection(Integer.MAX_VALUE))
			.build();
		this.senders = new ParallelSenders(connections);
	}

	@Override
	public String name() {
		return "smtpclient (pool " + this.client.poolSettings().maxSize() + ")";
	}

	@Override
	public void send(int messages) throws Exception {
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
