package dev.smtpclient.benchmark.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Locale;

import dev.smtpclient.MessageContent;
import dev.smtpclient.message.ComposedMessage;

/**
 * The CPU time and the octets allocated per message of compose and of compose and write,
 * measured on the thread itself: on a machine shared with other work, wall-clock times
 * (JMH's) wander with the load, while the thread's own CPU time and allocation barely
 * move. A complement to {@link ComposeBenchmark}, not a replacement.
 * <p>
 * Arguments (optional): {@code messages rounds}.
 */
public final class CpuTime {

	private CpuTime() {
	}

	public static void main(String[] args) throws IOException {
		int messages = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		Sink sink = new Sink();
		System.out.printf(Locale.ROOT, "%-22s %-14s %14s %12s%n", "scenario", "operation", "cpu ns/msg", "B/msg");
		for (Scenario scenario : Scenario.values()) {
			int count = (scenario == Scenario.ATTACHMENT_100KB) ? Math.max(1, messages / 50) : messages;
			for (boolean write : new boolean[] { false, true }) {
				double bestCpu = Double.MAX_VALUE;
				double allocated = 0;
				for (int round = 0; round <= rounds; round++) {
					long cpu = threads.getCurrentThreadCpuTime();
					long bytes = threads.getCurrentThreadAllocatedBytes();
					for (int i = 0; i < count; i++) {
						ComposedMessage message = scenario.compose();
						if (write) {
							message.envelope();
							MessageContent content = message.content();
							content.size();
							content.writeTo(sink);
						}
					}
					// round 0 is the warm-up
					if (round > 0) {
						bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpu) / (double) count);
						allocated = (threads.getCurrentThreadAllocatedBytes() - bytes) / (double) count;
					}
				}
				System.out.printf(Locale.ROOT, "%-22s %-14s %14.0f %12.0f%n", scenario,
						write ? "compose+write" : "compose", bestCpu, allocated);
			}
		}
		System.out.println("(" + sink.count + " octets written)");
	}

}
