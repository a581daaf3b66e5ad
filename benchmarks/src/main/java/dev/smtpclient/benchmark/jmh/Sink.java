package dev.smtpclient.benchmark.jmh;

import java.io.OutputStream;

/**
 * Takes the written octets and keeps only their count, so that writing costs nothing but the writer's own work.
 */
final class Sink extends OutputStream {

	long count;

	@Override
	public void write(int b) {
		this.count++;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) {
		this.count += length;
	}

}
