package dev.smtpclient.benchmark;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;

import javax.net.ssl.SSLContext;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.smtpclient.SmtpClient;
import dev.smtpclient.TlsPolicy;
import dev.smtpclient.message.Message;

/**
 * Postfix's submission port (STARTTLS, then AUTH), where the server's TLS and
 * authentication work sets the pace: smtpclient's pooled {@code send} from several
 * threads against Angus Mail connecting for every message (what Spring's
 * {@code JavaMailSenderImpl} does per call), both composing each message for its send,
 * taking turns in each round. Mail goes to a domain the server discards. Part of
 * {@link Benchmark}; on its own, arguments {@code servers.properties [messages [threads
 * [rounds]]]}.
 */
final class SubmissionRatio {

	private static final String TO = "sink@discard.example";

	private SubmissionRatio() {
	}

	public static void main(String[] args) throws Exception {
		int messages = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		int threads = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
		int rounds = (args.length > 3) ? Integer.parseInt(args[3]) : 3;
		run(Path.of(args[0]), messages, threads, rounds);
		System.exit(0);
	}

	/**
	 * Runs the comparison and prints both rates and their ratio.
	 * @param serversFile the test servers' properties (ports, user, password, trust
	 * store)
	 * @param messages the messages per round for the pooled client (a tenth for Angus)
	 * @param threads the sending threads (and the pool's connections)
	 * @param rounds the rounds
	 * @throws Exception when a send fails
	 */
	static void run(Path serversFile, int messages, int threads, int rounds) throws Exception {
		Properties servers = new Properties();
		try (Reader reader = Files.newBufferedReader(serversFile)) {
			servers.load(reader);
		}
		String host = "localhost";
		int port = Integer.parseInt(servers.getProperty("port.submission"));
		String user = servers.getProperty("user");
		String password = servers.getProperty("password");
		SSLContext ssl = TestServerTrust.sslContext(servers);
		ParallelSenders senders = new ParallelSenders(threads);
		try (SmtpClient client = SmtpClient.builder("esmtptls://" + host + ":" + port)
			.tlsPolicy(TlsPolicy.REQUIRED)
			.credentials(user, password)
			.sslContext(ssl)
			.heloName("client.test")
			.pool((pool) -> pool.maxSize(threads).maxMessagesPerConnection(Integer.MAX_VALUE))
			.build()) {
			Session session = angusSession(host, port, ssl);
			Loop ours = (count) -> senders.run(count, (thread, share) -> {
				for (int i = 0; i < share; i++) {
					client.send(Message.builder()
						.from(Payload.FROM)
						.to(TO)
						.subject(Payload.SUBJECT)
						.text(Payload.BODY)
						.build());
				}
			});
			ConnectPerMessage angus = new ConnectPerMessage(session, host, port, user, password);
			Loop angusParallel = (count) -> senders.run(count, (thread, share) -> angus.send(share));
			// one caller at a time, as an application calling JavaMailSenderImpl from one
			// thread does: each message waits for its own connection, TLS and AUTH
			Loop angusSerial = angus::send;
			// connecting per message is slow: a tenth (a fortieth from one thread) of the
			// messages gives its rate in reasonable time
			int parallelCount = Math.max(threads, messages / 10);
			int serialCount = Math.max(10, messages / 40);
			ours.send(Math.max(threads, messages / 4));
			angusParallel.send(Math.max(threads, parallelCount / 4));
			angusSerial.send(Math.max(2, serialCount / 4));
			Loop[] loops = { ours, angusParallel, angusSerial };
			int[] counts = { messages, parallelCount, serialCount };
			double[][] rates = new double[loops.length][rounds];
			for (int round = 0; round < rounds; round++) {
				for (int turn = 0; turn < loops.length; turn++) {
					// each round starts with a different contender
					int contender = (turn + round) % loops.length;
					long started = System.nanoTime();
					loops[contender].send(counts[contender]);
					rates[contender][round] = counts[contender] / ((System.nanoTime() - started) / 1e9);
				}
			}
			double oursMedian = Medians.median(rates[0]);
			double parallelMedian = Medians.median(rates[1]);
			double serialMedian = Medians.median(rates[2]);
			System.out.printf(Locale.ROOT,
					"submission port %s:%d (STARTTLS, AUTH), %d threads, %d rounds, %d, %d and %d messages a round:%n",
					host, port, threads, rounds, messages, parallelCount, serialCount);
			System.out.printf(Locale.ROOT, "%-72s %10.0f %12.2f%n",
					"smtpclient send from " + threads + " threads (pool " + threads + "), composed", oursMedian, 1.0);
			System.out.printf(Locale.ROOT, "%-72s %10.0f %12.2f%n",
					"Angus, connect per message (" + threads + " threads), composed", parallelMedian,
					oursMedian / parallelMedian);
			System.out.printf(Locale.ROOT, "%-72s %10.0f %12.2f%n", "Angus, connect per message (1 thread), composed",
					serialMedian, oursMedian / serialMedian);
		}
		finally {
			senders.close();
		}
	}

	private static Session angusSession(String host, int port, SSLContext ssl) {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", String.valueOf(port));
		properties.put("mail.smtp.auth", "true");
		properties.put("mail.smtp.starttls.enable", "true");
		properties.put("mail.smtp.starttls.required", "true");
		properties.put("mail.smtp.ssl.socketFactory", ssl.getSocketFactory());
		properties.put("mail.smtp.ssl.checkserveridentity", "true");
		properties.put("mail.smtp.localhost", "client.test");
		properties.put("mail.smtp.connectiontimeout", "15000");
		properties.put("mail.smtp.timeout", "60000");
		return Session.getInstance(properties);
	}

	/**
	 * Angus Mail as {@code JavaMailSenderImpl} uses it: a new transport, connected and
	 * authenticated, for every message.
	 */
	private record ConnectPerMessage(Session session, String host, int port, String user, String password) {

		void send(int count) throws Exception {
			for (int i = 0; i < count; i++) {
				MimeMessage message = new MimeMessage(this.session);
				message.setFrom(new InternetAddress(Payload.FROM));
				message.setRecipient(RecipientType.TO, new InternetAddress(TO));
				message.setSubject(Payload.SUBJECT);
				message.setSentDate(new Date());
				message.setText(Payload.BODY);
				message.saveChanges();
				try (Transport transport = this.session.getTransport("smtp")) {
					transport.connect(this.host, this.port, this.user, this.password);
					transport.sendMessage(message, message.getAllRecipients());
				}
			}
		}

	}

	@FunctionalInterface
	private interface Loop {

		void send(int messages) throws Exception;

	}

}
