package dev.smtpclient.benchmark.jmh;

import java.io.IOException;
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

import dev.smtpclient.Envelope;
import dev.smtpclient.MessageContent;
import dev.smtpclient.message.ComposedMessage;

/**
 * Composing a message and writing it as the engine does for each send: the envelope, the
 * size for MAIL FROM's SIZE parameter, then the content. Run with {@code -prof gc} for
 * the octets allocated per message.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Thread)
public class ComposeBenchmark {

	@Param
	public Scenario scenario;

	private final Sink sink = new Sink();

	private ComposedMessage prebuilt;

	@Setup
	public void setUp() {
		this.prebuilt = this.scenario.compose();
	}

	/**
	 * {@code Message.builder()...build()}: parsing, checks, the header section, the MIME
	 * tree.
	 */
	@Benchmark
	public ComposedMessage compose() {
		return this.scenario.compose();
	}

	/**
	 * Compose, then what a send asks of the message: envelope, size and every octet of
	 * the content.
	 */
	@Benchmark
	public long composeAndWrite() throws IOException {
		return send(this.scenario.compose());
	}

	/**
	 * The write alone, of a message composed once (the pre-built path).
	 */
	@Benchmark
	public long writePrebuilt() throws IOException {
		return send(this.prebuilt);
	}

	private long send(ComposedMessage message) throws IOException {
		Envelope envelope = message.envelope();
		MessageContent content = message.content();
		long size = content.size().orElse(-1);
		content.writeTo(this.sink);
		return size + envelope.recipients().size() + this.sink.count;
	}

}
