package dev.smtpclient.message;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Date field's value (RFC 5322 3.3), {@code EEE, d MMM yyyy HH:mm:ss Z} in English.
 * Every message composed in the same second and zone has the same value, so the last one
 * is kept and reused rather than formatted again.
 */
final class DateHeader {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
			Locale.ENGLISH);

	private static volatile Formatted last = new Formatted(Long.MIN_VALUE, 0, "");

	private DateHeader() {
	}

	static String format(ZonedDateTime time) {
		long second = time.toEpochSecond();
		int offset = time.getOffset().getTotalSeconds();
		Formatted formatted = last;
		if (formatted.second != second || formatted.offset != offset) {
			formatted = new Formatted(second, offset, FORMAT.format(time));
			last = formatted;
		}
		return formatted.text;
	}

	private record Formatted(long second, int offset, String text) {
	}

}
