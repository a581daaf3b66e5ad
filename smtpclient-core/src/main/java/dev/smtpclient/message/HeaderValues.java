package dev.smtpclient.message;

import java.util.List;

import dev.smtpclient.InvalidInputException;

/**
 * Renders header values as tokens of a {@link HeaderField}: unstructured text (RFC 5322 3.2.5, with RFC 2047
 * encoded words where plain text would not come back exactly), display names and address lists.
 */
final class HeaderValues {

	/** The longest plain word written as is; longer ones are encoded, which splits them. */
	private static final int MAX_PLAIN_WORD = 76;

	/** The longest word in a header that must stay plain ASCII (a message id list); the line limit is 998. */
	private static final int MAX_ASCII_WORD = 900;

	private HeaderValues() {
	}

	/**
	 * Unstructured text, such as a subject. Written plain when it is ASCII words separated by single spaces;
	 * otherwise as encoded words, so that leading, trailing or repeated white space, non-ASCII characters and
	 * text that looks like an encoded word all come back as given.
	 */
	static void unstructured(HeaderField field, String value) {
		if (value.isEmpty()) {
			return;
		}
		if (isPlain(value, MAX_PLAIN_WORD)) {
			for (String word : value.split(" ")) {
				field.word(word);
			}
		}
		else {
			for (String word : EncodedWords.encode(value)) {
				field.word(word);
			}
		}
	}

	/**
	 * A value that must be printable ASCII as given (Message-ID, Date, References): split at its spaces only.
	 */
	static void ascii(HeaderField field, String name, String value) {
		InputChecks.printableAscii(name, value, true);
		for (String word : value.trim().split(" +")) {
			if (word.length() > MAX_ASCII_WORD) {
				throw new InvalidInputException(name, "has a word longer than " + MAX_ASCII_WORD + " characters");
			}
			if (!word.isEmpty()) {
				field.word(word);
			}
		}
	}

	static void addresses(HeaderField field, List<Address> addresses) {
		for (int i = 0; i < addresses.size(); i++) {
			Address address = addresses.get(i);
			if (address.displayName().isPresent()) {
				phrase(field, address.displayName().get());
				field.word("<" + address.address() + ">");
			}
			else {
				field.word(address.address());
			}
			if (i < addresses.size() - 1) {
				field.append(",");
			}
		}
	}

	/**
	 * A display name: atoms as they are, otherwise a quoted string, otherwise (non-ASCII, odd spacing, long)
	 * encoded words. Only the name is ever encoded, never the address.
	 */
	static void phrase(HeaderField field, String name) {
		if (!isEncodedPhrase(name) && isAtoms(name)) {
			for (String word : name.split(" ")) {
				field.word(word);
			}
		}
		else if (!isEncodedPhrase(name)) {
			field.word(Address.quote(name));
		}
		else {
			for (String word : EncodedWords.encode(name)) {
				field.word(word);
			}
		}
	}

	/**
	 * Whether a display name is written as encoded words (rather than atoms or a quoted string).
	 */
	static boolean isEncodedPhrase(String name) {
		return !(isPlain(name, MAX_PLAIN_WORD) && (isAtoms(name) || name.length() <= MAX_PLAIN_WORD - 2));
	}

	/**
	 * Whether the text is printable ASCII words separated by single spaces, none too long and none that a
	 * decoder could take for an encoded word.
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
