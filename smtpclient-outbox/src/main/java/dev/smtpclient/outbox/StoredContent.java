package dev.smtpclient.outbox;

import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;

import dev.smtpclient.MessageContent;

/**
 * The content as stored at enqueue, with the flags its original content reported: the
 * bytes alone do not tell whether the headers need SMTPUTF8.
 */
final class StoredContent implements MessageContent {

	private final byte[] bytes;

	private final boolean eightBit;

	private final boolean smtpUtf8;

	private final OptionalLong size;

	StoredContent(byte[] bytes, boolean eightBit, boolean smtpUtf8) {
		// the same count the client makes for ready-made bytes (RFC 1870: every line
		// ending as CRLF)
		this(bytes, MessageContent.ofBytes(bytes).size(), eightBit, smtpUtf8);
	}

	StoredContent(byte[] bytes, OptionalLong size, boolean eightBit, boolean smtpUtf8) {
		this.bytes = bytes;
		this.size = size;
		this.eightBit = eightBit;
		this.smtpUtf8 = smtpUtf8;
	}

	byte[] bytes() {
		return this.bytes;
	}

	@Override
	public void writeTo(OutputStream out) throws IOException {
		out.write(this.bytes);
	}

	@Override
	public OptionalLong size() {
		return this.size;
	}

	@Override
	public boolean isEightBit() {
		return this.eightBit;
	}

	@Override
	public boolean needsSmtpUtf8() {
		return this.smtpUtf8;
	}

	@Override
	public String toString() {
		return "MessageContent[" + this.bytes.length + " bytes]";
	}

}
