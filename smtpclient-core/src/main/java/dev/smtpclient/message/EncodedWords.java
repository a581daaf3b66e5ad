package dev.smtpclient.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * RFC 2047 encoded words ({@code =?UTF-8?B?...?=}) for non-ASCII header text. The B
 * encoding is used throughout: its output has no character with a meaning in any header
 * context (phrase, comment or unstructured text).
 * <p>
 * Text is split between code points, never inside one (RFC 2047 section 5: each encoded
 * word must decode to whole characters), so that no word is longer than 75 characters.
 */
final class EncodedWords {

	/**
	 * "=?UTF-8?B?" and "?=" around at most 60 base64 characters: 72 in all, under the
	 * limit of 75.
	 */
	private static final int MAX_OCTETS_PER_WORD = 45;

	private static final String PREFIX = "=?UTF-8?B?";

	private static final String SUFFIX = "?=";

	private EncodedWords() {
	}

	/**
	 * Encodes the text as a sequence of encoded words, to be written separated by folding
	 * white space (which a decoder drops between adjacent encoded words). The first word
	 * is short enough for the room left on the current line when that room holds at least
	 * the first character (otherwise it is a full one, for the next line).
	 * @param text the text
	 * @param firstRoom the characters available for the first word
	 * @return the words, at least one
	 */
	static List<String> encode(String text, int firstRoom) {
		List<String> words = new ArrayList<>();
		Base64.Encoder base64 = Base64.getEncoder();
		int firstOctets = Math.min(MAX_OCTETS_PER_WORD,
				(Math.max(0, firstRoom - PREFIX.length() - SUFFIX.length()) / 4) * 3);
		int maxOctets = (!text.isEmpty() && utf8Length(text.codePointAt(0)) <= firstOctets) ? firstOctets
				: MAX_OCTETS_PER_WORD;
		int start = 0;
		int octets = 0;
		int i = 0;
		while (i < text.length()) {
			int codePoint = text.codePointAt(i);
			int length = Character.charCount(codePoint);
			int size = utf8Length(codePoint);
			if (octets + size > maxOctets) {
				words.add(word(base64, text.substring(start, i)));
				start = i;
				octets = 0;
				maxOctets = MAX_OCTETS_PER_WORD;
			}
			octets += size;
			i += length;
		}
		if (start < text.length() || words.isEmpty()) {
			words.add(word(base64, text.substring(start)));
		}
		return words;
	}

	private static String word(Base64.Encoder base64, String chunk) {
		return PREFIX + base64.encodeToString(chunk.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
	}

	private static int utf8Length(int codePoint) {
		if (codePoint < 0x80) {
			return 1;
		}
		if (codePoint < 0x800) {
			return 2;
		}
		return (codePoint < 0x10000) ? 3 : 4;
	}

}
