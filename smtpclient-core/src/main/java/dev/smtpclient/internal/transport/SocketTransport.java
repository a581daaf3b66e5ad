package dev.smtpclient.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.TlsSessionInfo;

/**
 * A TCP connection, optionally with TLS, that reports its socket events. Internal.
 */
public final class SocketTransport implements Transport, Watchdog.WriteDeadline {

	private static final int WRITE_BUFFER_SIZE = 16 * 1024;

	private static final int CLOSE_NOTIFY_WAIT_MILLIS = 100;

	private final SmtpConnectionInfo info;

	private final SmtpEventListener events;

	private final @Nullable SSLContext sslContext;

	private final Duration writeTimeout;

	private Socket socket;

	private final Socket rawSocket;

	private InputStream in;

	private OutputStream out;

	private final byte[] writeBuffer = new byte[WRITE_BUFFER_SIZE];

	private int buffered;

	private volatile boolean writeTimedOut;

	private volatile long writeDeadlineNanos;

	private volatile boolean closed;

	private SocketTransport(Socket socket, SmtpConnectionInfo info, SmtpEventListener events,
			@Nullable SSLContext sslContext, Duration writeTimeout) throws IOException {
		this.info = info;
		this.events = events;
		this.sslContext = sslContext;
		this.writeTimeout = writeTimeout;
		this.rawSocket = socket;
		use(socket);
		Watchdog.watch(this);
	}

	/**
	 * Resolves the host and connects to its addresses in turn, all within the connect
	 * timeout.
	 * @param info the connection being opened
	 * @param events where to report
	 * @param connectTimeout the bound on look-up and connect together
	 * @param writeTimeout the bound on each write
	 * @param sslContext the context for TLS, or {@code null} for the default
	 * @return the connected transport
	 * @throws IOException when no address could be reached
	 */
	public static SocketTransport connect(SmtpConnectionInfo info, SmtpEventListener events, Duration connectTimeout,
			Duration writeTimeout, @Nullable SSLContext sslContext) throws IOException {
		long deadline = System.nanoTime() + connectTimeout.toNanos();
		List<InetAddress> addresses = resolve(info, events, connectTimeout);
		IOException failure = null;
		for (InetAddress address : addresses) {
			long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
			if (remainingMillis <= 0) {
				break;
			}
			InetSocketAddress target = new InetSocketAddress(address, info.port());
			events.connectStart(info, target);
			long started = System.nanoTime();
			Socket socket = new Socket();
			try {
				socket.setTcpNoDelay(true);
				socket.setKeepAlive(true);
				socket.connect(target, (int) Math.min(Integer.MAX_VALUE, remainingMillis));
				events.connectEnd(info, target, Duration.ofNanos(System.nanoTime() - started));
				return new SocketTransport(socket, info, events, sslContext, writeTimeout);
			}
			catch (IOException ex) {
				closeQuietly(socket);
				events.connectFailed(info, target, ex);
				failure = ex;
			}
		}
		if (failure instanceof SocketTimeoutException || failure == null) {
			throw new SocketTimeoutException("connect to " + info.host() + ":" + info.port() + " timed out");
		}
		throw failure;
	}

	private static List<InetAddress> resolve(SmtpConnectionInfo info, SmtpEventListener events, Duration timeout)
			throws IOException {
		events.dnsStart(info, info.host());
		try {
			List<InetAddress> addresses = Arrays.asList(HostResolver.resolve(info.host(), timeout));
			events.dnsEnd(info, info.host(), addresses);
			return addresses;
		}
		catch (IOException ex) {
			events.dnsFailed(info, info.host(), ex);
			throw ex;
		}
	}

	private void use(Socket socket) throws IOException {
		this.socket = socket;
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
	}

	@Override
	public void startTls(Duration handshakeTimeout) throws IOException {
		if (this.buffered > 0) {
			throw new IllegalStateException("unflushed output before the TLS handshake");
		}
		this.events.tlsStart(this.info);
		long started = System.nanoTime();
		SSLSocket tls = null;
		ScheduledFuture<?> expiry = Watchdog.arm(handshakeTimeout, this::closeSocketFromWatchdog);
		try {
			tls = TlsSockets.layer(this.socket, this.info.host(), this.info.port(), this.sslContext);
			tls.setSoTimeout(timeoutMillis(handshakeTimeout));
			tls.startHandshake();
		}
		catch (IOException | RuntimeException ex) {
			this.events.tlsFailed(this.info, ex);
			closeQuietly((tls != null) ? tls : this.socket);
			if (this.closed && !(ex instanceof SocketTimeoutException)) {
				throw new SocketTimeoutException("TLS handshake timed out");
			}
			throw ex;
		}
		finally {
			expiry.cancel(false);
		}
		// fresh streams: nothing read or buffered in cleartext survives the upgrade
		use(tls);
		SSLSession session = tls.getSession();
		this.events.tlsEstablished(this.info, new TlsSessionInfo(session.getProtocol(), session.getCipherSuite()),
				Duration.ofNanos(System.nanoTime() - started));
	}

	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
		this.socket.setSoTimeout(timeoutMillis(timeout));
		int count = this.in.read(buffer, offset, length);
		if (count > 0) {
			this.events.bytesRead(this.info, count);
		}
		return count;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		if (length >= WRITE_BUFFER_SIZE) {
			flushBuffer();
			guardedWrite(bytes, offset, length);
			return;
		}
		if (this.buffered + length > WRITE_BUFFER_SIZE) {
			flushBuffer();
		}
		System.arraycopy(bytes, offset, this.writeBuffer, this.buffered, length);
		this.buffered += length;
	}

	@Override
	public void flush() throws IOException {
		flushBuffer();
		this.out.flush();
	}

	private void flushBuffer() throws IOException {
		if (this.buffered > 0) {
			int count = this.buffered;
			this.buffered = 0;
			guardedWrite(this.writeBuffer, 0, count);
		}
	}

	private void guardedWrite(byte[] bytes, int offset, int length) throws IOException {
		this.writeDeadlineNanos = (System.nanoTime() + this.writeTimeout.toNanos()) | 1;
		try {
			this.out.write(bytes, offset, length);
		}
		finally {
			this.writeDeadlineNanos = 0;
		}
		this.events.bytesWritten(this.info, length);
	}

	@Override
	public long writeDeadlineNanos() {
		return this.writeDeadlineNanos;
	}

	@Override
	public void expire() {
		this.writeTimedOut = true;
		closeSocketFromWatchdog();
	}

	private void closeSocketFromWatchdog() {
		this.closed = true;
		// the TCP socket itself: closing the TLS layer would try to write close_notify to
		// a peer that is stuck
		closeQuietly(this.rawSocket);
	}

	@Override
	public boolean writeTimedOut() {
		return this.writeTimedOut;
	}

	@Override
	public boolean isSecure() {
		return this.socket instanceof SSLSocket;
	}

	@Override
	public Optional<TlsSessionInfo> tlsSession() {
		if (this.socket instanceof SSLSocket tls) {
			SSLSession session = tls.getSession();
			return Optional.of(new TlsSessionInfo(session.getProtocol(), session.getCipherSuite()));
		}
		return Optional.empty();
	}

	@Override
	public InetAddress localAddress() {
		return this.socket.getLocalAddress();
	}

	@Override
	public void close() {
		this.closed = true;
		Watchdog.unwatch(this);
		if (this.socket instanceof SSLSocket) {
			try {
				// closing TLS sends close_notify and may wait for the peer's; never for
				// long
				this.socket.setSoTimeout(CLOSE_NOTIFY_WAIT_MILLIS);
			}
			catch (IOException ex) {
				// already broken: closing below is all that is left
			}
		}
		closeQuietly(this.socket);
		closeQuietly(this.rawSocket);
	}

	private static int timeoutMillis(Duration timeout) {
		long millis = timeout.toMillis();
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing is best effort: the connection is being abandoned
		}
	}

	/**
	 * Host look-ups with a bound: the platform resolver has none of its own that we
	 * control.
	 */
	public static final class HostResolver {

		private static final java.util.concurrent.ExecutorService LOOKUPS = java.util.concurrent.Executors
			.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "smtpclient-dns");
				thread.setDaemon(true);
				return thread;
			});

		private HostResolver() {
		}

		static InetAddress[] resolve(String host, Duration timeout) throws IOException {
			if (TlsSockets.isIpLiteral(host)) {
				return InetAddress.getAllByName(host);
			}
			java.util.concurrent.Future<InetAddress[]> lookup = LOOKUPS.submit(() -> InetAddress.getAllByName(host));
			try {
				return lookup.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
			}
			catch (java.util.concurrent.TimeoutException ex) {
				lookup.cancel(true);
				throw new SocketTimeoutException("look-up of " + host + " timed out");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new java.io.InterruptedIOException("interrupted while looking up " + host);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				if (ex.getCause() instanceof UnknownHostException unknown) {
					throw unknown;
				}
				throw new IOException("look-up of " + host + " failed", ex.getCause());
			}
		}

	}

}
