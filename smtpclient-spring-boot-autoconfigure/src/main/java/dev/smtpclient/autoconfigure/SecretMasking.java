package dev.smtpclient.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the password of a URL out of messages, even of a URL that cannot be parsed.
 */
final class SecretMasking {

	private SecretMasking() {
	}

	/**
	 * The URL with the password part of its user info replaced by {@code ****}.
	 */
	static @Nullable String maskUrl(@Nullable String url) {
		if (url == null) {
			return null;
		}
		int schemeEnd = url.indexOf("://");
		int start = (schemeEnd >= 0) ? schemeEnd + 3 : 0;
		int at = url.lastIndexOf('@');
		if (at < start) {
			return url;
		}
		int colon = url.indexOf(':', start);
		if (colon < 0 || colon > at) {
			return url;
		}
		return url.substring(0, colon + 1) + "****" + url.substring(at);
	}

	/**
	 * The text with the URL's password, if it appears, replaced by {@code ****}.
	 */
	static String mask(@Nullable String text, @Nullable String url) {
		String result = (text != null) ? text : "";
		String password = password(url);
		return (password != null && !password.isEmpty()) ? result.replace(password, "****") : result;
	}

	private static @Nullable String password(@Nullable String url) {
		if (url == null) {
			return null;
		}
		int schemeEnd = url.indexOf("://");
		int start = (schemeEnd >= 0) ? schemeEnd + 3 : 0;
		int at = url.lastIndexOf('@');
		int colon = url.indexOf(':', start);
		return (at > start && colon >= 0 && colon < at) ? url.substring(colon + 1, at) : null;
	}

}
