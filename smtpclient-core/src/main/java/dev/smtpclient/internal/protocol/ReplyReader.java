package dev.smtpclient.internal.protocol;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.smtpclient.SmtpConnectionException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpProtocolException;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpTimeoutException;
import dev.smtpclient.internal.transport.Transport;

/**
 * Reads replies off a transport, strictly and within bounds: a line may hold at most
 * {@value #MAX_LINE} octets, a reply at most {@value #MAX_REPLY}, and the whole reply
 * must arrive before its deadline however slowly the server trickles it. Internal.
 */
public final class ReplyReader {

	public static final int MAX_LINE = 4096;

	public static final int MAX_REPLY = 64 * 1024;

	private final Transport transport;

	private final byte[] buffer = new byte[8192];

	private int position;

	private int limit;

	public ReplyReader(Transport transport) {
		this.transport = transport;
	}

	/**
	 * Whether bytes have arrived that no reply has consumed yet. Before a TLS upgrade
	 * this must be false: such bytes were injected by someone on the path.
	 * @return whether unread bytes are buffered
	 */
	public boolean hasBufferedBytes() {
		return this.position < this.limit;
	}

	/**
	 * Reads one complete reply.
	 * @param phase the phase, for errors
	 * @param timeout the deadline for the whole reply
	 * @return the reply
	 * @throws SmtpProtocolException on a malformed or oversized reply
	 * @throws SmtpTimeoutException when the reply is not complete in time
	 * @throws SmtpConnectionException when the connection ends or fails
	 */
	public SmtpReply read(SmtpPhase phase, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> lines = new ArrayList<>();
		int code = -1;
		int total = 0;
		while (true) {
			byte[] line = readLine(phase, timeout, deadline);
			total += line.length + 2;
			if (total > MAX_REPLY) {
				throw new SmtpProtocolException(phase, "reply longer than " + MAX_REPLY + " octets");
			}
			ParsedLine parsed = parse(phase, line);
			if (code == -1) {
				code = parsed.code;
			}
			else if (parsed.code != code) {
				throw new SmtpProtocolException(phase,
						"multi-line reply changed its code from " + code + " to " + parsed.code);
			}
			lines.add(parsed.text);
			if (parsed.last) {
				return new SmtpReply(code, lines);
			}
		}
	}

	private byte[] readLine(SmtpPhase phase, Duration timeout, long deadline) {
		byte[] line = new byte[128];
		int length = 0;
		while (true) {
			if (this.position == this.limit) {
				fill(phase, timeout, deadline);
			}
			byte b = this.buffer[this.position++];
			if (b == '\n') {
				if (length > 0 && line[length - 1] == '\r') {
					length--;
				}
				return java.util.Arrays.copyOf(line, length);
			}
			if (length > 0 && line[length - 1] == '\r') {
				throw new SmtpProtocolException(phase, "bare CR in a reply line");
			}
			if (length == MAX_LINE) {
				throw new SmtpProtocolException(phase, "reply line longer than " + MAX_LINE + " octets");
			}
			if (length == line.length) {
				line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE + 1, line.length * 2));
			}
			line[length++] = b;
		}
	}

	private void fill(SmtpPhase phase, Duration timeout, long deadline) {
		long remaining = deadline - System.nanoTime();
		if (remaining <= 0) {
			throw new SmtpTimeoutException(phase, "waiting for the reply", timeout, null);
		}
		int count;
		try {
			count = this.transport.read(this.buffer, 0, this.buffer.length, Duration.ofNanos(remaining));
		}
		catch (SocketTimeoutException ex) {
			throw new SmtpTimeoutException(phase, "waiting for the reply", timeout, ex);
		}
		catch (IOException ex) {
			throw new SmtpConnectionException(phase, "connection failed while reading the reply: " + ex.getMessage(),
					ex);
		}
		if (count < 0) {
			throw new SmtpConnectionException(phase, "the server closed the connection", null);
		}
		this.position = 0;
		this.limit = count;
	}

	private static ParsedLine parse(SmtpPhase phase, byte[] line) {
		if (line.length < 3 || !isDigit(line[0], '2', '5') || !isDigit(line[1], '0', '9')
				|| !isDigit(line[2], '0', '9')) {
			throw new SmtpProtocolException(phase, "malformed reply line: " + escape(line));
		}
		int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
		if (line.length == 3) {
			return new ParsedLine(code, "", true);
		}
		boolean last;
		if (line[3] == ' ') {
			last = true;
		}
		else if (line[3] == '-') {
			last = false;
		}
		else {
			throw new SmtpProtocolException(phase, "malformed reply line: " + escape(line));
		}
		String text = new String(line, 4, line.length - 4, StandardCharsets.UTF_8);
		return new ParsedLine(code, text, last);
	}

	private static boolean isDigit(byte b, char low, char high) {
		return b >= low && b <= high;
	}

	private static String escape(byte[] line) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < line.length && i < 80; i++) {
			int c = line[i] & 0xff;
			if (c < 0x20 || c >= 0x7f) {
				out.append(String.format("\\x%02x", c));
			}
			else {
				out.append((char) c);
			}
		}
		return (line.length > 80) ? out + "..." : out.toString();
	}

	private record ParsedLine(int code, String text, boolean last) {
	}

}
