package dev.smtpclient.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A fake SMTP server driven by a script, for the faults a real server will not produce:
 * bad replies, stalls, drops, injected bytes. It serves one connection, runs the steps in
 * order, and records every byte the client wrote. A step that does not see what it
 * expects fails the script, and {@link #await()} reports it.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final List<Step> steps = new ArrayList<>();

	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	private final CompletableFuture<Void> done = new CompletableFuture<>();

	private SSLContext tlsContext;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private volatile boolean clientClosed;

	public ScriptedSmtpServer() {
		try {
			this.serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public int port() {
		return this.serverSocket.getLocalPort();
	}

	public String host() {
		return "127.0.0.1";
	}

	/**
	 * The context used by {@link #startTls()}; defaults to the test certificate for
	 * localhost and 127.0.0.1.
	 */
	public ScriptedSmtpServer tlsContext(SSLContext context) {
		this.tlsContext = context;
		return this;
	}

	/** Writes the text as is (include the CRLFs). */
	public ScriptedSmtpServer send(String raw) {
		return step((s) -> s.write(raw.getBytes(StandardCharsets.UTF_8)));
	}

	public ScriptedSmtpServer sendBytes(byte[] raw) {
		return step((s) -> s.write(raw));
	}

	/** Writes one reply line and its CRLF. */
	public ScriptedSmtpServer reply(String line) {
		return send(line + "\r\n");
	}

	/** Writes the parts as separate segments, pausing between them. */
	public ScriptedSmtpServer sendSplit(Duration pause, String... parts) {
		return step((s) -> {
			for (String part : parts) {
				s.write(part.getBytes(StandardCharsets.UTF_8));
				sleep(pause);
			}
		});
	}

	/** Writes the text one byte at a time with a pause between bytes. */
	public ScriptedSmtpServer trickle(String raw, Duration pause) {
		return step((s) -> {
			for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
				s.write(new byte[] { b });
				sleep(pause);
			}
		});
	}

	/**
	 * Reads one command line and checks that it starts with the prefix
	 * (case-insensitive).
	 */
	public ScriptedSmtpServer expect(String prefix) {
		return step((s) -> {
			String line = s.readLine();
			if (!line.regionMatches(true, 0, prefix, 0, prefix.length())) {
				throw new AssertionError("expected a line starting with '" + prefix + "' but got '" + line + "'");
			}
		});
	}

	/** Reads command lines until one starts with the prefix. */
	public ScriptedSmtpServer skipUntil(String prefix) {
		return step((s) -> {
			while (true) {
				String line = s.readLine();
				if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
					return;
				}
			}
		});
	}

	/** Reads message data up to and including the CRLF.CRLF end. */
	public ScriptedSmtpServer readData() {
		return step((s) -> {
			while (true) {
				String line = s.readLine();
				if (line.equals(".")) {
					return;
				}
			}
		});
	}

	/** Reads one "BDAT size [LAST]" command and exactly its octets. */
	public ScriptedSmtpServer bdat() {
		return step((s) -> {
			String line = s.readLine();
			if (!line.regionMatches(true, 0, "BDAT ", 0, 5)) {
				throw new AssertionError("expected a BDAT command but got '" + line + "'");
			}
			int size = Integer.parseInt(line.split(" ")[1]);
			byte[] chunk = s.in.readNBytes(size);
			synchronized (s.received) {
				s.received.write(chunk, 0, chunk.length);
			}
			if (chunk.length != size) {
				throw new AssertionError("the chunk ended after " + chunk.length + " of " + size + " octets");
			}
		});
	}

	/** Replies to EHLO with the given extension lines. */
	public ScriptedSmtpServer ehlo(String... extensions) {
		expect("EHLO ");
		StringBuilder reply = new StringBuilder();
		if (extensions.length == 0) {
			return reply("250 fake.test");
		}
		reply.append("250-fake.test\r\n");
		for (int i = 0; i < extensions.length; i++) {
			reply.append(i == extensions.length - 1 ? "250 " : "250-").append(extensions[i]).append("\r\n");
		}
		return send(reply.toString());
	}

	public ScriptedSmtpServer pause(Duration duration) {
		return step((s) -> sleep(duration));
	}

	/** Server side of a TLS handshake on the current connection. */
	public ScriptedSmtpServer startTls() {
		return step(ScriptedSmtpServer::upgrade);
	}

	/** Closes the connection at this point. */
	public ScriptedSmtpServer hangUp() {
		return step((s) -> s.socket.close());
	}

	/** Waits until the client closes its side (reads to end of stream). */
	public ScriptedSmtpServer awaitClientClose() {
		return step((s) -> {
			byte[] buffer = new byte[1024];
			int n;
			while ((n = s.in.read(buffer)) >= 0) {
				synchronized (s.received) {
					s.received.write(buffer, 0, n);
				}
			}
			s.clientClosed = true;
		});
	}

	/** Reads one line and records it without checking it. */
	public ScriptedSmtpServer skipLine() {
		return step((s) -> s.readLine());
	}

	private ScriptedSmtpServer step(Step step) {
		this.steps.add(step);
		return this;
	}

	/**
	 * Starts serving in the background.
	 */
	public ScriptedSmtpServer start() {
		Thread thread = new Thread(this::serve, "scripted-smtp-" + port());
		thread.setDaemon(true);
		thread.start();
		return this;
	}

	private void serve() {
		try {
			this.serverSocket.setSoTimeout(30_000);
			this.socket = this.serverSocket.accept();
			this.socket.setSoTimeout(30_000);
			this.in = this.socket.getInputStream();
			this.out = this.socket.getOutputStream();
			for (Step step : this.steps) {
				step.run(this);
			}
			this.done.complete(null);
		}
		catch (Throwable ex) {
			this.done.completeExceptionally(ex);
		}
	}

	/**
	 * Waits for the script to finish and fails if a step failed.
	 */
	public void await() {
		try {
			this.done.get(30, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new AssertionError("the server script failed: " + ex.getCause(), ex.getCause());
		}
		catch (Exception ex) {
			throw new AssertionError("the server script did not finish: " + ex, ex);
		}
	}

	/**
	 * Everything the client wrote so far (cleartext and, after a TLS upgrade, the
	 * decrypted bytes).
	 */
	public String received() {
		synchronized (this.received) {
			return this.received.toString(StandardCharsets.UTF_8);
		}
	}

	/**
	 * Whether the client closed the connection (seen by {@link #awaitClientClose()}).
	 */
	public boolean clientClosed() {
		return this.clientClosed;
	}

	/**
	 * Reads whatever the client sends within the time, to check it sent nothing more.
	 */
	public String drain(Duration within) {
		try {
			this.done.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// the script's own result is checked by await()
		}
		try {
			this.socket.setSoTimeout((int) within.toMillis());
			byte[] buffer = new byte[4096];
			int n;
			while ((n = this.in.read(buffer)) >= 0) {
				synchronized (this.received) {
					this.received.write(buffer, 0, n);
				}
			}
			this.clientClosed = true;
		}
		catch (SocketTimeoutException ex) {
			// nothing more came
		}
		catch (IOException ex) {
			this.clientClosed = true;
		}
		return received();
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
			if (this.socket != null) {
				this.socket.close();
			}
		}
		catch (IOException ex) {
			// test teardown
		}
	}

	private void write(byte[] bytes) throws IOException {
		this.out.write(bytes);
		this.out.flush();
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				throw new IOException("client closed the connection; line so far: " + line);
			}
			synchronized (this.received) {
				this.received.write(b);
			}
			if (b == '\n') {
				String text = line.toString(StandardCharsets.UTF_8);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			line.write(b);
		}
	}

	private void upgrade() throws IOException {
		SSLContext context = (this.tlsContext != null) ? this.tlsContext : TestCertificates.serverContext();
		SSLSocket tls = (SSLSocket) context.getSocketFactory()
			.createSocket(this.socket, null, this.socket.getPort(), true);
		tls.setUseClientMode(false);
		tls.startHandshake();
		this.socket = tls;
		this.in = tls.getInputStream();
		this.out = tls.getOutputStream();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@FunctionalInterface
	private interface Step {

		void run(ScriptedSmtpServer server) throws Exception;

	}

}
