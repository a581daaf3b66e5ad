package dev.smtpclient.message;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smtpclient.test.PostfixServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 100 MB attachment goes through the engine in a JVM with a 64 MB heap: a file part is
 * encoded while it is written, never held in memory. Sent to Postfix's smtp-sink, which
 * discards it.
 */
class LargeAttachmentTest {

	private static final long SIZE = 100L * 1024 * 1024;

	@Test
	void hundredMegabytesWithA64MegabyteHeap(@TempDir Path dir) throws Exception {
		PostfixServers servers = PostfixServers.require();
		String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(javaBinary, "-Xmx64m", "-cp",
				System.getProperty("java.class.path"), LargeAttachmentSender.class.getName(), "127.0.0.1",
				String.valueOf(servers.sinkPort()), String.valueOf(SIZE), dir.toString()))
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("child.log").toFile())
			.start();
		boolean finished = process.waitFor(4, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		File log = dir.resolve("child.log").toFile();
		String output = new String(Files.readAllBytes(log.toPath()), StandardCharsets.UTF_8);
		assertThat(finished).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		String[] sent = output.lines().filter((line) -> line.startsWith("SENT ")).findFirst().orElseThrow().split(" ");
		long octets = Long.parseLong(sent[1]);
		// base64 with CRLF after every 76 characters: 4/3 of the file plus 2 octets per
		// 57 octets of the file
		assertThat(octets).isGreaterThan(SIZE * 4 / 3 + SIZE / 57 * 2)
			.isLessThan(SIZE * 4 / 3 + SIZE / 57 * 2 + 10_000);
		assertThat(Long.parseLong(sent[2])).isLessThanOrEqualTo(64L * 1024 * 1024);
	}

}
