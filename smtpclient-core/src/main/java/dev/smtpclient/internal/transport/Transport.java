package dev.smtpclient.internal.transport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

import dev.smtpclient.TlsSessionInfo;

/**
 * A byte pipe to a server. Internal.
 */
public interface Transport extends Closeable {

	/**
	 * Reads what is available, waiting at most the timeout for the first byte.
	 * @return the count read, or -1 at the end of the stream
	 * @throws java.net.SocketTimeoutException when nothing arrives in time
	 */
	int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException;

	/**
	 * Buffers bytes; they may be written at once when the buffer fills.
	 */
	void write(byte[] bytes, int offset, int length) throws IOException;

	default void write(byte[] bytes) throws IOException {
		write(bytes, 0, bytes.length);
	}

	void flush() throws IOException;

	/**
	 * Upgrades the connection to TLS (after a 220 reply to STARTTLS).
	 */
	void startTls(Duration handshakeTimeout) throws IOException;

	boolean isSecure();

	/**
	 * The negotiated protocol and cipher suite.
	 * @return the TLS parameters, empty without TLS
	 */
	Optional<TlsSessionInfo> tlsSession();

	InetAddress localAddress();

	/**
	 * Whether a write failed because the watchdog closed a write that blocked past its
	 * timeout.
	 */
	boolean writeTimedOut();

	@Override
	void close();

}
