package dev.smtpclient;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a server said it supports in its EHLO reply. Keywords are matched exactly and
 * without case, never as substrings: a greeting line that mentions "STARTTLS" in passing
 * does not count.
 */
public final class ServerCapabilities {

	private static final ServerCapabilities NONE = new ServerCapabilities(false, Map.of());

	private final boolean extended;

	private final Map<String, List<String>> keywords;

	private ServerCapabilities(boolean extended, Map<String, List<String>> keywords) {
		this.extended = extended;
		this.keywords = keywords;
	}

	/**
	 * The capabilities of a server that answered HELO only: none.
	 * @return the empty capabilities
	 */
	public static ServerCapabilities none() {
		return NONE;
	}

	/**
	 * Parses an EHLO reply: the first line is the server's name, each further line a
	 * keyword and its parameters. Blank lines (some servers end with a bare "250 ") and
	 * lines that are not keywords are ignored.
	 * @param ehloReply the reply
	 * @return the capabilities
	 */
	public static ServerCapabilities parse(SmtpReply ehloReply) {
		Map<String, List<String>> keywords = new LinkedHashMap<>();
		List<String> lines = ehloReply.lines();
		for (int i = 1; i < lines.size(); i++) {
			String[] words = lines.get(i).trim().split("[ \t]+");
			if (words.length == 0 || !isKeyword(words[0])) {
				continue;
			}
			String keyword = words[0].toUpperCase(Locale.ROOT);
			// "AUTH=LOGIN PLAIN" is an old Microsoft spelling of the AUTH line; treat it
			// as the same.
			if (keyword.startsWith("AUTH=")) {
				List<String> params = new java.util.ArrayList<>();
				params.add(words[0].substring(5));
				params.addAll(List.of(words).subList(1, words.length));
				keywords.merge("AUTH", List.copyOf(params), ServerCapabilities::union);
				continue;
			}
			keywords.merge(keyword, List.of(words).subList(1, words.length), ServerCapabilities::union);
		}
		return new ServerCapabilities(true, Collections.unmodifiableMap(keywords));
	}

	private static List<String> union(List<String> first, List<String> second) {
		Set<String> all = new LinkedHashSet<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	private static boolean isKeyword(String word) {
		if (word.isEmpty()) {
			return false;
		}
		String name = word.regionMatches(true, 0, "AUTH=", 0, 5) ? word.substring(5) : word;
		if (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0))) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c > 0x7f || !(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the server answered EHLO (rather than only HELO).
	 * @return whether the server speaks ESMTP
	 */
	public boolean isExtended() {
		return this.extended;
	}

	public boolean supports(String keyword) {
		return this.keywords.containsKey(keyword.toUpperCase(Locale.ROOT));
	}

	/**
	 * The parameters of a keyword, for example the mechanisms of AUTH.
	 * @param keyword the keyword
	 * @return its parameters, empty when absent
	 */
	public List<String> parameters(String keyword) {
		return this.keywords.getOrDefault(keyword.toUpperCase(Locale.ROOT), List.of());
	}

	/**
	 * Every keyword, upper case, in the server's order.
	 * @return the keywords
	 */
	public Set<String> keywords() {
		return this.keywords.keySet();
	}

	public boolean startTls() {
		return supports("STARTTLS");
	}

	public boolean pipelining() {
		return supports("PIPELINING");
	}

	public boolean eightBitMime() {
		return supports("8BITMIME");
	}

	public boolean smtpUtf8() {
		return supports("SMTPUTF8");
	}

	public boolean enhancedStatusCodes() {
		return supports("ENHANCEDSTATUSCODES");
	}

	public boolean dsn() {
		return supports("DSN");
	}

	public boolean chunking() {
		return supports("CHUNKING");
	}

	/**
	 * The AUTH mechanisms offered, upper case.
	 * @return the mechanism names
	 */
	public Set<String> authMechanisms() {
		Set<String> names = new LinkedHashSet<>();
		for (String name : parameters("AUTH")) {
			names.add(name.toUpperCase(Locale.ROOT));
		}
		return names;
	}

	/**
	 * The SIZE limit in octets. Empty when SIZE is not offered or offered with no (or a
	 * zero) limit.
	 * @return the limit
	 */
	public OptionalLong maxSize() {
		List<String> params = parameters("SIZE");
		if (!supports("SIZE") || params.isEmpty()) {
			return OptionalLong.empty();
		}
		try {
			long size = Long.parseLong(params.get(0));
			return (size > 0) ? OptionalLong.of(size) : OptionalLong.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	@Override
	public String toString() {
		return this.extended ? "ESMTP" + this.keywords.keySet() : "SMTP (HELO only)";
	}

}
