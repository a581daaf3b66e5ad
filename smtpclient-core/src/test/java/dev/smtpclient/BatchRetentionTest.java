package dev.smtpclient;

import java.lang.ref.WeakReference;
import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.junit.jupiter.api.Test;

import dev.smtpclient.message.ComposedMessage;
import dev.smtpclient.message.Message;
import dev.smtpclient.test.PostfixServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code sendAll} batch of 20,000 composed messages needs the heap of what the caller
 * holds, not of the batch: once a message has its outcome, nothing of it (the composed
 * message, its content, an encoded copy) stays reachable from the client. Shown with a
 * caller that holds no message at all: its list composes each one when asked, and weak
 * references tell which are still reachable.
 */
class BatchRetentionTest {

	private static final String TEXT = "The quick brown fox jumps over the lazy dog. ".repeat(20) + "\n";

	private static final int MESSAGES = 20_000;

	/** Messages this far behind the one being taken have long had their outcome. */
	private static final int BEHIND = 1_000;

	@Test
	void messagesWithAnOutcomeCanBeCollectedWhileTheBatchGoesOn() {
		PostfixServers servers = PostfixServers.require();
		Composing mails = new Composing();
		try (SmtpClient client = SmtpClient.builder("smtp://" + servers.host() + ":" + servers.sinkPort())
			.tlsPolicy(TlsPolicy.NONE)
			.build()) {
			List<SendOutcome> outcomes = client.sendAll(mails);
			assertThat(outcomes).hasSize(MESSAGES).allMatch(SendOutcome::isSuccess);
			assertThat(mails.checkpoints.get()).as("checkpoints taken during the batch").isGreaterThan(5);
			assertThat(mails.mostReachableBehind.get())
				.as("composed messages still reachable %d or more messages behind the one taken", BEHIND)
				.isZero();
			// the outcomes are still held here: they keep no message either
			assertThat(reachable(mails.composed, MESSAGES)).isZero();
		}
	}

	private static int reachable(AtomicReferenceArray<WeakReference<ComposedMessage>> composed, int below) {
		for (int attempt = 0; attempt < 5; attempt++) {
			System.gc();
			int reachable = 0;
			for (int i = 0; i < below; i++) {
				WeakReference<ComposedMessage> reference = composed.get(i);
				if (reference != null && reference.get() != null) {
					reachable++;
				}
			}
			if (reachable == 0) {
				return 0;
			}
			if (attempt == 4) {
				return reachable;
			}
		}
		return 0;
	}

	/**
	 * A caller's list that holds no message: each is composed when the client asks for
	 * it. Every 2,000 messages it counts the composed messages far behind that are still
	 * reachable.
	 */
	private static final class Composing extends AbstractList<Mail> {

		final AtomicReferenceArray<WeakReference<ComposedMessage>> composed = new AtomicReferenceArray<>(MESSAGES);

		final AtomicInteger mostReachableBehind = new AtomicInteger();

		final AtomicInteger checkpoints = new AtomicInteger();

		@Override
		public Mail get(int index) {
			if (index >= 2 * BEHIND && index % 2_000 == 0) {
				this.checkpoints.incrementAndGet();
				int reachable = reachable(this.composed, index - BEHIND);
				this.mostReachableBehind.accumulateAndGet(reachable, Math::max);
			}
			ComposedMessage message = Message.builder()
				.from("Batch <batch@test.example>")
				.to("sink@test.example")
				.subject("batch " + index)
				.text(TEXT)
				.build();
			this.composed.set(index, new WeakReference<>(message));
			return message;
		}

		@Override
		public int size() {
			return MESSAGES;
		}

	}

}
