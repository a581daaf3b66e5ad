package dev.smtpclient.message;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The quoted-printable encoding of RFC 2045 section 6.7, for text. A CRLF in the data is a hard line break; a bare
 * CR or LF is encoded ({@code =0D}, {@code =0A}) so it comes back as it was. Lines are broken softly ("=" CRLF) so
 * that none is longer than 76 characters; a space or tab before a line break, every "=" and every octet outside
 * printable ASCII is encoded, and so are a "." or the "F" of "From " at the start of a line (which some
 * transports would otherwise alter).
 */
final class QuotedPrintable {

	private static final int MAX_LINE = 76;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private static final byte[] SOFT_BREAK = { '=', '\r', '\n' };

	private static final byte[] CRLF = { '\r', '\n' };

	private QuotedPrintable() {
	}

	static void encode(byte[] data, OutputStream out) throws IOException {
		int lineStart = 0;
		for (int i = 0; i <= data.length; i++) {
			boolean hardBreak = i + 1 < data.length && data[i] == '\r' && data[i + 1] == '\n';
			if (i == data.length || hardBreak) {
				encodeLine(data, lineStart, i, out);
				if (hardBreak) {
					out.write(CRLF);
					i++;
					lineStart = i + 1;
				}
			}
		}
	}

	private static void encodeLine(byte[] data, int start, int end, OutputStream out) throws IOException {
		int column = 0;
		byte[] token = new byte[3];
		for (int i = start; i < end; i++) {
			int length = token(data, i, end, column == 0, token);
			// keep room for the "=" of a soft break, unless this is the line's last token
			int limit = (i == end - 1) ? MAX_LINE : MAX_LINE - 1;
			if (column + length > limit) {
				out.write(SOFT_BREAK);
				column = 0;
				length = token(data, i, end, true, token);
			}
			out.write(token, 0, length);
			column += length;
		}
	}

	private static int token(byte[] data, int i, int end, boolean lineStart, byte[] token) {
		int octet = data[i] & 0xff;
		boolean literal = (octet >= 33 && octet <= 126 && octet != '=') || octet == ' ' || octet == '\t';
		if ((octet == ' ' || octet == '\t') && i == end - 1) {
			literal = false;
		}
		if (lineStart && (octet == '.' || (octet == 'F' && startsWithFrom(data, i, end)))) {
			literal = false;
		}
		if (literal) {
			token[0] = (byte) octet;
			return 1;
		}
		token[0] = '=';
		token[1] = HEX[octet >> 4];
		token[2] = HEX[octet & 0xf];
		return 3;
	}

	private static boolean startsWithFrom(byte[] data, int i, int end) {
		return end - i >= 5 && data[i + 1] == 'r' && data[i + 2] == 'o' && data[i + 3] == 'm' && data[i + 4] == ' ';
	}

}
