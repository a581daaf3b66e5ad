package dev.smtpclient.benchmark.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

import dev.smtpclient.MessageContent;
import dev.smtpclient.message.ComposedMessage;

/**
 * The CPU time and the octets allocated per message of compose and of compose and write,
 * measured on the thread itself: on a machine shared with other work, wall-clock times
 * (JMH's) wander with the load, while the thread's own CPU time and allocation barely
 * move. A complement to {@link ComposeBenchmark}, not a replacement.
 * <p>
 * Arguments (optional): {@code messages rounds operation scenario...}: the messages a
 * round, the measured rounds (after {@value #WARM_UP_ROUNDS} to warm up; the best is
 * kept), {@code compose}, {@code write} (compose and write) or {@code both}, and the
 * scenarios (all by default). One operation of one scenario per JVM disturbs the figures
 * least.
 */
public final class CpuTime {

	private static final int WARM_UP_ROUNDS = 4;

	private CpuTime() {
	}

	public static void main(String[] args) throws IOException {
		int messages = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		String operation = (args.length > 2) ? args[2] : "both";
		Scenario[] scenarios = (args.length > 3)
				? Arrays.stream(args, 3, args.length).map(Scenario::valueOf).toArray(Scenario[]::new)
				: Scenario.values();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		Sink sink = new Sink();
		System.out.printf(Locale.ROOT, "%-22s %-14s %14s %12s%n", "scenario", "operation", "cpu ns/msg", "B/msg");
		for (Scenario scenario : scenarios) {
			int count = (scenario == Scenario.ATTACHMENT_100KB) ? Math.max(1, messages / 50) : messages;
			for (boolean write : new boolean[] { false, true }) {
				if (!operation.equals("both") && operation.equals("write") != write) {
					continue;
				}
				double bestCpu = Double.MAX_VALUE;
				double allocated = 0;
				for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
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
					if (round >= WARM_UP_ROUNDS) {
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
