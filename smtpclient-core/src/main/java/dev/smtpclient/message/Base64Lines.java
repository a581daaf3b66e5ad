package dev.smtpclient.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The base64 of RFC 2045 section 6.8 in lines of 76 characters separated by CRLF, with no
 * CRLF after the last (the same octets as {@code Base64.getMimeEncoder()}), written in
 * chunks of whole lines straight into the stream, through a working array lent by
 * {@link ScratchBuffers}: in-memory data is never copied to an encoded array first, no
 * buffer is allocated per write, and the length is known without encoding.
 */
final class Base64Lines {

	private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
		.getBytes(StandardCharsets.US_ASCII);

	/** Octets per full line: 57 octets give 76 characters. */
	private static final int LINE_OCTETS = 57;

	private static final int LINE_CHARS = 76;

	/** Lines per write: about 8 KB of output, what a scratch array holds. */
	private static final int LINES_PER_CHUNK = ScratchBuffers.SIZE / (LINE_CHARS + 2);

	private final OutputStream out;

	private final byte[] chunk;

	private int position;

	private boolean first = true;

	private Base64Lines(OutputStream out, byte[] chunk) {
		this.out = out;
		this.chunk = chunk;
	}

	/**
	 * The encoded length of data of the given length.
	 * @param octets the data's length
	 * @return the octets the encoding writes
	 */
	static long length(long octets) {
		if (octets == 0) {
			return 0;
		}
		long chars = (octets + 2) / 3 * 4;
		long lines = (chars + LINE_CHARS - 1) / LINE_CHARS;
		return chars + 2 * (lines - 1);
	}

	/**
	 * Encodes in-memory data.
	 */
	static void encode(byte[] data, OutputStream out) throws IOException {
		if (data.length == 0) {
			return;
		}
		byte[] chunk = ScratchBuffers.take();
		try {
			Base64Lines encoder = new Base64Lines(out, chunk);
			encoder.lines(data, 0, data.length);
			encoder.flush();
		}
		finally {
			ScratchBuffers.release(chunk);
		}
	}

	/**
	 * Encodes what the stream gives until its end.
	 */
	static void encode(InputStream in, OutputStream out) throws IOException {
		byte[] chunk = ScratchBuffers.take();
		byte[] buffer = ScratchBuffers.take();
		try {
			Base64Lines encoder = new Base64Lines(out, chunk);
			int whole = LINE_OCTETS * LINES_PER_CHUNK;
			int read;
			// readNBytes fills the buffer unless the data ends: every chunk but the last
			// is whole lines
			while ((read = in.readNBytes(buffer, 0, whole)) > 0) {
				encoder.lines(buffer, 0, read);
				if (read < whole) {
					break;
				}
			}
			encoder.flush();
		}
		finally {
			ScratchBuffers.release(buffer);
			ScratchBuffers.release(chunk);
		}
	}

	/**
	 * Encodes lines of 57 octets, the last one possibly shorter (and then padded).
	 */
	private void lines(byte[] data, int offset, int length) throws IOException {
		int end = offset + length;
		for (int line = offset; line < end; line += LINE_OCTETS) {
			if (this.position + LINE_CHARS + 2 > this.chunk.length) {
				flush();
			}
			byte[] chunk = this.chunk;
			int p = this.position;
			if (!this.first) {
				chunk[p++] = '\r';
				chunk[p++] = '\n';
			}
			this.first = false;
			int lineEnd = Math.min(end, line + LINE_OCTETS);
			int i = line;
			for (; i + 3 <= lineEnd; i += 3) {
				int bits = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff);
				chunk[p++] = ALPHABET[bits >>> 18];
				chunk[p++] = ALPHABET[(bits >>> 12) & 0x3f];
				chunk[p++] = ALPHABET[(bits >>> 6) & 0x3f];
				chunk[p++] = ALPHABET[bits & 0x3f];
			}
			int rest = lineEnd - i;
			if (rest > 0) {
				int bits = (data[i] & 0xff) << 16 | ((rest == 2) ? (data[i + 1] & 0xff) << 8 : 0);
				chunk[p++] = ALPHABET[bits >>> 18];
				chunk[p++] = ALPHABET[(bits >>> 12) & 0x3f];
				chunk[p++] = (rest == 2) ? ALPHABET[(bits >>> 6) & 0x3f] : (byte) '=';
				chunk[p++] = '=';
			}
			this.position = p;
		}
	}

	private void flush() throws IOException {
		if (this.position > 0) {
			this.out.write(this.chunk, 0, this.position);
			this.position = 0;
		}
	}

}
