package dev.smtpclient.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy that kills connections at random points: for a share of connections it
 * picks a direction and a byte count, and when that many bytes have passed in that
 * direction it resets both sides. Everything else is passed through untouched.
 */
public final class ChaosProxy implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final InetSocketAddress upstream;

	private final double killShare;

	private final int maxKillOffset;

	private final Random random;

	private final AtomicInteger kills = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	/**
	 * @param upstream where to forward
	 * @param killShare the share of connections to kill, 0 to 1
	 * @param maxKillOffset the largest byte count before a kill
	 * @param seed the random seed, for a repeatable run
	 */
	public ChaosProxy(InetSocketAddress upstream, double killShare, int maxKillOffset, long seed) {
		this.upstream = upstream;
		this.killShare = killShare;
		this.maxKillOffset = maxKillOffset;
		this.random = new Random(seed);
		try {
			this.serverSocket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Thread acceptor = new Thread(this::acceptLoop, "chaos-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.serverSocket.getLocalPort();
	}

	public int kills() {
		return this.kills.get();
	}

	public int connections() {
		return this.connections.get();
	}

	private void acceptLoop() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket client = this.serverSocket.accept();
				Socket server = new Socket();
				server.connect(this.upstream, 5000);
				client.setTcpNoDelay(true);
				server.setTcpNoDelay(true);
				this.connections.incrementAndGet();
				long upKill = Long.MAX_VALUE;
				long downKill = Long.MAX_VALUE;
				synchronized (this.random) {
					if (this.random.nextDouble() < this.killShare) {
						long offset = 1 + this.random.nextInt(this.maxKillOffset);
						if (this.random.nextBoolean()) {
							upKill = offset;
						}
						else {
							downKill = offset / 4 + 1;
						}
					}
				}
				Connection connection = new Connection(client, server);
				long up = upKill;
				long down = downKill;
				start(() -> connection.pump(client, server, up), "chaos-up");
				start(() -> connection.pump(server, client, down), "chaos-down");
			}
			catch (IOException ex) {
				if (this.serverSocket.isClosed()) {
					return;
				}
			}
		}
	}

	private static void start(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// teardown
		}
	}

	private final class Connection {

		private final Socket client;

		private final Socket server;

		Connection(Socket client, Socket server) {
			this.client = client;
			this.server = server;
		}

		void pump(Socket from, Socket to, long killAfter) {
			byte[] buffer = new byte[8192];
			long passed = 0;
			try {
				InputStream in = from.getInputStream();
				OutputStream out = to.getOutputStream();
				int n;
				while ((n = in.read(buffer)) >= 0) {
					if (passed + n >= killAfter) {
						int allowed = (int) (killAfter - passed);
						out.write(buffer, 0, allowed);
						out.flush();
						kill();
						return;
					}
					out.write(buffer, 0, n);
					out.flush();
					passed += n;
				}
				to.shutdownOutput();
			}
			catch (IOException ex) {
				closeBoth();
			}
		}

		private void kill() {
			ChaosProxy.this.kills.incrementAndGet();
			try {
				// a reset, not a polite close: the peer sees the connection break
				this.client.setSoLinger(true, 0);
				this.server.setSoLinger(true, 0);
			}
			catch (IOException ex) {
				// closing anyway
			}
			closeBoth();
		}

		private void closeBoth() {
			try {
				this.client.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			try {
				this.server.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

	}

}
