package dev.smtpclient.message;

import java.nio.charset.StandardCharsets;

/**
 * Writes one header field from unbreakable tokens, folding (RFC 5322 section 2.2.3)
 * before a token that would take the line past 78 characters. A fold only replaces a
 * space that was going to be written anyway, so unfolding gives back exactly the value. A
 * line that holds an RFC 2047 encoded word is folded at 76 characters instead, the field
 * name included (RFC 2047 2). Every line is checked on its octets: no control octet and
 * never more than 998 octets, whatever the tokens held.
 * <p>
 * A field renders into its own text ({@link #toBytes()}) or, for a message's header
 * section, into the section's text after the fields before it ({@link #end()}), which is
 * then made octets and checked once ({@link #checkLines}).
 */
final class HeaderField {

	static final int FOLD_AT = 78;

	static final int MAX_LINE_OCTETS = 998;

	static final int MAX_ENCODED_WORD_LINE = 76;

	private final StringBuilder text;

	private int lineStart;

	private boolean empty = true;

	private boolean lineHasEncodedWord;

	HeaderField(String name) {
		this(new StringBuilder(80), name);
	}

	/**
	 * A field written into a header section after the fields already in it.
	 * @param section the section's text
	 * @param name the field name
	 */
	HeaderField(StringBuilder section, String name) {
		this.text = section;
		start(name);
	}

	/**
	 * Starts the next field of the section, after the one this field wrote and
	 * {@link #end() ended}: one object writes a whole section.
	 * @param name the field name
	 * @return this field
	 */
	HeaderField start(String name) {
		this.lineStart = this.text.length();
		this.empty = true;
		this.lineHasEncodedWord = false;
		this.text.append(name).append(':');
		return this;
	}

	/**
	 * Adds a token preceded by a space (a place where the line may be folded).
	 * @param token the token; no white space that could be folded
	 * @return this field
	 */
	HeaderField word(String token) {
		add(token, this.lineHasEncodedWord ? MAX_ENCODED_WORD_LINE : FOLD_AT, false);
		return this;
	}

	/**
	 * Adds part of a text as a token preceded by a space, as {@link #word(String)} does.
	 * @param text the text
	 * @param start the token's first character
	 * @param end the index after its last character
	 * @return this field
	 */
	HeaderField word(String text, int start, int end) {
		token(end - start).append(text, start, end);
		return this;
	}

	/**
	 * Begins a token of the given length preceded by a space, folding before it when it
	 * would not fit the line; the caller appends exactly that many characters to the
	 * returned text. Spares building the token as a string first.
	 * @param length the token's length in characters
	 * @return the text to append the token to
	 */
	StringBuilder token(int length) {
		space(length, this.lineHasEncodedWord ? MAX_ENCODED_WORD_LINE : FOLD_AT, false);
		return this.text;
	}

	/**
	 * Adds an RFC 2047 encoded word preceded by a space, on a line of at most 76
	 * characters: when even the first line has no room for it, the fold comes right after
	 * the field name.
	 * @param token the encoded word
	 * @return this field
	 */
	HeaderField encodedWord(String token) {
		add(token, MAX_ENCODED_WORD_LINE, true);
		this.lineHasEncodedWord = true;
		return this;
	}

	/**
	 * The characters an encoded word may have to stay on the current line.
	 * @return the room, possibly zero or less
	 */
	int roomForEncodedWord() {
		return MAX_ENCODED_WORD_LINE - (this.text.length() - this.lineStart) - 1;
	}

	private void add(String token, int limit, boolean mayFoldFirst) {
		space(token.length(), limit, mayFoldFirst);
		this.text.append(token);
	}

	private void space(int tokenLength, int limit, boolean mayFoldFirst) {
		int lineLength = this.text.length() - this.lineStart;
		if ((!this.empty || mayFoldFirst) && lineLength + 1 + tokenLength > limit) {
			this.text.append("\r\n");
			this.lineStart = this.text.length();
			this.lineHasEncodedWord = false;
		}
		this.text.append(' ');
		this.empty = false;
	}

	/**
	 * Appends text to the last token, with no fold point before it (for example the comma
	 * after an address).
	 * @param token the text
	 * @return this field
	 */
	HeaderField append(String token) {
		this.text.append(token);
		return this;
	}

	/**
	 * Ends a field written into a header section: its final CRLF.
	 */
	void end() {
		this.text.append("\r\n");
	}

	/**
	 * ASCII text as octets, in one copy rather than the two of
	 * {@code toString().getBytes()}.
	 */
	private static byte[] ascii(CharSequence text) {
		byte[] bytes = new byte[text.length()];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) text.charAt(i);
		}
		return bytes;
	}

	boolean isEmpty() {
		return this.empty;
	}

	/**
	 * The field with its final CRLF, as UTF-8 octets.
	 * @return the octets
	 * @throws IllegalStateException if a line would be invalid (a bug, never input: input
	 * is checked before)
	 */
	byte[] toBytes() {
		end();
		return toCheckedBytes(this.text);
	}

	/**
	 * Header fields, each with its final CRLF, as checked UTF-8 octets.
	 * @param text the fields
	 * @return the octets
	 * @throws IllegalStateException if a line would be invalid
	 */
	static byte[] toCheckedBytes(CharSequence text) {
		if (text instanceof StringBuilder builder && builder.length() <= ScratchBuffers.CHAR_SIZE) {
			byte[] bytes = checkedAscii(builder);
			if (bytes != null) {
				return bytes;
			}
		}
		byte[] bytes = InputChecks.isAscii(text) ? ascii(text) : text.toString().getBytes(StandardCharsets.UTF_8);
		checkLines(bytes);
		return bytes;
	}

	/**
	 * The octets of an ASCII text, checked as {@link #checkLines} checks them, in one
	 * pass over its characters copied in one go; null when the text is not all ASCII.
	 */
	private static byte[] checkedAscii(StringBuilder text) {
		int length = text.length();
		char[] chars = ScratchBuffers.takeChars();
		try {
			text.getChars(0, length, chars, 0);
			byte[] bytes = new byte[length];
			int lineLength = 0;
			for (int i = 0; i < length; i++) {
				char c = chars[i];
				if (c >= 0x20 && c < 0x7f) {
					bytes[i] = (byte) c;
					if (++lineLength > MAX_LINE_OCTETS) {
						throw new IllegalStateException("header line over " + MAX_LINE_OCTETS + " octets");
					}
					continue;
				}
				if (c >= 0x80) {
					return null;
				}
				bytes[i] = (byte) c;
				if (c == '\r' && i + 1 < length && chars[i + 1] == '\n') {
					bytes[++i] = '\n';
					lineLength = 0;
					continue;
				}
				if (c != '\t') {
					throw new IllegalStateException(String.format("control octet 0x%02X in a header", (int) c));
				}
				if (++lineLength > MAX_LINE_OCTETS) {
					throw new IllegalStateException("header line over " + MAX_LINE_OCTETS + " octets");
				}
			}
			return bytes;
		}
		finally {
			ScratchBuffers.release(chars);
		}
	}

	/**
	 * Checks header lines: no control octet, none longer than 998 octets.
	 * @param bytes the lines, each ending with CRLF
	 * @throws IllegalStateException if a line is invalid (a bug, never input: input is
	 * checked before)
	 */
	static void checkLines(byte[] bytes) {
		int lineLength = 0;
		for (int i = 0; i < bytes.length; i++) {
			int octet = bytes[i] & 0xff;
			if (octet == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
				i++;
				lineLength = 0;
				continue;
			}
			if ((octet < 0x20 && octet != '\t') || octet == 0x7f) {
				throw new IllegalStateException(String.format("control octet 0x%02X in a header", octet));
			}
			if (++lineLength > MAX_LINE_OCTETS) {
				throw new IllegalStateException("header line over " + MAX_LINE_OCTETS + " octets");
			}
		}
	}

}
