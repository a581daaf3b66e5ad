package dev.smtpclient.message;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DateHeaderTest {

	private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
			Locale.ENGLISH);

	@Test
	void theSameSecondInAnotherZoneIsFormattedAgain() {
		Instant instant = Instant.parse("2026-11-28T12:00:00.250Z");
		for (String zone : new String[] { "UTC", "Europe/Berlin", "UTC", "Asia/Kolkata", "America/St_Johns", "UTC" }) {
			ZonedDateTime time = instant.atZone(ZoneId.of(zone));
			assertThat(DateHeader.format(time)).isEqualTo(RFC_5322.format(time));
		}
		assertThat(DateHeader.format(instant.atZone(ZoneId.of("Asia/Kolkata"))))
			.isEqualTo("Sat, 28 Nov 2026 17:30:00 +0530");
	}

	@Test
	void eachSecondIsFormattedOnce() {
		ZonedDateTime time = Instant.parse("2026-03-01T09:05:07Z").atZone(ZoneId.of("UTC"));
		for (int i = 0; i < 3; i++) {
			ZonedDateTime later = time.plusNanos(i * 300_000_000L);
			assertThat(DateHeader.format(later)).isEqualTo("Sun, 1 Mar 2026 09:05:07 +0000");
		}
		assertThat(DateHeader.format(time.plusSeconds(1))).isEqualTo("Sun, 1 Mar 2026 09:05:08 +0000");
	}

}
