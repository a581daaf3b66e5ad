package dev.smtpclient.benchmark.jmh;

import java.io.OutputStream;

/**
 * Copies the written octets into a buffer of 16 KB, over and over, as the transport
 * copies them into its write buffer, and counts them: writing costs the writer's own work
 * and that one copy.
 */
final class Sink extends OutputStream {

	private final byte[] buffer = new byte[16 * 1024];

	private int position;

	long count;

	@Override
	public void write(int b) {
		if (this.position == this.buffer.length) {
			this.position = 0;
		}
		this.buffer[this.position++] = (byte) b;
		this.count++;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) {
		this.count += length;
		while (length > 0) {
			if (this.position == this.buffer.length) {
				this.position = 0;
			}
			int chunk = Math.min(length, this.buffer.length - this.position);
			System.arraycopy(bytes, offset, this.buffer, this.position, chunk);
			this.position += chunk;
			offset += chunk;
			length -= chunk;
		}
	}

}
