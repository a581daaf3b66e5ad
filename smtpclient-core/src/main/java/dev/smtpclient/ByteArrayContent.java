package dev.smtpclient;

import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;

final class ByteArrayContent implements MessageContent {

	private final byte[] bytes;

	private final boolean eightBit;

	private final long wireSize;

	ByteArrayContent(byte[] bytes) {
		this.bytes = bytes.clone();
		this.eightBit = hasHighBit(this.bytes);
		this.wireSize = wireSize(this.bytes);
	}

	/**
	 * The size as RFC 1870 counts it: every line ending as CRLF, a CRLF added after an unterminated last line, and
	 * neither the stuffing dots nor the final "." counted.
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
	public String toString() {
		return "MessageContent[" + this.bytes.length + " bytes]";
	}

}
