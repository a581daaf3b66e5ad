package dev.smtpclient.benchmark.jmh;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.internal.protocol.ReplyReader;
import dev.smtpclient.internal.transport.InMemoryTransport;

/**
 * Reading one reply off the wire: the single line after the data, and a multi-line EHLO
 * reply.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Thread)
public class ReplyBenchmark {

	private static final Duration TIMEOUT = Duration.ofMinutes(10);

	@Param({ "QUEUED", "EHLO" })
	public String reply;

	private ReplyReader reader;

	@Setup
	public void setUp() {
		String text = switch (this.reply) {
			case "QUEUED" -> "250 2.0.0 Ok: queued as 4Fz1Kq0mXcz9sWf\r\n";
			case "EHLO" -> "250-sink.test.example\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-VRFY\r\n250-ETRN\r\n"
					+ "250-STARTTLS\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250-DSN\r\n250-SMTPUTF8\r\n"
					+ "250 CHUNKING\r\n";
			default -> throw new IllegalArgumentException(this.reply);
		};
		this.reader = new ReplyReader(new Replaying(text.getBytes(StandardCharsets.US_ASCII)));
	}

	@Benchmark
	public SmtpReply parse() {
		return this.reader.read(SmtpPhase.DATA, TIMEOUT);
	}

	/**
	 * Hands out the same reply on every read, as a server answering each command.
	 */
	private static final class Replaying extends InMemoryTransport {

		private final byte[] reply;

		Replaying(byte[] reply) {
			this.reply = reply;
		}

		@Override
		public int read(byte[] buffer, int offset, int length, Duration timeout) {
			System.arraycopy(this.reply, 0, buffer, offset, this.reply.length);
			return this.reply.length;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
		}

	}

}
