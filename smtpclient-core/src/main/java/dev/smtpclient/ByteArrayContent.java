package dev.smtpclient;

import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;

final class ByteArrayContent implements MessageContent {

	private final byte[] bytes;

	private final boolean eightBit;

	ByteArrayContent(byte[] bytes) {
		this.bytes = bytes.clone();
		this.eightBit = hasHighBit(this.bytes);
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
		return OptionalLong.of(this.bytes.length);
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
