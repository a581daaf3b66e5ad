package dev.smtpclient.internal.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns message content into DATA octets: every line ending becomes CRLF (bare CR and
 * bare LF too), a line that starts with "." gets a second one (RFC 5321 4.5.2), and
 * {@link #finish()} ends the data with CRLF "." CRLF. No content can end the data early
 * or smuggle a second message, whatever its line endings. For BDAT only the line endings
 * are normalised.
 * <p>
 * A line longer than {@value #MAX_LINE_OCTETS} octets (RFC 5322 2.1.1, RFC 5321
 * 4.5.3.1.6) fails the write with a {@link LineTooLongException} before any of that
 * line's octets go out, so the caller can abandon the data without ever writing its end.
 * Internal.
 */
public final class DataEncoder extends OutputStream {

	private static final byte[] CRLF = { '\r', '\n' };

	private static final byte[] END_OF_DATA = { '.', '\r', '\n' };

	/** The longest line, without its CRLF. */
	public static final int MAX_LINE_OCTETS = 998;

	private final OutputStream out;

	private final boolean forDataCommand;

	private boolean atLineStart = true;

	private boolean pendingCr;

	private int lineOctets;

	private long lineNumber = 1;

	private long count;

	private boolean finished;

	public DataEncoder(OutputStream out) {
		this(out, true);
	}

	/**
	 * @param out where the octets go
	 * @param forDataCommand {@code true} for DATA (dot-stuffing and the "." end),
	 * {@code false} for BDAT, whose chunks are counted and so need neither
	 */
	public DataEncoder(OutputStream out, boolean forDataCommand) {
		this.out = out;
		this.forDataCommand = forDataCommand;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		if (this.finished) {
			throw new IOException("data already finished");
		}
		int end = offset + length;
		int i = offset;
		while (i < end) {
			byte b = bytes[i];
			if (this.pendingCr) {
				// the CR before this byte is already written; complete the line ending
				this.pendingCr = false;
				emit(CRLF, 1, 1);
				this.atLineStart = true;
				if (b == '\n') {
					i++;
					continue;
				}
			}
			if (b == '\r') {
				emit(CRLF, 0, 1);
				this.pendingCr = true;
				nextLine();
				i++;
				continue;
			}
			if (b == '\n') {
				emit(CRLF, 0, 2);
				this.atLineStart = true;
				nextLine();
				i++;
				continue;
			}
			if (this.atLineStart) {
				if (b == '.' && this.forDataCommand) {
					emit(END_OF_DATA, 0, 1);
				}
				this.atLineStart = false;
			}
			// the rest of the line goes out as it is: scan to the next line break in a
			// tight loop
			int runStart = i++;
			while (i < end && bytes[i] != '\r' && bytes[i] != '\n') {
				i++;
			}
			this.lineOctets += i - runStart;
			if (this.lineOctets > MAX_LINE_OCTETS) {
				throw new LineTooLongException(this.lineNumber);
			}
			emit(bytes, runStart, i - runStart);
		}
	}

	private void nextLine() {
		this.lineNumber++;
		this.lineOctets = 0;
	}

	private void emit(byte[] bytes, int offset, int length) throws IOException {
		if (length > 0) {
			this.out.write(bytes, offset, length);
			this.count += length;
		}
	}

	/**
	 * Ends the data: a CRLF if the content did not end with a line ending, then "." CRLF.
	 * Does not flush.
	 * @throws IOException when writing fails
	 */
	public void finish() throws IOException {
		if (this.finished) {
			return;
		}
		if (this.pendingCr) {
			this.pendingCr = false;
			emit(CRLF, 1, 1);
			this.atLineStart = true;
		}
		if (!this.atLineStart) {
			emit(CRLF, 0, 2);
		}
		if (this.forDataCommand) {
			emit(END_OF_DATA, 0, 3);
		}
		this.finished = true;
	}

	/**
	 * The octets written so far, including stuffing and line endings.
	 * @return the count
	 */
	public long count() {
		return this.count;
	}

	@Override
	public void flush() {
		// the engine flushes the transport itself, once, after the end of data
	}

	@Override
	public void close() {
		// closing the encoder must never close the connection
	}

	/**
	 * The content has a line longer than {@value #MAX_LINE_OCTETS} octets; nothing of
	 * that line was written.
	 */
	public static final class LineTooLongException extends IOException {

		private final long lineNumber;

		LineTooLongException(long lineNumber) {
			super("line " + lineNumber + " is longer than " + MAX_LINE_OCTETS + " octets (RFC 5322 2.1.1)");
			this.lineNumber = lineNumber;
		}

		/**
		 * The number of the offending line, counting from 1.
		 * @return the line number
		 */
		public long lineNumber() {
			return this.lineNumber;
		}

	}

}
