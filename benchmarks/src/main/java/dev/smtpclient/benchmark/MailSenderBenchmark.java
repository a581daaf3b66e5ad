package dev.smtpclient.benchmark;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import javax.net.ssl.SSLContext;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.smtpclient.Envelope;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.TlsPolicy;
import dev.smtpclient.autoconfigure.mail.SmtpJavaMailSender;
import dev.smtpclient.message.Message;

/**
 * Spring's {@code JavaMailSender} API against Postfix's submission port (STARTTLS and
 * AUTH), side by side in one run: the core's own {@code send}, the starter's drop-in
 * {@code SmtpJavaMailSender}, and Spring's {@code JavaMailSenderImpl} with Angus Mail,
 * each from the same number of threads. Mail goes to a domain the server discards.
 * <p>
 * Arguments: {@code servers.properties} (as written by {@code .ci/servers start}), then
 * optionally {@code messages threads rounds}.
 */
public final class MailSenderBenchmark {

	private static final String TO = "sink@discard.example";

	private MailSenderBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Properties servers = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
			servers.load(reader);
		}
		int messages = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		int threads = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
		int rounds = (args.length > 3) ? Integer.parseInt(args[3]) : 3;
		String host = "localhost";
		int port = Integer.parseInt(servers.getProperty("port.submission"));
		String user = servers.getProperty("user");
		String password = servers.getProperty("password");
		SSLContext ssl = TestServerTrust.sslContext(servers);

		SmtpClient coreClient = client(host, port, user, password, ssl, threads);
		SmtpClient dropInClient = client(host, port, user, password, ssl, threads);
		Mail mail = Mail.of(Envelope.of(Payload.FROM, TO), MessageContent.ofString(Payload.rfc5322()));
		JavaMailSender dropIn = new SmtpJavaMailSender(dropInClient::send, null);
		JavaMailSenderImpl boot = new JavaMailSenderImpl();
		boot.setHost(host);
		boot.setPort(port);
		boot.setUsername(user);
		boot.setPassword(password);
		Properties javaMail = boot.getJavaMailProperties();
		javaMail.put("mail.smtp.starttls.enable", "true");
		javaMail.put("mail.smtp.starttls.required", "true");
		javaMail.put("mail.smtp.ssl.socketFactory", ssl.getSocketFactory());
		javaMail.put("mail.smtp.ssl.checkserveridentity", "true");
		javaMail.put("mail.smtp.localhost", "client.test");

		ParallelSenders senders = new ParallelSenders(threads);
		Map<String, Loop> contenders = new LinkedHashMap<>();
		contenders.put("core SmtpClient.send", (count) -> senders.run(count, (thread, share) -> {
			for (int i = 0; i < share; i++) {
				coreClient.send(mail);
			}
		}));
		// the same client composing each message, as the drop-in does: not the
		// baseline, but where the drop-in's cost beyond composing shows
		contenders.put("core SmtpClient.send(Message composed per send)",
				(count) -> senders.run(count, (thread, share) -> {
					for (int i = 0; i < share; i++) {
						coreClient.send(Message.builder()
							.from(Payload.FROM)
							.to(TO)
							.subject(Payload.SUBJECT)
							.text(Payload.BODY)
							.build());
					}
				}));
		contenders.put("drop-in SmtpJavaMailSender.send(SimpleMailMessage)",
				(count) -> senders.run(count, (thread, share) -> {
					for (int i = 0; i < share; i++) {
						dropIn.send(simpleMessage());
					}
				}));
		contenders.put("Boot JavaMailSenderImpl.send(SimpleMailMessage)",
				(count) -> senders.run(count, (thread, share) -> {
					for (int i = 0; i < share; i++) {
						boot.send(simpleMessage());
					}
				}));

		System.out.printf(Locale.ROOT,
				"%d messages of about 1 KB to %s:%d (STARTTLS, AUTH) from %d threads, %d rounds;"
						+ " JVM %s, %d cores%n",
				messages, host, port, threads, rounds, Runtime.version(), Runtime.getRuntime().availableProcessors());
		Map<String, double[]> rates = new LinkedHashMap<>();
		List<String> names = List.copyOf(contenders.keySet());
		for (String name : names) {
			rates.put(name, new double[rounds]);
		}
		// an untimed round first: a shorter warm-up left the compiler still at work in
		// the first timed run, which always went to the core and put it 20% low
		for (int round = -1; round < rounds; round++) {
			for (int i = 0; i < names.size(); i++) {
				String name = names.get(Math.floorMod(i + round, names.size()));
				// Spring's own sender connects per call: a tenth of the messages gives
				// its rate in reasonable time
				int count = name.startsWith("Boot") ? Math.max(threads, messages / 10) : messages;
				long started = System.nanoTime();
				contenders.get(name).send(count);
				if (round >= 0) {
					rates.get(name)[round] = count / ((System.nanoTime() - started) / 1e9);
				}
			}
		}
		double core = Medians.median(rates.get(names.get(0)));
		System.out.printf(Locale.ROOT, "%-52s %8s %12s   %s%n", "contender", "msg/s", "of core", "each round");
		for (String name : names) {
			double median = Medians.median(rates.get(name));
			// the rounds show how much the machine's other work moved the figures
			StringBuilder each = new StringBuilder();
			for (double rate : rates.get(name)) {
				each.append(String.format(Locale.ROOT, " %.0f", rate));
			}
			System.out.printf(Locale.ROOT, "%-52s %8.0f %11.0f%%  %s%n", name, median, 100 * median / core, each);
		}
		senders.close();
		coreClient.close();
		dropInClient.close();
		System.exit(0);
	}

	private static SimpleMailMessage simpleMessage() {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(Payload.FROM);
		message.setTo(TO);
		message.setSubject(Payload.SUBJECT);
		message.setText(Payload.BODY);
		return message;
	}

	private static SmtpClient client(String host, int port, String user, String password, SSLContext ssl,
			int connections) {
		return SmtpClient.builder("esmtptls://" + host + ":" + port)
			.tlsPolicy(TlsPolicy.REQUIRED)
			.credentials(user, password)
			.sslContext(ssl)
			.heloName("client.test")
			.pool((pool) -> pool.maxSize(connections).maxMessagesPerConnection(Integer.MAX_VALUE))
			.build();
	}

	@FunctionalInterface
	private interface Loop {

		void send(int messages) throws Exception;

	}

}
