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
 * The encoding is made once, when the message is composed, into an array of exactly its
 * length (a first pass counts): the part then writes it in one go, as often as the
 * message is sent, and its length is known.
 */
final class QuotedPrintable {

	private static final int MAX_LINE = 76;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	/**
	 * Octets written as they are, except at the start or end of a line (see
	 * {@link #isLiteral}).
	 */
	private static final boolean[] LITERAL = new boolean[256];

	static {
		for (int octet = 33; octet <= 126; octet++) {
			LITERAL[octet] = octet != '=';
		}
		LITERAL[' '] = true;
		LITERAL['\t'] = true;
	}

	private QuotedPrintable() {
	}

	static void encode(byte[] data, OutputStream out) throws IOException {
		out.write(encode(data));
	}

	/**
	 * The encoded data.
	 * @param data the data
	 * @return the encoding
	 */
	static byte[] encode(byte[] data) {
		byte[] encoded = new byte[encodeInto(data, null)];
		encodeInto(data, encoded);
		return encoded;
	}

	/**
	 * Encodes into the array, or only counts when it is null.
	 * @return the length of the encoding
	 */
	private static int encodeInto(byte[] data, byte[] out) {
		int position = 0;
		int lineStart = 0;
		for (int i = 0; i <= data.length; i++) {
			boolean hardBreak = i + 1 < data.length && data[i] == '\r' && data[i + 1] == '\n';
			if (i == data.length || hardBreak) {
				position = encodeLine(data, lineStart, i, out, position);
				if (hardBreak) {
					position = put(out, position, '\r');
					position = put(out, position, '\n');
					i++;
					lineStart = i + 1;
				}
			}
		}
		return position;
	}

	private static int encodeLine(byte[] data, int start, int end, byte[] out, int position) {
		int column = 0;
		int last = end - 1;
		for (int i = start; i < end; i++) {
			int octet = data[i] & 0xff;
			boolean literal = LITERAL[octet];
			if (literal && (column == 0 || i == last)) {
				literal = isLiteral(data, i, end, column == 0);
			}
			int length = literal ? 1 : 3;
			// keep room for the "=" of a soft break, unless this is the line's last token
			int limit = (i == last) ? MAX_LINE : MAX_LINE - 1;
			if (column + length > limit) {
				position = put(out, position, '=');
				position = put(out, position, '\r');
				position = put(out, position, '\n');
				column = 0;
				literal = isLiteral(data, i, end, true);
				length = literal ? 1 : 3;
			}
			if (out != null) {
				if (literal) {
					out[position] = (byte) octet;
				}
				else {
					out[position] = '=';
					out[position + 1] = HEX[octet >> 4];
					out[position + 2] = HEX[octet & 0xf];
				}
			}
			position += length;
			column += length;
		}
		return position;
	}

	private static int put(byte[] out, int position, int octet) {
		if (out != null) {
			out[position] = (byte) octet;
		}
		return position + 1;
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
