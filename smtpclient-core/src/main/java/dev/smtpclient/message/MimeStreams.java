package dev.smtpclient.message;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Small output streams the MIME writer needs.
 */
final class MimeStreams {

	private MimeStreams() {
	}

	/**
	 * A stream that passes writes through but never closes (or flushes) the stream it wraps, so that an encoder
	 * can be closed to finish its output without ending the message.
	 */
	static OutputStream nonClosing(OutputStream out) {
		return new FilterOutputStream(out) {

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				this.out.write(bytes, offset, length);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
	}

	/**
	 * Counts the octets written and remembers the last two, discarding them.
	 */
	static final class Counting extends OutputStream {

		private long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.count += length;
		}

		long count() {
			return this.count;
		}

	}

	/**
	 * Passes writes through and remembers whether the last octet written was a LF, so the writer can end the
	 * message with a line ending.
	 */
	static final class Tracking extends FilterOutputStream {

		private int last = '\n';

		Tracking(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.last = b & 0xff;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (length > 0) {
				this.out.write(bytes, offset, length);
				this.last = bytes[offset + length - 1] & 0xff;
			}
		}

		boolean atLineStart() {
			return this.last == '\n';
		}

	}

}
