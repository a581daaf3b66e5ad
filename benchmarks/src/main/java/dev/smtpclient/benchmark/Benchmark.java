package dev.smtpclient.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Messages per second of each contender against one smtp-sink, in one run, as medians of
 * several rounds after a warm-up, and smtpclient's ratio to each. The contenders take
 * turns within each round so that they share the machine's state alike. Every contender
 * that composes messages composes each one for its send; smtpclient's pre-built rows send
 * one message built once, and are labelled so.
 * <p>
 * Arguments (all optional): {@code host port messages connections rounds warmupMessages
 * serversProperties}; with the test servers' properties, the pooled client against Angus
 * connecting per message over the submission port's STARTTLS and AUTH follows
 * ({@link SubmissionRatio}).
 */
public final class Benchmark {

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		String host = arg(args, 0, "127.0.0.1");
		int port = Integer.parseInt(arg(args, 1, "10027"));
		int messages = Integer.parseInt(arg(args, 2, "10000"));
		int connections = Integer.parseInt(arg(args, 3, "8"));
		int rounds = Integer.parseInt(arg(args, 4, "5"));
		int warmup = Integer.parseInt(arg(args, 5, "30000"));

		List<Contender> contenders = new ArrayList<>();
		SmtpclientContender ours = new SmtpclientContender(host, port, connections, false, true);
		contenders.add(ours);
		SmtpclientContender oursBatch = new SmtpclientContender(host, port, connections, true, true);
		contenders.add(oursBatch);
		contenders.add(new SmtpclientContender(host, port, connections, false, false));
		contenders.add(new SmtpclientContender(host, port, connections, true, false));
		if (SmtpSourceContender.available()) {
			contenders.add(new SmtpSourceContender(host, port, connections));
		}
		else {
			System.out.println("smtp-source not found (Debian package postfix): skipped");
		}
		contenders.add(new VertxContender(host, port, connections));
		contenders.add(new AngusContender(host, port, connections, false));
		AngusContender perMessage = new AngusContender(host, port, connections, true);
		contenders.add(perMessage);

		System.out.printf(Locale.ROOT,
				"%d messages of about 1 KB to %s:%d over %d connections, %d rounds after %d "
						+ "warm-up messages each; JVM %s, %d cores%n",
				messages, host, port, connections, rounds, warmup, Runtime.version(),
				Runtime.getRuntime().availableProcessors());
		for (Contender contender : contenders) {
			contender.send(contender == perMessage ? warmup / 10 : warmup);
		}
		Map<Contender, double[]> rates = new LinkedHashMap<>();
		contenders.forEach((contender) -> rates.put(contender, new double[rounds]));
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < contenders.size(); i++) {
				Contender contender = contenders.get((i + round) % contenders.size());
				// connecting per message is slow: a tenth of the messages gives the same
				// rate in reasonable time
				int count = (contender == perMessage) ? Math.max(100, messages / 10) : messages;
				long started = System.nanoTime();
				contender.send(count);
				double seconds = (System.nanoTime() - started) / 1e9;
				rates.get(contender)[round] = count / seconds;
			}
		}
		double oursMedian = Medians.median(rates.get(ours));
		double batchMedian = Medians.median(rates.get(oursBatch));
		System.out.println("ratios: smtpclient's composed send and sendAll rates over each row's rate");
		System.out.printf(Locale.ROOT, "%-72s %10s %12s %14s%n", "contender", "msg/s", "send / it", "sendAll / it");
		for (Map.Entry<Contender, double[]> entry : rates.entrySet()) {
			double median = Medians.median(entry.getValue());
			System.out.printf(Locale.ROOT, "%-72s %10.0f %12.2f %14.2f%n", entry.getKey().name(), median,
					oursMedian / median, batchMedian / median);
		}
		for (Contender contender : contenders) {
			contender.close();
		}
		String servers = arg(args, 6, null);
		if (servers != null && java.nio.file.Files.isReadable(java.nio.file.Path.of(servers))) {
			SubmissionRatio.run(java.nio.file.Path.of(servers), Math.max(connections, messages / 5), connections,
					rounds);
		}
		LargeAttachment.runInChildJvm(host, port);
		System.exit(0);
	}

	private static String arg(String[] args, int index, String fallback) {
		return (args.length > index) ? args[index] : fallback;
	}

}
