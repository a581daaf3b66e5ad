package dev.smtpclient.sample.inbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small SMTP server for development: it listens on loopback, takes several connections at once (one thread
 * each, up to a limit), offers PIPELINING, 8BITMIME, SMTPUTF8 and SIZE, relays nothing and keeps every message
 * it accepts in an {@link Inbox}. It offers neither STARTTLS nor AUTH: it is for a developer's own machine.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

	static final int MAX_CONNECTIONS = 16;

	private final int port;

	private final Inbox inbox;

	private final SmtpSession.Limits limits;

	private final AtomicInteger connectionIds = new AtomicInteger();

	private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();

	private ServerSocket serverSocket;

	private ExecutorService sessions;

	private Thread acceptor;

	public EmbeddedSmtpServer(int port, Inbox inbox, long maxMessageSize) {
		this.port = port;
		this.inbox = inbox;
		this.limits = new SmtpSession.Limits(maxMessageSize, 100, 1000);
	}

	/**
	 * Binds the port on 127.0.0.1 and starts accepting connections.
	 * @throws IOException if the port cannot be bound
	 */
	public synchronized void start() throws IOException {
		if (this.serverSocket != null) {
			return;
		}
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 50);
		this.serverSocket = socket;
		this.sessions = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(task) -> daemon(task, "embedded-smtp-" + this.connectionIds.incrementAndGet()));
		this.acceptor = daemon(() -> acceptLoop(socket), "embedded-smtp-acceptor");
		this.acceptor.start();
		logger.info("Embedded SMTP server listening on 127.0.0.1:{}; see what it receives on the Inbox page",
				socket.getLocalPort());
	}

	public synchronized int port() {
		return (this.serverSocket != null) ? this.serverSocket.getLocalPort() : this.port;
	}

	public Inbox inbox() {
		return this.inbox;
	}

	private void acceptLoop(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				this.openSockets.add(socket);
				try {
					this.sessions.execute(() -> serve(socket));
				}
				catch (RejectedExecutionException ex) {
					this.openSockets.remove(socket);
					SmtpSession.refuse(socket, "421 4.3.2 Too many connections, try again later");
				}
			}
			catch (SocketException ex) {
				// closed by close()
			}
			catch (IOException ex) {
				logger.warn("Embedded SMTP server: accept failed: {}", ex.getMessage());
			}
		}
	}

	private void serve(Socket socket) {
		try {
			new SmtpSession(socket, this.inbox, this.limits).run();
		}
		finally {
			this.openSockets.remove(socket);
		}
	}

	@Override
	public synchronized void close() {
		if (this.serverSocket == null) {
			return;
		}
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// nothing more to do
		}
		this.sessions.shutdownNow();
		for (Socket socket : this.openSockets) {
			SmtpSession.closeQuietly(socket);
		}
		this.serverSocket = null;
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
