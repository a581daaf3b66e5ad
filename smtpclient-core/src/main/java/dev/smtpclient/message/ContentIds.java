package dev.smtpclient.message;

import java.util.regex.Pattern;

import dev.smtpclient.InvalidInputException;

/**
 * Content-IDs (RFC 2392): {@code id@domain} of ASCII atoms and dots, given with or
 * without angle brackets.
 */
final class ContentIds {

	private static final Pattern DOT_ATOM = Pattern
		.compile("[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+" + "(\\.[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+)*");

	private ContentIds() {
	}

	static String check(String contentId) {
		InputChecks.printableAscii("contentId", contentId, false);
		String id = (contentId.startsWith("<") && contentId.endsWith(">") && contentId.length() > 2)
				? contentId.substring(1, contentId.length() - 1) : contentId;
		int at = id.lastIndexOf('@');
		if (at <= 0 || !DOT_ATOM.matcher(id.substring(0, at)).matches()
				|| !DOT_ATOM.matcher(id.substring(at + 1)).matches()) {
			throw new InvalidInputException("contentId", "'" + contentId + "' is not of the form id@domain");
		}
		if (id.length() > 200) {
			throw new InvalidInputException("contentId", "is longer than 200 characters");
		}
		return id;
	}

}
