package dev.smtpclient.benchmark;

import java.util.Date;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Angus Mail (the Jakarta Mail implementation Spring's JavaMailSender uses), either with
 * one Transport kept per thread or connecting for every message as JavaMailSenderImpl
 * does per call. Each message is a new {@link MimeMessage}, composed for its send.
 */
final class AngusContender implements Contender {

	private final Session session;

	private final String host;

	private final int port;

	private final boolean connectPerMessage;

	private final int threads;

	private final ParallelSenders senders;

	private final Transport[] transports;

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
	}

	private MimeMessage compose() throws MessagingException {
		MimeMessage message = new MimeMessage(this.session);
		message.setFrom(new InternetAddress(Payload.FROM));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(Payload.TO));
		message.setSubject(Payload.SUBJECT);
		message.setSentDate(new Date());
		message.setText(Payload.BODY);
		message.saveChanges();
		return message;
	}

	@Override
	public String name() {
		return this.connectPerMessage ? "Angus, connect per message (" + this.threads + " threads), composed"
				: "Angus, Transport reused (" + this.threads + " threads), composed";
	}

	@Override
	public void send(int messages) throws Exception {
		this.senders.run(messages, (thread, share) -> {
			for (int i = 0; i < share; i++) {
				MimeMessage message = compose();
				if (this.connectPerMessage) {
					try (Transport transport = this.session.getTransport("smtp")) {
						transport.connect(this.host, this.port, null, null);
						transport.sendMessage(message, message.getAllRecipients());
					}
				}
				else {
					Transport transport = transport(thread);
					transport.sendMessage(message, message.getAllRecipients());
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
