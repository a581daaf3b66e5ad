package dev.smtpclient;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.smtpclient.test.ChaosProxy;
import dev.smtpclient.test.PostfixServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends through a proxy that kills connections at random points, to the real Postfix, and
 * accounts for every message: nothing reported sent may be missing or doubled, and
 * nothing may arrive unreported unless its outcome was reported unknown.
 */
class FaultInjectionTest {

	@Test
	void noMessageIsLostOrDuplicatedWhenConnectionsDieAtRandom() throws Exception {
		PostfixServers servers = PostfixServers.require();
		long seed = Long.getLong("chaos.seed", System.nanoTime());
		int count = Integer.getInteger("chaos.messages", 10_000);
		String run = UUID.randomUUID().toString().substring(0, 8);
		try (ChaosProxy proxy = new ChaosProxy(new InetSocketAddress("127.0.0.1", servers.plainPort()), 0.8, 6000,
				seed);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + proxy.port())
					.heloName("client.test")
					.commandTimeout(Duration.ofSeconds(10))
					.retry(new RetryPolicy(8, Duration.ofMillis(5), 2.0, Duration.ofMillis(100)))
					.pool((pool) -> pool.maxSize(4).maxMessagesPerConnection(20))
					.build()) {
			List<Mail> mails = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				mails.add(Mail.of(Envelope.of("chaos@test.example", "chaos-" + run + "@test.example"),
						MessageContent.ofString("Subject: chaos-" + run + "-" + i + "\r\nMessage-ID: <" + run + "." + i
								+ "@client.test>\r\n\r\nmessage " + i + " of run " + run + "\r\n")));
			}
			List<SendOutcome> outcomes = client.sendAll(mails);

			Set<String> sent = new HashSet<>();
			Set<String> unknown = new HashSet<>();
			Set<String> failed = new HashSet<>();
			for (SendOutcome outcome : outcomes) {
				String id = String.valueOf(outcome.index());
				if (outcome.isSuccess()) {
					sent.add(id);
				}
				else if (outcome.error() instanceof OutcomeUnknownException) {
					unknown.add(id);
				}
				else {
					failed.add(id);
				}
			}
			Map<String, Integer> delivered = awaitDeliveries(servers, run, sent.size() + unknown.size(), sent.size());
			Set<String> deliveredButNotReported = new HashSet<>(delivered.keySet());
			deliveredButNotReported.removeAll(sent);
			System.out.printf(
					"fault injection (seed %d): %d messages, %d connections, %d killed; sent %d, "
							+ "delivered %d, failed %d, unknown %d (of which delivered %d)%n",
					seed, count, proxy.connections(), proxy.kills(), sent.size(), delivered.size(), failed.size(),
					unknown.size(), deliveredButNotReported.size());

			assertThat(proxy.kills()).as("the proxy killed connections").isGreaterThan(30);
			assertThat(sent.size() + unknown.size() + failed.size()).isEqualTo(count);
			for (String id : sent) {
				assertThat(delivered.getOrDefault(id, 0)).as("message %s was reported sent", id).isEqualTo(1);
			}
			assertThat(unknown).containsAll(deliveredButNotReported);
			assertThat(delivered.values()).allMatch((n) -> n == 1);
			for (String id : failed) {
				assertThat(delivered).as("message %s was reported failed", id).doesNotContainKey(id);
			}
			assertThat(client.stats().active()).isZero();
		}
	}

	private static Map<String, Integer> awaitDeliveries(PostfixServers servers, String run, int atMost, int atLeast)
			throws InterruptedException {
		Pattern subject = Pattern.compile("Subject: chaos-" + Pattern.quote(run) + "-(\\d+)");
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		Map<String, Integer> delivered = Map.of();
		int stableRounds = 0;
		int lastSize = -1;
		while (System.nanoTime() < deadline) {
			delivered = servers.countDeliveredBy(subject);
			int total = delivered.values().stream().mapToInt(Integer::intValue).sum();
			stableRounds = (total == lastSize) ? stableRounds + 1 : 0;
			lastSize = total;
			if (total >= atLeast && (total >= atMost || stableRounds >= 6)) {
				break;
			}
			Thread.sleep(500);
		}
		// one more look after Postfix's queue has had time to settle
		Thread.sleep(1000);
		return servers.countDeliveredBy(subject);
	}

}
