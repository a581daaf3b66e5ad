package dev.smtpclient;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 3463 enhanced status code such as {@code 5.1.1}.
 *
 * @param statusClass 2, 4 or 5
 * @param subject the subject (0 to 999)
 * @param detail the detail (0 to 999)
 */
public record EnhancedStatusCode(int statusClass, int subject, int detail) {

	private static final Pattern PREFIX = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?: |$)");

	/**
	 * Reads an enhanced status code from the start of a reply's text, if the text has one
	 * whose class matches the reply code's.
	 * @param replyCode the three-digit reply code
	 * @param text the text after the reply code
	 * @return the code, if present and consistent
	 */
	static Optional<EnhancedStatusCode> parse(int replyCode, String text) {
		Matcher matcher = PREFIX.matcher(text);
		if (!matcher.find()) {
			return Optional.empty();
		}
		int statusClass = Integer.parseInt(matcher.group(1));
		if (statusClass != replyCode / 100) {
			return Optional.empty();
		}
		return Optional.of(new EnhancedStatusCode(statusClass, Integer.parseInt(matcher.group(2)),
				Integer.parseInt(matcher.group(3))));
	}

	@Override
	public String toString() {
		return this.statusClass + "." + this.subject + "." + this.detail;
	}

}
