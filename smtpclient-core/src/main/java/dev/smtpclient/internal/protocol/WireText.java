package dev.smtpclient.internal.protocol;

import java.nio.charset.StandardCharsets;

import dev.smtpclient.InvalidInputException;

/**
 * Checks text that goes into an SMTP command line. The check is on the UTF-8 bytes that
 * will be written, so no character can smuggle a CR, LF or NUL onto the wire whatever its
 * code point.
 */
public final class WireText {

	private WireText() {
	}

	/**
	 * Refuses control characters (C0, DEL, C1, and the Unicode line and paragraph
	 * separators).
	 * @param field the name of the field for the error
	 * @param value the value
	 * @return the value
	 */
	public static String requireNoControls(String field, String value) {
		if (value == null) {
			throw new InvalidInputException(field, "must not be null");
		}
		boolean ascii = true;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			ascii &= c < 0x80;
			if (isControl(c)) {
				throw new InvalidInputException(field,
						String.format("control character U+%04X at index %d is not allowed", (int) c, i));
			}
			if (Character.isSurrogate(c) && !validSurrogatePair(value, i)) {
				throw new InvalidInputException(field, "unpaired surrogate at index " + i);
			}
			if (Character.isHighSurrogate(c)) {
				i++;
			}
		}
		if (ascii) {
			// ASCII characters are their own octets, each checked above
			return value;
		}
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int octet = b & 0xff;
			if (octet < 0x20 || octet == 0x7f) {
				throw new InvalidInputException(field, String.format("encodes to the control octet 0x%02X", octet));
			}
		}
		return value;
	}

	/**
	 * Whether a character is a control character: C0, DEL, C1, or the Unicode line or
	 * paragraph separator. The one definition behind every input check and every escaped
	 * log line.
	 * @param c the character
	 * @return whether it is a control character
	 */
	public static boolean isControl(char c) {
		return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029';
	}

	private static boolean validSurrogatePair(String value, int index) {
		return Character.isHighSurrogate(value.charAt(index)) && index + 1 < value.length()
				&& Character.isLowSurrogate(value.charAt(index + 1));
	}

	public static boolean isAscii(CharSequence value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

}
