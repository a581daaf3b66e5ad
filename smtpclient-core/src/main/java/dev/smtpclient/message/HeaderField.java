package dev.smtpclient.message;

import java.nio.charset.StandardCharsets;

/**
 * Writes one header field from unbreakable tokens, folding (RFC 5322 section 2.2.3)
 * before a token that would take the line past 78 characters. A fold only replaces a
 * space that was going to be written anyway, so unfolding gives back exactly the value. A
 * line that holds an RFC 2047 encoded word is folded at 76 characters instead, the field
 * name included (RFC 2047 2). Every line is checked on its octets: no control octet and
 * never more than 998 octets, whatever the tokens held.
 */
final class HeaderField {

	static final int FOLD_AT = 78;

	static final int MAX_LINE_OCTETS = 998;

	static final int MAX_ENCODED_WORD_LINE = 76;

	private final StringBuilder text = new StringBuilder(80);

	private int lineStart;

	private boolean empty = true;

	private boolean lineHasEncodedWord;

	HeaderField(String name) {
		this.text.append(name).append(':');
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
		int lineLength = this.text.length() - this.lineStart;
		if ((!this.empty || mayFoldFirst) && lineLength + 1 + token.length() > limit) {
			this.text.append("\r\n");
			this.lineStart = this.text.length();
			this.lineHasEncodedWord = false;
		}
		this.text.append(' ').append(token);
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
		this.text.append("\r\n");
		byte[] bytes = InputChecks.isAscii(this.text) ? ascii(this.text)
				: this.text.toString().getBytes(StandardCharsets.UTF_8);
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
		return bytes;
	}

}
