package dev.smtpclient.sample.inbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMTP connection to the {@link EmbeddedSmtpServer}: reads commands one line at a time (so pipelined commands
 * are answered in order), keeps the envelope, and stores the data of each accepted message in the inbox.
 */
final class SmtpSession {

	/**
	 * What one session accepts.
	 *
	 * @param maxMessageSize the largest message, in octets (announced as SIZE)
	 * @param maxRecipients the most recipients per message
	 * @param maxLineLength the longest command line, in octets
	 */
	record Limits(long maxMessageSize, int maxRecipients, int maxLineLength) {
	}

	private static final int IDLE_TIMEOUT_MILLIS = 300_000;

	private static final Pattern PATH = Pattern.compile("(?i)^(?:FROM|TO):\\s*<([^<>]*)>(.*)$");

	private static final Pattern SIZE_PARAMETER = Pattern.compile("(?i)(?:^|\\s)SIZE=(\\d{1,18})(?:\\s|$)");

	private final Socket socket;

	private final Inbox inbox;

	private final Limits limits;

	private InputStream in;

	private OutputStream out;

	private boolean greeted;

	private String sender;

	private final List<String> recipients = new ArrayList<>();

	SmtpSession(Socket socket, Inbox inbox, Limits limits) {
		this.socket = socket;
		this.inbox = inbox;
		this.limits = limits;
	}

	void run() {
		try (Socket connection = this.socket) {
			connection.setSoTimeout(IDLE_TIMEOUT_MILLIS);
			this.in = new BufferedInputStream(this.socket.getInputStream());
			this.out = this.socket.getOutputStream();
			reply("220 localhost ESMTP smtpclient sample inbox");
			boolean open = true;
			while (open) {
				byte[] line = readLine(this.limits.maxLineLength());
				if (line == null) {
					return;
				}
				open = (line.length > this.limits.maxLineLength()) ? lineTooLong()
						: command(new String(line, StandardCharsets.UTF_8));
			}
		}
		catch (SocketTimeoutException ex) {
			tryReply("421 4.4.2 Idle too long, closing");
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private boolean lineTooLong() throws IOException {
		reply("500 5.5.6 Line too long");
		return false;
	}

	private boolean command(String line) throws IOException {
		int space = line.indexOf(' ');
		String verb = ((space < 0) ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
		String argument = (space < 0) ? "" : line.substring(space + 1).trim();
		switch (verb) {
			case "EHLO" -> ehlo(argument);
			case "HELO" -> helo(argument);
			case "MAIL" -> mail(argument);
			case "RCPT" -> rcpt(argument);
			case "DATA" -> data();
			case "RSET" -> {
				resetTransaction();
				reply("250 2.0.0 OK");
			}
			case "NOOP" -> reply("250 2.0.0 OK");
			case "VRFY" -> reply("252 2.5.0 Cannot verify, but will accept the message");
			case "QUIT" -> {
				reply("221 2.0.0 Bye");
				return false;
			}
			case "STARTTLS", "AUTH", "BDAT" -> reply("502 5.5.1 " + verb + " is not offered here");
			default -> reply("500 5.5.2 Unknown command");
		}
		return true;
	}

	private void ehlo(String name) throws IOException {
		if (name.isEmpty()) {
			reply("501 5.5.4 EHLO needs a domain or address literal");
			return;
		}
		resetTransaction();
		this.greeted = true;
		reply("250-localhost greets " + printable(name), "250-PIPELINING", "250-8BITMIME", "250-SMTPUTF8",
				"250-SIZE " + this.limits.maxMessageSize(), "250 ENHANCEDSTATUSCODES");
	}

	private void helo(String name) throws IOException {
		if (name.isEmpty()) {
			reply("501 5.5.4 HELO needs a domain");
			return;
		}
		resetTransaction();
		this.greeted = true;
		reply("250 localhost");
	}

	private void mail(String argument) throws IOException {
		Matcher path = PATH.matcher(argument);
		if (!this.greeted) {
			reply("503 5.5.1 Send EHLO first");
		}
		else if (this.sender != null) {
			reply("503 5.5.1 Nested MAIL command");
		}
		else if (!argument.regionMatches(true, 0, "FROM:", 0, 5) || !path.matches()) {
			reply("501 5.5.4 Syntax: MAIL FROM:<address>");
		}
		else if (declaredSize(path.group(2)) > this.limits.maxMessageSize()) {
			reply("552 5.3.4 Message size exceeds the limit of " + this.limits.maxMessageSize() + " octets");
		}
		else {
			this.sender = path.group(1);
			reply("250 2.1.0 OK");
		}
	}

	private static long declaredSize(String parameters) {
		Matcher size = SIZE_PARAMETER.matcher(parameters);
		return size.find() ? Long.parseLong(size.group(1)) : 0;
	}

	private void rcpt(String argument) throws IOException {
		Matcher path = PATH.matcher(argument);
		if (this.sender == null) {
			reply("503 5.5.1 Need MAIL before RCPT");
		}
		else if (!argument.regionMatches(true, 0, "TO:", 0, 3) || !path.matches() || path.group(1).isEmpty()) {
			reply("501 5.5.4 Syntax: RCPT TO:<address>");
		}
		else if (this.recipients.size() >= this.limits.maxRecipients()) {
			reply("452 4.5.3 Too many recipients");
		}
		else {
			this.recipients.add(path.group(1));
			reply("250 2.1.5 OK");
		}
	}

	private void data() throws IOException {
		if (this.sender == null || this.recipients.isEmpty()) {
			reply("503 5.5.1 Need MAIL and RCPT before DATA");
			return;
		}
		reply("354 End data with <CR><LF>.<CR><LF>");
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		boolean tooBig = false;
		while (true) {
			byte[] line = readLine((int) Math.min(Integer.MAX_VALUE - 16, this.limits.maxMessageSize()));
			if (line == null) {
				throw new IOException("connection closed during DATA");
			}
			if (line.length == 1 && line[0] == '.') {
				break;
			}
			int start = (line.length > 0 && line[0] == '.') ? 1 : 0;
			if (!tooBig && message.size() + line.length + 2 <= this.limits.maxMessageSize()) {
				message.write(line, start, line.length - start);
				message.write('\r');
				message.write('\n');
			}
			else if (!tooBig) {
				tooBig = true;
				message = new ByteArrayOutputStream();
			}
		}
		if (tooBig) {
			reply("552 5.3.4 Message size exceeds the limit of " + this.limits.maxMessageSize() + " octets");
		}
		else {
			String id = UUID.randomUUID().toString();
			this.inbox.add(new ReceivedMessage(id, Instant.now(), this.sender, this.recipients, message.toByteArray()));
			reply("250 2.0.0 OK: queued as " + id);
		}
		resetTransaction();
	}

	private void resetTransaction() {
		this.sender = null;
		this.recipients.clear();
	}

	/**
	 * Reads one line without its CRLF (or bare LF). A line longer than the limit is read to its end but returned
	 * as limit + 1 octets, so the caller can refuse it.
	 */
	private byte[] readLine(int limit) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		int b;
		while ((b = this.in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = bytes.length;
				if (length > 0 && bytes[length - 1] == '\r') {
					length--;
				}
				return Arrays.copyOf(bytes, length);
			}
			if (line.size() <= limit) {
				line.write(b);
			}
		}
		return null;
	}

	private void reply(String... lines) throws IOException {
		StringBuilder text = new StringBuilder();
		for (String line : lines) {
			text.append(line).append("\r\n");
		}
		this.out.write(text.toString().getBytes(StandardCharsets.UTF_8));
		this.out.flush();
	}

	private void tryReply(String line) {
		try {
			reply(line);
		}
		catch (IOException ex) {
			// the client is gone anyway
		}
	}

	private static String printable(String text) {
		return text.replaceAll("[^\\x21-\\x7e]", "?");
	}

	static void refuse(Socket socket, String reply) {
		try (Socket connection = socket) {
			connection.getOutputStream().write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			// nothing to do
		}
	}

	static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// nothing to do
		}
	}

}
