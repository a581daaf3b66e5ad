package dev.smtpclient.dkim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Takes a message as the engine would send it and keeps what signing needs: the header
 * section (at most 1 MiB) and the SHA-256 hash of the body in relaxed canonical form (RFC
 * 6376 3.4.4), computed as the octets stream by and never held. Line endings are made
 * CRLF first (a bare CR or LF counts as one, as the engine sends it).
 */
final class MessageDigester extends OutputStream {

	private static final int MAX_HEADER_OCTETS = 1024 * 1024;

	private static final byte[] CRLF = { '\r', '\n' };

	private final ByteArrayOutputStream headers = new ByteArrayOutputStream();

	private final MessageDigest body;

	private final byte[] out = new byte[8192];

	private int outLength;

	private boolean inBody;

	private boolean pendingCr;

	private boolean lineHasContent;

	private boolean pendingWhitespace;

	private long emptyLines;

	MessageDigester() {
		try {
			this.body = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		for (int i = offset; i < offset + length; i++) {
			byte b = bytes[i];
			if (b == '\n' && this.pendingCr) {
				this.pendingCr = false;
				continue;
			}
			this.pendingCr = b == '\r';
			if (b == '\r' || b == '\n') {
				lineEnd();
			}
			else {
				octet(b);
			}
		}
	}

	private void octet(byte b) throws IOException {
		if (!this.inBody) {
			this.headers.write(b);
			this.lineHasContent = true;
			if (this.headers.size() > MAX_HEADER_OCTETS) {
				throw new IOException("the header section is longer than " + MAX_HEADER_OCTETS + " octets");
			}
			return;
		}
		if (b == ' ' || b == '\t') {
			this.pendingWhitespace = true;
			return;
		}
		if (!this.lineHasContent) {
			for (; this.emptyLines > 0; this.emptyLines--) {
				emit(CRLF[0]);
				emit(CRLF[1]);
			}
		}
		if (this.pendingWhitespace) {
			emit((byte) ' ');
			this.pendingWhitespace = false;
		}
		this.lineHasContent = true;
		emit(b);
	}

	private void lineEnd() {
		if (!this.inBody) {
			if (!this.lineHasContent) {
				this.inBody = true; // the empty line between header and body
			}
			else {
				this.headers.writeBytes(CRLF);
			}
			this.lineHasContent = false;
			return;
		}
		if (this.lineHasContent) {
			emit(CRLF[0]);
			emit(CRLF[1]);
		}
		else {
			this.emptyLines++;
		}
		this.lineHasContent = false;
		this.pendingWhitespace = false;
	}

	private void emit(byte b) {
		if (this.outLength == this.out.length) {
			this.body.update(this.out, 0, this.outLength);
			this.outLength = 0;
		}
		this.out[this.outLength++] = b;
	}

	/**
	 * Ends the message: an unterminated last line is ended (the engine ends it too) and
	 * trailing empty lines are dropped.
	 * @return the body hash
	 */
	byte[] bodyHash() {
		if (this.inBody && this.lineHasContent) {
			emit(CRLF[0]);
			emit(CRLF[1]);
		}
		this.body.update(this.out, 0, this.outLength);
		this.outLength = 0;
		return this.body.digest();
	}

	/**
	 * The header section with CRLF line endings, without the empty line after it.
	 */
	byte[] headers() {
		return this.headers.toByteArray();
	}

}
