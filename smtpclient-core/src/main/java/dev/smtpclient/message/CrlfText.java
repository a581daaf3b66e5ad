package dev.smtpclient.message;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.smtpclient.InvalidInputException;

/**
 * Text as octets with CRLF line endings (a bare CR or LF becomes CRLF), refusing
 * characters the charset cannot hold. UTF-8 and US-ASCII, by far the most common, are
 * encoded into an array of exactly the right length (a first pass counts); other charsets
 * go through the charset's encoder.
 */
final class CrlfText {

	private CrlfText() {
	}

	static byte[] encode(String field, String text, Charset charset) {
		if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
			byte[] plain = asciiWithCrlf(text);
			if (plain != null) {
				return plain;
			}
			boolean ascii = charset.equals(StandardCharsets.US_ASCII);
			byte[] out = new byte[encode(field, text, ascii, charset, null)];
			encode(field, text, ascii, charset, out);
			return out;
		}
		return encodeWithEncoder(field, text, charset);
	}

	/**
	 * ASCII text, the most common body, in one array of exactly its length: a first pass
	 * over the characters checks them and counts the bare line breaks; null when the text
	 * is not all ASCII.
	 */
	private static byte[] asciiWithCrlf(String text) {
		int length = text.length();
		int bare = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				return null;
			}
			if (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r')) {
				bare++;
			}
			else if (c == '\r' && (i + 1 == length || text.charAt(i + 1) != '\n')) {
				bare++;
			}
		}
		if (bare == 0) {
			return text.getBytes(StandardCharsets.US_ASCII);
		}
		byte[] out = new byte[length + bare];
		int p = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r')) {
				out[p++] = '\r';
				out[p++] = '\n';
			}
			else if (c == '\r' && (i + 1 == length || text.charAt(i + 1) != '\n')) {
				out[p++] = '\r';
				out[p++] = '\n';
			}
			else {
				out[p++] = (byte) c;
			}
		}
		return out;
	}

	/**
	 * Encodes into the array, or only counts when it is null.
	 * @return the encoded length
	 */
	private static int encode(String field, String text, boolean ascii, Charset charset, byte[] out) {
		int p = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				if (c == '\r' || c == '\n') {
					if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
						i++;
					}
					if (out != null) {
						out[p] = '\r';
						out[p + 1] = '\n';
					}
					p += 2;
				}
				else {
					if (out != null) {
						out[p] = (byte) c;
					}
					p++;
				}
				continue;
			}
			if (ascii) {
				throw notEncodable(field, charset);
			}
			if (c < 0x800) {
				if (out != null) {
					out[p] = (byte) (0xc0 | (c >> 6));
					out[p + 1] = (byte) (0x80 | (c & 0x3f));
				}
				p += 2;
			}
			else if (Character.isSurrogate(c)) {
				if (!Character.isHighSurrogate(c) || i + 1 >= length || !Character.isLowSurrogate(text.charAt(i + 1))) {
					throw notEncodable(field, charset);
				}
				int codePoint = Character.toCodePoint(c, text.charAt(++i));
				if (out != null) {
					out[p] = (byte) (0xf0 | (codePoint >> 18));
					out[p + 1] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
					out[p + 2] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
					out[p + 3] = (byte) (0x80 | (codePoint & 0x3f));
				}
				p += 4;
			}
			else {
				if (out != null) {
					out[p] = (byte) (0xe0 | (c >> 12));
					out[p + 1] = (byte) (0x80 | ((c >> 6) & 0x3f));
					out[p + 2] = (byte) (0x80 | (c & 0x3f));
				}
				p += 3;
			}
		}
		return p;
	}

	private static byte[] encodeWithEncoder(String field, String text, Charset charset) {
		String crlf = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
		try {
			ByteBuffer bytes = charset.newEncoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.encode(CharBuffer.wrap(crlf));
			byte[] out = new byte[bytes.remaining()];
			bytes.get(out);
			return out;
		}
		catch (CharacterCodingException ex) {
			throw notEncodable(field, charset);
		}
	}

	static InvalidInputException notEncodable(String field, Charset charset) {
		return new InvalidInputException(field, "cannot be encoded in " + charset.name());
	}

}
