package dev.smtpclient.fuzz;

import java.time.Duration;

import dev.smtpclient.internal.transport.InMemoryTransport;

/**
 * A transport that plays back fixed bytes in chunks of a given size, then reports the end
 * of the stream.
 */
final class ByteArrayTransport extends InMemoryTransport {

	private final byte[] input;

	private final int chunk;

	private int position;

	ByteArrayTransport(byte[] input, int chunk) {
		this.input = input;
		this.chunk = Math.max(1, chunk);
	}

	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) {
		if (this.position >= this.input.length) {
			return -1;
		}
		int count = Math.min(Math.min(length, this.chunk), this.input.length - this.position);
		System.arraycopy(this.input, this.position, buffer, offset, count);
		this.position += count;
		return count;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) {
	}

}
