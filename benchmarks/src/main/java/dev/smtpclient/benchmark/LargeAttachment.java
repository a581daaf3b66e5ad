package dev.smtpclient.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.TlsPolicy;
import dev.smtpclient.message.Message;

/**
 * The second scenario: one message with a 100 MB attachment, sent by a JVM limited to 64
 * MB of heap, reporting the time and the peak heap. {@link #runInChildJvm} starts that
 * JVM from the benchmark.
 */
public final class LargeAttachment {

	private LargeAttachment() {
	}

	static void runInChildJvm(String host, int port) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
				LargeAttachment.class.getName(), host, String.valueOf(port)))
			.inheritIO()
			.start();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException("the large-attachment run failed");
		}
	}

	public static void main(String[] args) throws Exception {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		long size = 100L * 1024 * 1024;
		Path file = Files.createTempFile("smtpclient-bench", ".bin");
		try {
			writeRandom(file, size);
			Message message = new Message("Bench <bench@test.example>", "100 MB attachment");
			message.setBody("See the attachment.\n");
			message.addTo("sink@test.example");
			message.attach("big.bin", "application/octet-stream", file);
			try (SmtpClient client = SmtpClient.builder("smtp://" + host + ":" + port)
				.tlsPolicy(TlsPolicy.NONE)
				.heloName("client.test")
				.build()) {
				long started = System.nanoTime();
				SendResult result = client.send(message.snapshot());
				double seconds = (System.nanoTime() - started) / 1e9;
				long peak = peakHeap();
				System.out.printf(Locale.ROOT,
						"100 MB attachment with -Xmx%dm: %d octets sent in %.2f s (%.0f MB/s), "
								+ "peak heap at most %.1f MB (sum of the heap pools' peaks)%n",
						Runtime.getRuntime().maxMemory() / (1024 * 1024), result.bytesSent(), seconds,
						result.bytesSent() / seconds / 1e6, peak / 1048576.0);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static void writeRandom(Path file, long size) throws IOException {
		Random random = new Random(42);
		byte[] block = new byte[1024 * 1024];
		try (OutputStream out = Files.newOutputStream(file)) {
			for (long written = 0; written < size; written += block.length) {
				random.nextBytes(block);
				out.write(block);
			}
		}
	}

	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

}
