package dev.smtpclient.internal.transport;

import java.io.IOException;
import java.net.Socket;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;

/**
 * Layers TLS over a connected socket with the settings every connection gets: the
 * server's certificate checked against the configured host (by name or IP address), SNI
 * for host names, TLS 1.2 or later only.
 */
final class TlsSockets {

	static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

	private TlsSockets() {
	}

	static SSLSocket layer(Socket plain, String host, int port, @Nullable SSLContext sslContext) throws IOException {
		SSLContext context = (sslContext != null) ? sslContext : defaultContext();
		SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
		socket.setUseClientMode(true);
		SSLParameters parameters = socket.getSSLParameters();
		// HTTPS identification is RFC 2818/6125 matching of DNS and IP subject
		// alternative names
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		String[] protocols = Arrays.stream(socket.getSupportedProtocols())
			.filter(ALLOWED_PROTOCOLS::contains)
			.toArray(String[]::new);
		if (protocols.length == 0) {
			throw new SSLHandshakeException("neither TLSv1.3 nor TLSv1.2 is available in this SSL context");
		}
		parameters.setProtocols(protocols);
		if (!isIpLiteral(host)) {
			parameters.setServerNames(List.of(new SNIHostName(host)));
		}
		socket.setSSLParameters(parameters);
		return socket;
	}

	private static SSLContext defaultContext() throws IOException {
		try {
			return SSLContext.getDefault();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IOException("no default SSL context", ex);
		}
	}

	static boolean isIpLiteral(String host) {
		if (host.contains(":")) {
			return true;
		}
		String[] parts = host.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
				return false;
			}
		}
		return true;
	}

}
