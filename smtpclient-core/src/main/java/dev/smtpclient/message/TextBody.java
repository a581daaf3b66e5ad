package dev.smtpclient.message;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.smtpclient.InvalidInputException;

/**
 * A text made into the octets a text part writes: in its charset with CRLF line endings
 * (as {@link CrlfText} makes them), its transfer encoding {@link TransferEncoding#choose
 * chosen}, and already encoded when that is quoted-printable, so a send writes the octets
 * as they are.
 * <p>
 * A short UTF-8 or US-ASCII text, the common body, is converted, checked and classified
 * in one pass over its characters (copied in one go into a lent array) into a lent array,
 * and only the result is copied out in an array of exactly its length; a quoted-printable
 * body is encoded from there into another lent array. Longer texts and other charsets
 * take the same steps one after the other.
 */
final class TextBody {

	/** Lines of 7bit text stay this short, as {@link TransferEncoding#choose} has it. */
	private static final int MAX_7BIT_LINE = 76;

	/** Texts up to this length fit in a lent array however they encode. */
	private static final int MAX_SHORT_TEXT = Math.min(ScratchBuffers.SIZE / 3, ScratchBuffers.CHAR_SIZE);

	/** The octets as written: 7bit or base64 data as it is, or quoted-printable. */
	final byte[] octets;

	final TransferEncoding encoding;

	private TextBody(byte[] octets, TransferEncoding encoding) {
		this.octets = octets;
		this.encoding = encoding;
	}

	/**
	 * Makes the text into the octets to write.
	 * @param field the name of the input, for the exception
	 * @param text the text
	 * @param charset its charset
	 * @return the body
	 * @throws InvalidInputException if the charset cannot hold a character
	 */
	static TextBody of(String field, String text, Charset charset) {
		boolean utf8 = charset.equals(StandardCharsets.UTF_8);
		if ((utf8 || charset.equals(StandardCharsets.US_ASCII)) && text.length() <= MAX_SHORT_TEXT) {
			byte[] scratch = ScratchBuffers.take();
			char[] chars = ScratchBuffers.takeChars();
			try {
				text.getChars(0, text.length(), chars, 0);
				return shortText(field, chars, text.length(), !utf8, charset, scratch);
			}
			finally {
				ScratchBuffers.release(chars);
				ScratchBuffers.release(scratch);
			}
		}
		byte[] data = CrlfText.encode(field, text, charset);
		TransferEncoding encoding = TransferEncoding.choose(data, true);
		return of(data, data.length, encoding);
	}

	private static TextBody of(byte[] data, int length, TransferEncoding encoding) {
		if (encoding != TransferEncoding.QUOTED_PRINTABLE) {
			return new TextBody((data.length == length) ? data : Arrays.copyOf(data, length), encoding);
		}
		if (QuotedPrintable.maxLength(length) <= ScratchBuffers.SIZE) {
			byte[] scratch = ScratchBuffers.take();
			try {
				int encoded = QuotedPrintable.encode(data, length, scratch);
				return new TextBody(Arrays.copyOf(scratch, encoded), encoding);
			}
			finally {
				ScratchBuffers.release(scratch);
			}
		}
		byte[] whole = (data.length == length) ? data : Arrays.copyOf(data, length);
		return new TextBody(QuotedPrintable.encode(whole, QuotedPrintable.length(whole)), encoding);
	}

	/**
	 * One pass: the octets with CRLF line endings into the array (which holds three
	 * octets for every character), counting what {@link TransferEncoding#choose} counts.
	 */
	private static TextBody shortText(String field, char[] text, int length, boolean ascii, Charset charset,
			byte[] out) {
		int p = 0;
		// octets that are not printable ASCII, a tab or part of a CRLF
		int other = 0;
		boolean sevenBit = true;
		int lineStart = 0;
		for (int i = 0; i < length; i++) {
			char c = text[i];
			if (c >= 0x20 && c < 0x7f) {
				out[p++] = (byte) c;
				continue;
			}
			if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < length && text[i + 1] == '\n') {
					i++;
				}
				if (p - lineStart > MAX_7BIT_LINE) {
					sevenBit = false;
				}
				out[p++] = '\r';
				out[p++] = '\n';
				lineStart = p;
				continue;
			}
			if (c < 0x80) {
				out[p++] = (byte) c;
				if (c != '\t') {
					sevenBit = false;
					other++;
				}
				continue;
			}
			if (ascii) {
				throw CrlfText.notEncodable(field, charset);
			}
			sevenBit = false;
			if (c < 0x800) {
				out[p] = (byte) (0xc0 | (c >> 6));
				out[p + 1] = (byte) (0x80 | (c & 0x3f));
				p += 2;
				other += 2;
			}
			else if (Character.isSurrogate(c)) {
				if (!Character.isHighSurrogate(c) || i + 1 >= length || !Character.isLowSurrogate(text[i + 1])) {
					throw CrlfText.notEncodable(field, charset);
				}
				int codePoint = Character.toCodePoint(c, text[++i]);
				out[p] = (byte) (0xf0 | (codePoint >> 18));
				out[p + 1] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
				out[p + 2] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
				out[p + 3] = (byte) (0x80 | (codePoint & 0x3f));
				p += 4;
				other += 4;
			}
			else {
				out[p] = (byte) (0xe0 | (c >> 12));
				out[p + 1] = (byte) (0x80 | ((c >> 6) & 0x3f));
				out[p + 2] = (byte) (0x80 | (c & 0x3f));
				p += 3;
				other += 3;
			}
		}
		if (p - lineStart > MAX_7BIT_LINE) {
			sevenBit = false;
		}
		TransferEncoding encoding = sevenBit ? TransferEncoding.SEVEN_BIT
				: ((p - other) * 3L >= p * 2L) ? TransferEncoding.QUOTED_PRINTABLE : TransferEncoding.BASE64;
		return of(out, p, encoding);
	}

}
