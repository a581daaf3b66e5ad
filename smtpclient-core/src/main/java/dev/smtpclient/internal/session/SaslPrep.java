package dev.smtpclient.internal.session;

import java.text.Normalizer;

import dev.smtpclient.InvalidInputException;

/**
 * SASLprep (RFC 4013), the stringprep profile (RFC 3454) for user names and passwords, as
 * a query: unassigned code points are let through. Maps non-ASCII spaces to a space and
 * drops the characters that are "commonly mapped to nothing", normalises with NFKC, then
 * refuses prohibited output and malformed bidirectional text. Without it a password typed
 * with a no-break space or a compatibility character would not match what the server
 * stored.
 * <p>
 * Errors name the field only: the value is a credential and never appears in a message.
 */
final class SaslPrep {

	private SaslPrep() {
	}

	/**
	 * Prepares a credential.
	 * @param field the name of the field for the error ({@code username} or
	 * {@code password})
	 * @param value the value
	 * @return the prepared value
	 * @throws InvalidInputException if the value holds a prohibited character or
	 * malformed bidirectional text
	 */
	static String prepare(String field, String value) {
		StringBuilder mapped = new StringBuilder(value.length());
		for (int i = 0; i < value.length();) {
			int codePoint = value.codePointAt(i);
			i += Character.charCount(codePoint);
			if (isMappedToNothing(codePoint)) {
				continue;
			}
			if (isNonAsciiSpace(codePoint)) {
				mapped.append(' ');
			}
			else {
				mapped.appendCodePoint(codePoint);
			}
		}
		String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
		boolean randAl = false;
		boolean leftToRight = false;
		for (int i = 0; i < normalized.length();) {
			int codePoint = normalized.codePointAt(i);
			i += Character.charCount(codePoint);
			if (isProhibited(codePoint)) {
				throw new InvalidInputException(field, "has a character that SASLprep (RFC 4013 2.3) prohibits");
			}
			byte direction = Character.getDirectionality(codePoint);
			randAl |= direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
					|| direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
			leftToRight |= direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
		}
		if (randAl && (leftToRight || !isRandAl(normalized.codePointAt(0))
				|| !isRandAl(normalized.codePointBefore(normalized.length())))) {
			throw new InvalidInputException(field, "mixes right-to-left and left-to-right text in a way SASLprep "
					+ "(RFC 4013 2.4, RFC 3454 6) prohibits");
		}
		return normalized;
	}

	private static boolean isRandAl(int codePoint) {
		byte direction = Character.getDirectionality(codePoint);
		return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
				|| direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
	}

	/** RFC 3454 B.1. */
	private static boolean isMappedToNothing(int c) {
		return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) || (c >= 0x200B && c <= 0x200D)
				|| c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
	}

	/** RFC 3454 C.1.2. */
	private static boolean isNonAsciiSpace(int c) {
		return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
	}

	/** RFC 3454 C.1.2 and C.2.1 to C.9, the tables RFC 4013 2.3 prohibits. */
	private static boolean isProhibited(int c) {
		return isNonAsciiSpace(c) || isControl(c) || isPrivateUse(c) || isNonCharacter(c)
				|| (c >= 0xD800 && c <= 0xDFFF) || (c >= 0xFFF9 && c <= 0xFFFD) || (c >= 0x2FF0 && c <= 0x2FFB)
				|| c == 0x0340 || c == 0x0341 || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
				|| c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F);
	}

	/** RFC 3454 C.2.1 and C.2.2. */
	private static boolean isControl(int c) {
		return c <= 0x1F || (c >= 0x7F && c <= 0x9F) || c == 0x06DD || c == 0x070F || c == 0x180E || c == 0x200C
				|| c == 0x200D || c == 0x2028 || c == 0x2029 || (c >= 0x2060 && c <= 0x2063)
				|| (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC)
				|| (c >= 0x1D173 && c <= 0x1D17A);
	}

	/** RFC 3454 C.3. */
	private static boolean isPrivateUse(int c) {
		return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD);
	}

	/** RFC 3454 C.4. */
	private static boolean isNonCharacter(int c) {
		return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
	}

}
