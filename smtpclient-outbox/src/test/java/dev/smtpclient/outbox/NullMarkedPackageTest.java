package dev.smtpclient.outbox;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's types are non-null unless marked, like the core's, and the values a status
 * may lack are marked.
 */
class NullMarkedPackageTest {

	@Test
	void thePackageIsNullMarked() {
		assertThat(SmtpOutbox.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
	}

	@Test
	void aStatusMarksWhatItMayLack() throws Exception {
		assertThat(OutboxStatus.class.getRecordComponents())
			.filteredOn((component) -> component.getAnnotatedType().isAnnotationPresent(Nullable.class))
			.extracting("name")
			.containsExactly("nextAttemptAt", "completedAt", "reply", "queueId", "lastError");
	}

}
