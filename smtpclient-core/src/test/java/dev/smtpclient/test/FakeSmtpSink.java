package dev.smtpclient.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small multi-connection SMTP server for pool tests: it accepts every message and keeps
 * its data, offers PIPELINING or not, and can drop its connections (with or without a 421
 * first) as a server does with idle clients. Commands from a pipelining client are
 * answered in order as they are read.
 */
public final class FakeSmtpSink implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final boolean pipelining;

	private final List<String> messages = new CopyOnWriteArrayList<>();

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger commands = new AtomicInteger();

	private final List<java.time.Duration> dataGaps = new CopyOnWriteArrayList<>();

	private final AtomicInteger mailsToDefer = new AtomicInteger();

	private volatile long quitDelayMillis;

	public FakeSmtpSink(boolean pipelining) {
		this.pipelining = pipelining;
		try {
			this.serverSocket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Thread acceptor = new Thread(this::acceptLoop, "fake-sink-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.serverSocket.getLocalPort();
	}

	/** Message data received and acknowledged, in order. */
	public List<String> messages() {
		return this.messages;
	}

	/** For each message, the time from the server's 354 to the client's final ".". */
	public List<java.time.Duration> dataGaps() {
		return this.dataGaps;
	}

	/** Replies "451" to the next {@code count} MAIL commands. */
	public FakeSmtpSink deferNextMails(int count) {
		this.mailsToDefer.set(count);
		return this;
	}

	/** Waits this long before replying to QUIT, as a busy server may. */
	public FakeSmtpSink quitDelay(java.time.Duration delay) {
		this.quitDelayMillis = delay.toMillis();
		return this;
	}

	/** Connections accepted so far. */
	public int connections() {
		return this.connections.get();
	}

	public int openConnections() {
		return this.open.size();
	}

	/**
	 * Closes every open connection, as a server does with idle clients; with
	 * {@code say421} each first gets "421 4.4.2 idle timeout".
	 */
	public void dropAll(boolean say421) {
		for (Socket socket : this.open) {
			try {
				if (say421) {
					OutputStream out = socket.getOutputStream();
					synchronized (socket) {
						out.write("421 4.4.2 fake.test idle timeout\r\n".getBytes(StandardCharsets.US_ASCII));
						out.flush();
					}
				}
				socket.close();
			}
			catch (IOException ex) {
				// already gone
			}
		}
	}

	private void acceptLoop() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.connections.incrementAndGet();
				this.open.add(socket);
				Thread handler = new Thread(() -> serve(socket), "fake-sink-" + socket.getPort());
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
			OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream());
			reply(socket, out, "220 fake.test ESMTP", in);
			while (true) {
				String line = readLine(in);
				// a read under way when the socket was dropped can still return what
				// arrived; a dropped connection answers nothing more
				if (line == null || socket.isClosed()) {
					return;
				}
				this.commands.incrementAndGet();
				String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
				switch (verb) {
					case "EHLO" -> reply(socket, out, "250-fake.test\r\n"
							+ (this.pipelining ? "250-PIPELINING\r\n" : "") + "250-8BITMIME\r\n250 SIZE 100000000", in);
					case "MAIL" -> reply(socket, out,
							(this.mailsToDefer.getAndDecrement() > 0) ? "451 4.3.0 try again" : "250 2.0.0 ok", in);
					case "HELO", "RCPT", "RSET", "NOOP" -> reply(socket, out, "250 2.0.0 ok", in);
					case "DATA" -> {
						reply(socket, out, "354 go ahead", in);
						synchronized (socket) {
							out.flush();
						}
						long dataStarted = System.nanoTime();
						ByteArrayOutputStream data = new ByteArrayOutputStream();
						while (true) {
							String dataLine = readLine(in);
							if (dataLine == null) {
								return;
							}
							if (dataLine.equals(".")) {
								this.dataGaps.add(java.time.Duration.ofNanos(System.nanoTime() - dataStarted));
								break;
							}
							data.writeBytes((dataLine.startsWith(".") ? dataLine.substring(1) : dataLine)
								.getBytes(StandardCharsets.UTF_8));
							data.writeBytes(new byte[] { '\r', '\n' });
						}
						this.messages.add(data.toString(StandardCharsets.UTF_8));
						reply(socket, out, "250 2.0.0 queued as F" + this.messages.size(), in);
					}
					case "QUIT" -> {
						if (this.quitDelayMillis > 0) {
							try {
								Thread.sleep(this.quitDelayMillis);
							}
							catch (InterruptedException ex) {
								Thread.currentThread().interrupt();
							}
						}
						reply(socket, out, "221 bye", in);
						return;
					}
					default -> reply(socket, out, "502 5.5.2 unknown command", in);
				}
			}
		}
		catch (IOException ex) {
			// the client or a test dropped the connection
		}
		finally {
			this.open.remove(socket);
		}
	}

	/**
	 * Replies, flushing only when no further pipelined command is already waiting, as
	 * real servers do.
	 */
	private static void reply(Socket socket, OutputStream out, String text, InputStream in) throws IOException {
		synchronized (socket) {
			out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
			if (in.available() == 0) {
				out.flush();
			}
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		while (true) {
			int b = in.read();
			if (b < 0) {
				return null;
			}
			if (b == '\n') {
				String text = line.toString(StandardCharsets.UTF_8);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			line.write(b);
		}
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// teardown
		}
		dropAll(false);
	}

}
