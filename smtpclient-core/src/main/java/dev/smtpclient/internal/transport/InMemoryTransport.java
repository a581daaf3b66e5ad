package dev.smtpclient.internal.transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

import dev.smtpclient.TlsSessionInfo;

/**
 * A transport with no network under it (test mode, tests, benchmarks): never TLS, a
 * loopback address, writes that cannot time out and nothing to flush or close. A subclass
 * says only what it reads and what it does with what is written.
 */
public abstract class InMemoryTransport implements Transport {

	@Override
	public void flush() {
	}

	@Override
	public void startTls(Duration handshakeTimeout) {
		throw new UnsupportedOperationException("an in-memory transport has no TLS");
	}

	@Override
	public boolean isSecure() {
		return false;
	}

	@Override
	public Optional<TlsSessionInfo> tlsSession() {
		return Optional.empty();
	}

	@Override
	public InetAddress localAddress() {
		return InetAddress.getLoopbackAddress();
	}

	@Override
	public boolean writeTimedOut() {
		return false;
	}

	@Override
	public void close() {
	}

}
