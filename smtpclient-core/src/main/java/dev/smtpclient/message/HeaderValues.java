package dev.smtpclient.message;

import java.util.List;

import dev.smtpclient.InvalidInputException;

/**
 * Renders header values as tokens of a {@link HeaderField}: unstructured text (RFC 5322
 * 3.2.5, with RFC 2047 encoded words where plain text would not come back exactly),
 * display names and address lists.
 */
final class HeaderValues {

	/**
	 * The longest plain word written as is; longer ones are encoded, which splits them.
	 */
	private static final int MAX_PLAIN_WORD = 76;

	private HeaderValues() {
	}

	/**
	 * Unstructured text, such as a subject. Written plain when it is ASCII words
	 * separated by single spaces; otherwise as encoded words, so that leading, trailing
	 * or repeated white space, non-ASCII characters and text that looks like an encoded
	 * word all come back as given.
	 */
	static void unstructured(HeaderField field, String value) {
		if (value.isEmpty()) {
			return;
		}
		if (isPlain(value, MAX_PLAIN_WORD)) {
			words(field, value);
		}
		else {
			for (String word : EncodedWords.encode(value, field.roomForEncodedWord())) {
				field.encodedWord(word);
			}
		}
	}

	/**
	 * A structured value that must be printable ASCII as given (Message-ID, References,
	 * List-Unsubscribe, Received): folded at its spaces only, never encoded. A run of
	 * spaces is written as one, which is the same folding white space to every reader.
	 */
	static void ascii(HeaderField field, String name, String value) {
		InputChecks.printableAscii(name, value, true);
		for (String word : value.strip().split(" +")) {
			field.word(word);
		}
	}

	/**
	 * Refuses a structured value with a word that could not fit a line of 998 octets
	 * after the field name, as folding happens only between words.
	 * @param field the name of the field for the error
	 * @param name the header name
	 * @param value the value, printable ASCII
	 */
	static void checkStructured(String field, String name, String value) {
		int room = HeaderField.MAX_LINE_OCTETS - name.length() - 2;
		for (String word : value.strip().split(" +")) {
			if (word.length() > room) {
				throw new InvalidInputException(field,
						"has a word of " + word.length() + " characters, which cannot " + "fit a header line of "
								+ HeaderField.MAX_LINE_OCTETS + " octets; structured fields are "
								+ "folded only at spaces, never encoded");
			}
		}
	}

	static void addresses(HeaderField field, List<Address> addresses) {
		for (int i = 0; i < addresses.size(); i++) {
			Address address = addresses.get(i);
			// the comma goes with the address, so that the line's length counts it
			boolean comma = i < addresses.size() - 1;
			String bare = address.address();
			String name = address.name();
			StringBuilder text;
			if (name != null) {
				phrase(field, name);
				text = field.token(bare.length() + (comma ? 3 : 2)).append('<').append(bare).append('>');
			}
			else {
				text = field.token(bare.length() + (comma ? 1 : 0)).append(bare);
			}
			if (comma) {
				text.append(',');
			}
		}
	}

	/**
	 * A display name: atoms as they are, otherwise a quoted string, otherwise (non-ASCII,
	 * odd spacing, long) encoded words. Only the name is ever encoded, never the address.
	 */
	static void phrase(HeaderField field, String name) {
		if (!isEncodedPhrase(name) && isAtoms(name)) {
			words(field, name);
		}
		else if (!isEncodedPhrase(name)) {
			field.word(Address.quote(name));
		}
		else {
			for (String word : EncodedWords.encode(name, field.roomForEncodedWord())) {
				field.encodedWord(word);
			}
		}
	}

	/**
	 * The words of text whose words are separated by single spaces, as tokens (what
	 * {@code split(" ")} gives, without the strings).
	 */
	private static void words(HeaderField field, String value) {
		int start = 0;
		int space;
		while ((space = value.indexOf(' ', start)) >= 0) {
			field.word(value, start, space);
			start = space + 1;
		}
		field.word(value, start, value.length());
	}

	/**
	 * Whether a display name is written as encoded words (rather than atoms or a quoted
	 * string).
	 */
	static boolean isEncodedPhrase(String name) {
		return !(isPlain(name, MAX_PLAIN_WORD) && (isAtoms(name) || name.length() <= MAX_PLAIN_WORD - 2));
	}

	/**
	 * Whether the text is printable ASCII words separated by single spaces, none too long
	 * and none that a decoder could take for an encoded word.
	 */
	private static boolean isPlain(String value, int maxWord) {
		if (!InputChecks.isAscii(value) || value.startsWith(" ") || value.endsWith(" ") || value.contains("  ")
				|| value.contains("=?") || value.contains("\t")) {
			return false;
		}
		int wordLength = 0;
		for (int i = 0; i < value.length(); i++) {
			wordLength = (value.charAt(i) == ' ') ? 0 : wordLength + 1;
			if (wordLength > maxWord) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAtoms(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != ' ' && !AddressParser.isAtext(c)) {
				return false;
			}
		}
		return true;
	}

}
