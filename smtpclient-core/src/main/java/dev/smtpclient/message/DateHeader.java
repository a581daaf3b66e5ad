package dev.smtpclient.message;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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

	private static volatile Formatted last = new Formatted(Long.MIN_VALUE, 0, null, "");

	private DateHeader() {
	}

	static String format(ZonedDateTime time) {
		long second = time.toEpochSecond();
		int offset = time.getOffset().getTotalSeconds();
		Formatted formatted = last;
		if (formatted.second != second || formatted.offset != offset) {
			formatted = new Formatted(second, offset, time.getZone(), FORMAT.format(time));
			last = formatted;
		}
		return formatted.text;
	}

	/**
	 * The value for now: a zone's offset at a given second never changes, so within the
	 * second of the last value in the same zone nothing is made.
	 * @param clock the clock, or null for the system clock in the default time zone
	 * @return the value
	 */
	static String now(Clock clock) {
		long millis = (clock != null) ? clock.millis() : System.currentTimeMillis();
		ZoneId zone = (clock != null) ? clock.getZone() : ZoneId.systemDefault();
		long second = Math.floorDiv(millis, 1000);
		Formatted formatted = last;
		if (formatted.second == second && zone.equals(formatted.zone)) {
			return formatted.text;
		}
		return format(ZonedDateTime.ofInstant(Instant.ofEpochSecond(second), zone));
	}

	private record Formatted(long second, int offset, ZoneId zone, String text) {
	}

}
