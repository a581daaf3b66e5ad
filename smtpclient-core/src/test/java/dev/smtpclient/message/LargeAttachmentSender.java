package dev.smtpclient.message;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpConnection;
import dev.smtpclient.TlsPolicy;

/**
 * Run in a child JVM with a small heap by {@link LargeAttachmentTest}: creates a file of
 * the given size, attaches it and sends the message through the engine. Prints
 * {@code SENT <octets> <max heap>} and exits 0 only on success.
 * <p>
 * Arguments: host, port, size in octets, directory for the file.
 */
public final class LargeAttachmentSender {

	private LargeAttachmentSender() {
	}

	public static void main(String[] args) throws Exception {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		long size = Long.parseLong(args[2]);
		Path file = Path.of(args[3]).resolve("large.bin");
		byte[] block = new byte[1024 * 1024];
		new Random(42).nextBytes(block);
		try (OutputStream out = Files.newOutputStream(file)) {
			for (long written = 0; written < size; written += block.length) {
				out.write(block, 0, (int) Math.min(block.length, size - written));
			}
		}
		Message message = new Message("Sender <sender@test.example>", "Large attachment");
		message.addTo("sink@test.example");
		message.setBody("A large file is attached.\n");
		message.attach(file);
		ComposedMessage composed = message.snapshot();
		ConnectionSettings settings = ConnectionSettings.builder()
			.host(host)
			.port(port)
			.tlsPolicy(TlsPolicy.NONE)
			.heloName("client.test")
			.dataTimeout(Duration.ofMinutes(3))
			.build();
		try (SmtpConnection connection = SmtpConnection.open(settings)) {
			SendResult result = connection.send(composed.envelope(), composed.content());
			if (result.finalReply().code() != 250) {
				System.exit(2);
			}
			System.out.println("SENT " + result.bytesSent() + " " + Runtime.getRuntime().maxMemory());
		}
		Files.delete(file);
		System.exit(0);
	}

}
