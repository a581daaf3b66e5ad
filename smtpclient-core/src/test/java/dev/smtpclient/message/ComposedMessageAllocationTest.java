package dev.smtpclient.message;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import dev.smtpclient.MessageContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Sending a composed message asks it for its size and then writes it, once per send:
 * neither may allocate a buffer, or write the message a second time, per message.
 * Measured as the octets the thread allocates, which do not depend on the machine's speed
 * or load.
 */
class ComposedMessageAllocationTest {

	private static final String TEXT = "The quick brown fox jumps over the lazy dog. ".repeat(20) + "\n";

	@Test
	void sizeAndWritingAllocateNoBufferPerMessage() throws Exception {
		com.sun.management.ThreadMXBean threads = threadBean();
		ComposedMessage message = Message.builder()
			.from("Bench <bench@test.example>")
			.to("sink@test.example")
			.subject("benchmark")
			.text(TEXT)
			.build();
		OutputStream discard = OutputStream.nullOutputStream();
		for (int i = 0; i < 2_000; i++) {
			write(message, discard);
		}
		int writes = 1_000;
		long before = threads.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < writes; i++) {
			write(message, discard);
		}
		long perWrite = (threads.getCurrentThreadAllocatedBytes() - before) / writes;
		// a message of about 1.1 KB: a buffer per write (or a counting write for the
		// size) shows as kilobytes
		assertThat(perWrite).isLessThan(256);
	}

	@Test
	void composingAndWritingAllocateLittleBeyondTheMessagesOwnOctets() throws Exception {
		com.sun.management.ThreadMXBean threads = threadBean();
		OutputStream discard = OutputStream.nullOutputStream();
		for (int i = 0; i < 20_000; i++) {
			composeAndWrite(discard);
		}
		int messages = 5_000;
		long size = 0;
		long before = threads.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < messages; i++) {
			size = composeAndWrite(discard);
		}
		long perMessage = (threads.getCurrentThreadAllocatedBytes() - before) / messages;
		// the body's octets and the header section are the message's own; a copy, a
		// buffer or an encoded duplicate of the body on top of them shows as hundreds of
		// octets
		assertThat(perMessage).as("octets allocated per message of %d octets", size).isLessThan(size + 768);
	}

	private static long composeAndWrite(OutputStream out) throws IOException {
		ComposedMessage message = Message.builder()
			.from("Bench <bench@test.example>")
			.to("sink@test.example")
			.subject("benchmark")
			.text(TEXT)
			.build();
		message.envelope();
		MessageContent content = message.content();
		long size = content.size().getAsLong();
		content.writeTo(out);
		return size;
	}

	private static void write(ComposedMessage message, OutputStream out) throws IOException {
		MessageContent content = message.content();
		content.size();
		content.writeTo(out);
	}

	private static com.sun.management.ThreadMXBean threadBean() {
		assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
		return threads;
	}

}
