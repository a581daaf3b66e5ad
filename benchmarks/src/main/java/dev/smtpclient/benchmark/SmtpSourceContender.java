package dev.smtpclient.benchmark;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Postfix's smtp-source, the C reference: {@code smtp-source -s C -d} keeps C sessions
 * open and sends one message after another on each, without pipelining.
 */
final class SmtpSourceContender implements Contender {

	private final String host;

	private final int port;

	private final int connections;

	SmtpSourceContender(String host, int port, int connections) {
		this.host = host;
		this.port = port;
		this.connections = connections;
	}

	static boolean available() {
		try {
			Process process = new ProcessBuilder("smtp-source", "-h").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			process.waitFor(5, TimeUnit.SECONDS);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	@Override
	public String name() {
		return "smtp-source -s " + this.connections + " -d (C)";
	}

	@Override
	public void send(int messages) throws Exception {
		Process process = new ProcessBuilder(List.of("smtp-source", "-s", String.valueOf(this.connections), "-d", "-m",
				String.valueOf(messages), "-l", "1000", "-f", Payload.FROM, "-t", Payload.TO, "-S", Payload.SUBJECT,
				this.host + ":" + this.port))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException("smtp-source failed: " + output);
		}
	}

}
