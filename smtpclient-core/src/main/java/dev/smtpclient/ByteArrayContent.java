package dev.smtpclient;

import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;

import dev.smtpclient.internal.protocol.DataEncoder;

/**
 * Content held in memory, checked when it is made: no line over
 * {@value DataEncoder#MAX_LINE_OCTETS} octets (RFC 5322 2.1.1), so that nothing is
 * written for a message the engine would have to abandon halfway.
 */
final class ByteArrayContent implements MessageContent {

	private final byte[] bytes;

	private final boolean eightBit;

	private final boolean eightBitHeaders;

	private final long wireSize;

	ByteArrayContent(byte[] bytes) {
		this.bytes = bytes.clone();
		this.eightBit = hasHighBit(this.bytes);
		this.eightBitHeaders = checkLines(this.bytes);
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
	 * Refuses a line over the limit and tells whether the header section (up to the first
	 * empty line) has an octet above 127, which only SMTPUTF8 allows (RFC 6532 3.2).
	 */
	private static boolean checkLines(byte[] bytes) {
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
			if (++lineOctets > DataEncoder.MAX_LINE_OCTETS) {
				throw new InvalidInputException("content",
						"line " + line + " is longer than " + DataEncoder.MAX_LINE_OCTETS
								+ " octets (RFC 5322 2.1.1); encode the body as quoted-printable "
								+ "or base64, or fold the header field");
			}
			eightBitHeaders |= inHeaders && b < 0;
		}
		return eightBitHeaders;
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
