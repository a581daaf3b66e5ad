package dev.smtpclient.message;

import dev.smtpclient.InvalidInputException;
import dev.smtpclient.internal.protocol.WireText;

/**
 * Checks the text a caller hands to the message API before it is stored. The check is on
 * the characters and on their UTF-8 octets, so that no value can put a CR, LF, NUL or
 * other control octet into a header.
 */
final class InputChecks {

	private InputChecks() {
	}

	/**
	 * Refuses null and control characters (C0, DEL, C1, the Unicode line and paragraph
	 * separators) and unpaired surrogates.
	 * @param field the name of the field for the error
	 * @param value the value
	 * @return the value
	 */
	static String noControls(String field, String value) {
		return WireText.requireNoControls(field, value);
	}

	/**
	 * The length of the text in UTF-8, without encoding it (a lone surrogate counts as
	 * the one "?" it becomes).
	 */
	static int utf8Length(String value) {
		int length = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				length++;
			}
			else if (c < 0x800) {
				length += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				length += 4;
				i++;
			}
			else if (Character.isSurrogate(c)) {
				length++;
			}
			else {
				length += 3;
			}
		}
		return length;
	}

	static boolean isControl(char c) {
		return WireText.isControl(c);
	}

	/**
	 * Refuses anything but printable ASCII (0x21 to 0x7E, and space when allowed).
	 */
	static String printableAscii(String field, String value, boolean spaceAllowed) {
		noControls(field, value);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0x7e || (c == ' ' && !spaceAllowed)) {
				throw new InvalidInputException(field, String
					.format("character U+%04X at index %d is not allowed (printable ASCII only)", (int) c, i));
			}
		}
		return value;
	}

	static boolean isAscii(CharSequence value) {
		return WireText.isAscii(value);
	}

}
