package dev.smtpclient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import jakarta.activation.DataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's classes depend on one another in one direction only: the pool on the
 * session, the session's steps on its command channel, the channel on the protocol and
 * the transport, never back. Read from the compiled classes with {@code jdeps}; nested
 * classes count as their outer class.
 */
class EngineDependencyTest {

	private static final String ENGINE = "dev.smtpclient.internal.";

	@Test
	void engineClassesHaveNoDependencyCycle() {
		Map<String, Set<String>> graph = engineGraph();
		assertThat(graph).containsKeys(ENGINE + "session.Session", ENGINE + "session.CommandChannel");
		assertThat(cycles(graph)).isEmpty();
	}

	@Test
	void stepsOfASessionTalkToTheChannelNotToTheSession() {
		Map<String, Set<String>> graph = engineGraph();
		for (String step : List.of("Handshake", "Authenticator", "MailTransaction", "BdatWriter", "MessageSequence")) {
			assertThat(graph.getOrDefault(ENGINE + "session." + step, Set.of())).as(step)
				.contains(ENGINE + "session.CommandChannel")
				.doesNotContain(ENGINE + "session.Session");
		}
	}

	private static Map<String, Set<String>> engineGraph() {
		ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
		StringWriter out = new StringWriter();
		try (PrintWriter writer = new PrintWriter(out)) {
			int status = jdeps.run(writer, writer, "--module-path", location(DataSource.class).toString(),
					"-filter:none", "-verbose:class", location(SmtpClient.class).toString());
			assertThat(status).as(out.toString()).isZero();
		}
		Map<String, Set<String>> graph = new TreeMap<>();
		for (String line : out.toString().split("\\R")) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length >= 3 && fields[1].equals("->") && fields[0].startsWith(ENGINE)
					&& fields[2].startsWith(ENGINE)) {
				String from = outer(fields[0]);
				String to = outer(fields[2]);
				if (!from.equals(to)) {
					graph.computeIfAbsent(from, (key) -> new TreeSet<>()).add(to);
				}
			}
		}
		return graph;
	}

	private static String outer(String name) {
		int nested = name.indexOf('$');
		return (nested < 0) ? name : name.substring(0, nested);
	}

	/**
	 * Every cycle's classes, found as the strongly connected components (Tarjan) with
	 * more than one class.
	 */
	private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
		Map<String, Integer> index = new HashMap<>();
		Map<String, Integer> low = new HashMap<>();
		Deque<String> stack = new ArrayDeque<>();
		List<Set<String>> cycles = new ArrayList<>();
		for (String node : graph.keySet()) {
			if (!index.containsKey(node)) {
				connect(node, graph, index, low, stack, cycles);
			}
		}
		return cycles;
	}

	private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
			Map<String, Integer> low, Deque<String> stack, List<Set<String>> cycles) {
		index.put(node, index.size());
		low.put(node, index.get(node));
		stack.push(node);
		for (String next : graph.getOrDefault(node, Set.of())) {
			if (!index.containsKey(next)) {
				connect(next, graph, index, low, stack, cycles);
				low.put(node, Math.min(low.get(node), low.get(next)));
			}
			else if (stack.contains(next)) {
				low.put(node, Math.min(low.get(node), index.get(next)));
			}
		}
		if (low.get(node).equals(index.get(node))) {
			Set<String> component = new TreeSet<>();
			String member;
			do {
				member = stack.pop();
				component.add(member);
			}
			while (!member.equals(node));
			if (component.size() > 1) {
				cycles.add(component);
			}
		}
	}

	private static Path location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
