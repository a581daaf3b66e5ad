package dev.smtpclient.message;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The quoted-printable encoding of RFC 2045 section 6.7, for text. A CRLF in the data is
 * a hard line break; a bare CR or LF is encoded ({@code =0D}, {@code =0A}) so it comes
 * back as it was. Lines are broken softly ("=" CRLF) so that none is longer than 76
 * characters; a space or tab before a line break, every "=" and every octet outside
 * printable ASCII is encoded, and so are a "." or the "F" of "From " at the start of a
 * line (which some transports would otherwise alter).
 * <p>
 * The encoding is counted once, when the message is composed (for its size), and written
 * straight into the stream, as runs of the data itself between the escapes and soft
 * breaks (which come from constant tables); the part keeps an encoded copy only when it
 * is written a second time.
 */
final class QuotedPrintable {

	private static final int MAX_LINE = 76;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	/** "=XY" for every octet, three octets each. */
	private static final byte[] ESCAPES = new byte[256 * 3];

	private static final byte[] SOFT_BREAK = { '=', '\r', '\n' };

	/**
	 * Octets written as they are, except at the start or end of a line (see
	 * {@link #isLiteral}).
	 */
	private static final boolean[] LITERAL = new boolean[256];

	/** Literal octets other than a space or tab, which are escaped at a line's end. */
	private static final boolean[] PLAIN = new boolean[256];

	static {
		for (int octet = 33; octet <= 126; octet++) {
			LITERAL[octet] = octet != '=';
		}
		System.arraycopy(LITERAL, 0, PLAIN, 0, 256);
		LITERAL[' '] = true;
		LITERAL['\t'] = true;
		for (int octet = 0; octet < 256; octet++) {
			ESCAPES[octet * 3] = '=';
			ESCAPES[octet * 3 + 1] = HEX[octet >> 4];
			ESCAPES[octet * 3 + 2] = HEX[octet & 0xf];
		}
	}

	private QuotedPrintable() {
	}

	/**
	 * Writes the encoding of the data.
	 * @param data the data
	 * @param out the stream
	 * @throws IOException if writing fails
	 */
	static void encode(byte[] data, OutputStream out) throws IOException {
		encode(data, 0, data.length, out);
	}

	/**
	 * The encoding, in an array of exactly its length.
	 * @param data the data
	 * @param length the length of the encoding, as {@link #length} gives it
	 * @return the encoding
	 */
	static byte[] encode(byte[] data, long length) {
		byte[] encoded = new byte[Math.toIntExact(length)];
		encode(data, data.length, encoded);
		return encoded;
	}

	/**
	 * The most octets the encoding of data of this length can take: every octet escaped,
	 * and a soft break for every 24 of them (a broken line holds at least 73 octets).
	 * @param length the length of the data
	 * @return the bound
	 */
	static long maxLength(int length) {
		return 3L * length + 3L * (length / 24 + 1);
	}

	/**
	 * Encodes the start of the data into the array in one pass: the same octets as
	 * {@link #encode(byte[], OutputStream)}, found while the lines are read rather than
	 * after.
	 * @param data the data
	 * @param to the end of the data to encode
	 * @param out where to encode, with room for {@link #maxLength} octets
	 * @return the length of the encoding
	 */
	static int encode(byte[] data, int to, byte[] out) {
		int p = 0;
		int column = 0;
		for (int i = 0; i < to; i++) {
			// most octets: literal (a space or tab not at the line's end), inside the
			// line,
			// with room left on it; copied in runs
			if (column != 0 && column < MAX_LINE - 1) {
				int end = Math.min(to, i + (MAX_LINE - 1 - column));
				int run = i;
				while (run < end
						&& (PLAIN[data[run] & 0xff] || (LITERAL[data[run] & 0xff] && !isLast(data, run, to)))) {
					run++;
				}
				if (run > i) {
					System.arraycopy(data, i, out, p, run - i);
					p += run - i;
					column += run - i;
					i = run - 1;
					continue;
				}
			}
			int octet = data[i] & 0xff;
			if (octet == '\r' && i + 1 < to && data[i + 1] == '\n') {
				// a hard break
				out[p++] = '\r';
				out[p++] = '\n';
				column = 0;
				i++;
				continue;
			}
			boolean last = isLast(data, i, to);
			boolean literal = isLiteral(data, i, to, last, column == 0);
			int length = literal ? 1 : 3;
			// keep room for the "=" of a soft break, unless this is the line's last token
			if (column + length > (last ? MAX_LINE : MAX_LINE - 1)) {
				out[p++] = '=';
				out[p++] = '\r';
				out[p++] = '\n';
				column = 0;
				literal = isLiteral(data, i, to, last, true);
				length = literal ? 1 : 3;
			}
			if (literal) {
				out[p++] = (byte) octet;
			}
			else {
				out[p++] = '=';
				out[p++] = HEX[octet >> 4];
				out[p++] = HEX[octet & 0xf];
			}
			column += length;
		}
		return p;
	}

	/**
	 * Whether the octet is the last of its line: the data or a CRLF follows.
	 */
	private static boolean isLast(byte[] data, int i, int to) {
		return i + 1 == to || (data[i + 1] == '\r' && i + 2 < to && data[i + 2] == '\n');
	}

	private static boolean isLiteral(byte[] data, int i, int to, boolean last, boolean lineStart) {
		int octet = data[i] & 0xff;
		if (!LITERAL[octet] || ((octet == ' ' || octet == '\t') && last)) {
			return false;
		}
		// "From " lies within the line when its four octets after the "F" are no CRLF
		return !(lineStart && (octet == '.' || (octet == 'F' && i + 4 < to && data[i + 1] == 'r' && data[i + 2] == 'o'
				&& data[i + 3] == 'm' && data[i + 4] == ' ')));
	}

	/**
	 * The length of the encoding, without writing it.
	 * @param data the data
	 * @return the octets {@link #encode(byte[], OutputStream)} writes
	 */
	static long length(byte[] data) {
		try {
			return encode(data, 0, data.length, null);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex); // nothing is written
		}
	}

	/**
	 * Encodes a range of the data into the stream, or only counts when it is null. A CRLF
	 * in the data is written as it is, with the literal octets around it.
	 * @return the length of the encoding
	 */
	private static long encode(byte[] data, int from, int to, OutputStream out) throws IOException {
		long count = 0;
		// the first octet of the data not written yet: literal octets go out in runs
		int run = from;
		int lineStart = from;
		while (true) {
			int end = lineStart;
			while (end < to && !(data[end] == '\r' && end + 1 < to && data[end + 1] == '\n')) {
				end++;
			}
			int column = 0;
			int last = end - 1;
			for (int i = lineStart; i < end; i++) {
				int octet = data[i] & 0xff;
				boolean literal = LITERAL[octet];
				// most octets: plain, inside the line, with room left on it
				if (literal && column != 0 && i != last && column < MAX_LINE - 1) {
					column++;
					continue;
				}
				if (literal && (column == 0 || i == last)) {
					literal = isLiteral(data, i, end, column == 0);
				}
				int length = literal ? 1 : 3;
				// keep room for the "=" of a soft break, unless this is the line's last
				// token
				int limit = (i == last) ? MAX_LINE : MAX_LINE - 1;
				if (column + length > limit) {
					count += write(out, data, run, i - run) + write(out, SOFT_BREAK, 0, SOFT_BREAK.length);
					run = i;
					column = 0;
					literal = isLiteral(data, i, end, true);
					length = literal ? 1 : 3;
				}
				if (!literal) {
					count += write(out, data, run, i - run) + write(out, ESCAPES, octet * 3, 3);
					run = i + 1;
				}
				column += length;
			}
			if (end == to) {
				break;
			}
			// the CRLF is a hard break, written with the run
			lineStart = end + 2;
		}
		return count + write(out, data, run, to - run);
	}

	private static int write(OutputStream out, byte[] bytes, int offset, int length) throws IOException {
		if (out != null && length > 0) {
			out.write(bytes, offset, length);
		}
		return length;
	}

	private static boolean isLiteral(byte[] data, int i, int end, boolean lineStart) {
		int octet = data[i] & 0xff;
		boolean literal = (octet >= 33 && octet <= 126 && octet != '=') || octet == ' ' || octet == '\t';
		if ((octet == ' ' || octet == '\t') && i == end - 1) {
			literal = false;
		}
		if (lineStart && (octet == '.' || (octet == 'F' && startsWithFrom(data, i, end)))) {
			literal = false;
		}
		return literal;
	}

	private static boolean startsWithFrom(byte[] data, int i, int end) {
		return end - i >= 5 && data[i + 1] == 'r' && data[i + 2] == 'o' && data[i + 3] == 'm' && data[i + 4] == ' ';
	}

}
