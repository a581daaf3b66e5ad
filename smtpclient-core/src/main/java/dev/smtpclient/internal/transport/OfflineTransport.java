package dev.smtpclient.internal.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The transport of test mode: no network. It records every byte the engine writes and
 * answers each command as a well-behaved ESMTP server would (it offers no AUTH: test mode
 * never sends credentials anywhere, not even to its own record), so the whole engine runs
 * and what would have been sent can be inspected. Internal.
 */
public final class OfflineTransport extends InMemoryTransport {

	private static final String GREETING = "220 test-mode ESMTP (nothing is sent)\r\n";

	private static final String EHLO_REPLY = "250-test-mode\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n"
			+ "250-ENHANCEDSTATUSCODES\r\n250 SIZE 0\r\n";

	private static final int MAX_RECORDED = 16 * 1024 * 1024;

	private static final byte[] TRUNCATED = "\r\n[test mode: the rest is not recorded]\r\n"
		.getBytes(StandardCharsets.US_ASCII);

	private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private final Deque<byte[]> replies = new ArrayDeque<>();

	private byte[] pending;

	private int pendingOffset;

	private boolean inData;

	private int messages;

	public OfflineTransport() {
		this.replies.add(GREETING.getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	public synchronized int read(byte[] buffer, int offset, int length, Duration timeout) {
		if (this.pending == null || this.pendingOffset == this.pending.length) {
			this.pending = this.replies.poll();
			this.pendingOffset = 0;
			if (this.pending == null) {
				throw new IllegalStateException("test mode: a reply was read with no command outstanding");
			}
		}
		int count = Math.min(length, this.pending.length - this.pendingOffset);
		System.arraycopy(this.pending, this.pendingOffset, buffer, offset, count);
		this.pendingOffset += count;
		return count;
	}

	@Override
	public synchronized void write(byte[] bytes, int offset, int length) {
		record(bytes, offset, length);
		for (int i = offset; i < offset + length; i++) {
			this.line.write(bytes[i]);
			if (bytes[i] == '\n') {
				answer(this.line.toString(StandardCharsets.UTF_8));
				this.line.reset();
			}
		}
	}

	/**
	 * Keeps at most {@value #MAX_RECORDED} octets, so test mode stays usable with large
	 * attachments.
	 */
	private void record(byte[] bytes, int offset, int length) {
		int room = MAX_RECORDED - this.recorded.size();
		if (room > 0) {
			this.recorded.write(bytes, offset, Math.min(room, length));
			if (length > room) {
				this.recorded.writeBytes(TRUNCATED);
			}
		}
	}

	private void answer(String line) {
		if (this.inData) {
			if (line.equals(".\r\n")) {
				this.inData = false;
				this.messages++;
				reply("250 2.0.0 Ok: queued as TEST" + this.messages);
			}
			return;
		}
		String verb = line.strip().split(" ", 2)[0].toUpperCase(Locale.ROOT);
		switch (verb) {
			case "EHLO" -> this.replies.add(EHLO_REPLY.getBytes(StandardCharsets.US_ASCII));
			case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply("250 2.0.0 Ok");
			case "DATA" -> {
				this.inData = true;
				reply("354 End data with <CR><LF>.<CR><LF>");
			}
			case "QUIT" -> reply("221 2.0.0 Bye");
			default -> reply("502 5.5.2 Error: command not recognized");
		}
	}

	private void reply(String text) {
		this.replies.add((text + "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Everything written so far, byte for byte.
	 * @return the recorded bytes
	 */
	public synchronized byte[] recorded() {
		return this.recorded.toByteArray();
	}

}
