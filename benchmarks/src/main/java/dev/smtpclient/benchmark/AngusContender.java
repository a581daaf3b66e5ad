package dev.smtpclient.benchmark;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * Angus Mail (the Jakarta Mail implementation Spring's JavaMailSender uses), either with one Transport kept per
 * thread or connecting for every message as JavaMailSenderImpl does per call.
 */
final class AngusContender implements Contender {

	private final Session session;

	private final String host;

	private final int port;

	private final boolean connectPerMessage;

	private final int threads;

	private final ParallelSenders senders;

	private final Transport[] transports;

	private final MimeMessage message;

	AngusContender(String host, int port, int threads, boolean connectPerMessage) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", String.valueOf(port));
		properties.put("mail.smtp.localhost", "client.test");
		properties.put("mail.smtp.connectiontimeout", "15000");
		properties.put("mail.smtp.timeout", "60000");
		this.session = Session.getInstance(properties);
		this.host = host;
		this.port = port;
		this.threads = threads;
		this.connectPerMessage = connectPerMessage;
		this.senders = new ParallelSenders(threads);
		this.transports = new Transport[threads];
		this.message = new MimeMessage(this.session,
				new ByteArrayInputStream(Payload.rfc5322().getBytes(StandardCharsets.US_ASCII)));
		this.message.saveChanges();
	}

	@Override
	public String name() {
		return this.connectPerMessage ? "Angus, connect per message (" + this.threads + " threads)"
				: "Angus, Transport reused (" + this.threads + " threads)";
	}

	@Override
	public void send(int messages) throws Exception {
		this.senders.run(messages, (thread, share) -> {
			for (int i = 0; i < share; i++) {
				if (this.connectPerMessage) {
					try (Transport transport = this.session.getTransport("smtp")) {
						transport.connect(this.host, this.port, null, null);
						transport.sendMessage(this.message, this.message.getAllRecipients());
					}
				}
				else {
					Transport transport = transport(thread);
					transport.sendMessage(this.message, this.message.getRecipients(Message.RecipientType.TO));
				}
			}
		});
	}

	private Transport transport(int thread) throws Exception {
		if (this.transports[thread] == null || !this.transports[thread].isConnected()) {
			Transport transport = this.session.getTransport("smtp");
			transport.connect(this.host, this.port, null, null);
			this.transports[thread] = transport;
		}
		return this.transports[thread];
	}

	@Override
	public void close() throws Exception {
		this.senders.close();
		for (Transport transport : this.transports) {
			if (transport != null) {
				transport.close();
			}
		}
	}

}
