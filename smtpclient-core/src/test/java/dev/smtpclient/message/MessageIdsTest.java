package dev.smtpclient.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Message-IDs stay unique when many threads compose at once, without a draw from
 * SecureRandom for each.
 */
class MessageIdsTest {

	private static final Pattern MESSAGE_ID = Pattern.compile("\r\nMessage-ID: <([0-9a-f]{32})@test\\.example>\r\n");

	@Test
	void valuesAreUniqueAcrossThreads() throws Exception {
		int threads = 4;
		int each = 100_000;
		Set<String> seen = ConcurrentHashMap.newKeySet();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(executor.submit(() -> {
					StringBuilder text = new StringBuilder(32);
					for (int i = 0; i < each; i++) {
						text.setLength(0);
						MessageIds.appendHex(text);
						assertThat(text).hasSize(32);
						seen.add(text.toString());
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(seen).hasSize(threads * each);
	}

	@Test
	void composedMessagesHaveDistinctWellFormedMessageIds() throws Exception {
		Set<String> ids = ConcurrentHashMap.newKeySet();
		for (int i = 0; i < 1_000; i++) {
			ComposedMessage message = Message.builder()
				.from("a@test.example")
				.to("b@test.example")
				.subject("s")
				.text("t")
				.build();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			Matcher matcher = MESSAGE_ID.matcher(out.toString(StandardCharsets.US_ASCII));
			assertThat(matcher.find()).isTrue();
			ids.add(matcher.group(1));
		}
		assertThat(ids).hasSize(1_000);
	}

}
