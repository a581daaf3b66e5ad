package dev.smtpclient.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.smtpclient.Envelope;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SendOutcome;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.TlsPolicy;

/**
 * This project's pooled client: one client, and either as many sending threads as
 * connections, or one batch ({@code sendAll}) that pipelines each message behind the
 * previous one on every connection. Each message is composed through
 * {@code Message.builder()} for its send, as a user does, or, for the pre-built rows, one
 * message built once is sent over and over.
 */
final class SmtpclientContender implements Contender {

	private final SmtpClient client;

	private final ParallelSenders senders;

	private final Mail prebuilt = Mail.of(Envelope.of(Payload.FROM, Payload.TO),
			MessageContent.ofString(Payload.rfc5322()));

	private final boolean batch;

	private final boolean composed;

	SmtpclientContender(String host, int port, int connections, boolean batch, boolean composed) {
		this.batch = batch;
		this.composed = composed;
		this.client = SmtpClient.builder("smtp://" + host + ":" + port)
			.tlsPolicy(TlsPolicy.NONE)
			.heloName("client.test")
			.pool((pool) -> pool.maxSize(connections).maxMessagesPerConnection(Integer.MAX_VALUE))
			.build();
		this.senders = new ParallelSenders(connections);
	}

	@Override
	public String name() {
		int pool = this.client.poolSettings().maxSize();
		return "smtpclient " + (this.batch ? "sendAll" : "send from " + pool + " threads") + " (pool " + pool + "), "
				+ (this.composed ? "composed" : "one pre-built message");
	}

	@Override
	public void send(int messages) throws Exception {
		if (this.batch) {
			List<Mail> mails;
			if (this.composed) {
				mails = new ArrayList<>(messages);
				for (int i = 0; i < messages; i++) {
					mails.add(Payload.compose());
				}
			}
			else {
				mails = Collections.nCopies(messages, this.prebuilt);
			}
			for (SendOutcome outcome : this.client.sendAll(mails)) {
				if (!outcome.isSuccess()) {
					throw outcome.error();
				}
			}
			return;
		}
		this.senders.run(messages, (thread, share) -> {
			for (int i = 0; i < share; i++) {
				this.client.send(this.composed ? Payload.compose() : this.prebuilt);
			}
		});
	}

	@Override
	public void close() {
		this.senders.close();
		this.client.close();
	}

}
