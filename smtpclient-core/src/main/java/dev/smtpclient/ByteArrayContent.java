package dev.smtpclient;

import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;

import dev.smtpclient.internal.protocol.DataEncoder;

/**
 * Content held in memory, whose lines are measured when it is made: a line over
 * {@value DataEncoder#MAX_LINE_OCTETS} octets (RFC 5322 2.1.1) is refused by
 * {@link #checkSendable()} before anything is written, so that the engine never abandons
 * such a message halfway. It is refused when sent rather than when made, so that a
 * message built ahead of its send fails where every other bad input fails.
 */
final class ByteArrayContent implements MessageContent {

	private final byte[] bytes;

	private final boolean eightBit;

	private final long wireSize;

	private boolean eightBitHeaders;

	/**
	 * The first line over the limit, counted from 1; 0 when there is none.
	 */
	private long longLine;

	ByteArrayContent(byte[] bytes) {
		this.bytes = bytes.clone();
		this.eightBit = hasHighBit(this.bytes);
		measureLines(this.bytes);
		this.wireSize = wireSize(this.bytes);
	}

	/**
	 * The size as RFC 1870 counts it: every line ending as CRLF, a CRLF added after an
	 * unterminated last line, and neither the stuffing dots nor the final "." counted.
	 */
	private static long wireSize(byte[] bytes) {
		long size = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
				i++;
				size += 2;
			}
			else if (bytes[i] == '\r' || bytes[i] == '\n') {
				size += 2;
			}
			else {
				size++;
			}
		}
		boolean terminated = bytes.length == 0 || bytes[bytes.length - 1] == '\n' || bytes[bytes.length - 1] == '\r';
		return terminated ? size : size + 2;
	}

	/**
	 * Finds the first line over the limit and whether the header section (up to the first
	 * empty line) has an octet above 127, which only SMTPUTF8 allows (RFC 6532 3.2).
	 */
	private void measureLines(byte[] bytes) {
		long line = 1;
		int lineOctets = 0;
		boolean inHeaders = true;
		boolean eightBitHeaders = false;
		for (int i = 0; i < bytes.length; i++) {
			byte b = bytes[i];
			if (b == '\r' || b == '\n') {
				if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
					i++;
				}
				inHeaders &= lineOctets > 0;
				line++;
				lineOctets = 0;
				continue;
			}
			if (++lineOctets > DataEncoder.MAX_LINE_OCTETS && this.longLine == 0) {
				this.longLine = line;
			}
			eightBitHeaders |= inHeaders && b < 0;
		}
		this.eightBitHeaders = eightBitHeaders;
	}

	@Override
	public void checkSendable() {
		if (this.longLine != 0) {
			throw new InvalidInputException("content",
					"line " + this.longLine + " is longer than " + DataEncoder.MAX_LINE_OCTETS
							+ " octets (RFC 5322 2.1.1); encode the body as quoted-printable "
							+ "or base64, or fold the header field");
		}
	}

	private static boolean hasHighBit(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void writeTo(OutputStream out) throws IOException {
		out.write(this.bytes);
	}

	@Override
	public OptionalLong size() {
		return OptionalLong.of(this.wireSize);
	}

	@Override
	public boolean isEightBit() {
		return this.eightBit;
	}

	@Override
	public boolean needsSmtpUtf8() {
		return this.eightBitHeaders;
	}

	@Override
	public String toString() {
		return "MessageContent[" + this.bytes.length + " bytes]";
	}

}
