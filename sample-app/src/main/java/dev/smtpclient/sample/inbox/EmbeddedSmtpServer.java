package dev.smtpclient.sample.inbox;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A mail server for development, built on SubEthaSMTP: it listens on loopback, requires
 * STARTTLS (with the certificate of {@link ThrowawayCertificates}) and then AUTH PLAIN or
 * LOGIN with one user and password, relays nothing and keeps every message it accepts in
 * an {@link Inbox}.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

	static final int MAX_CONNECTIONS = 16;

	private static final String[] TLS_PROTOCOLS = { "TLSv1.3", "TLSv1.2" };

	private final SMTPServer server;

	private final Inbox inbox;

	/**
	 * A server for the given port (0 for any free one).
	 * @param port the port
	 * @param inbox where accepted messages go
	 * @param maxMessageSize the largest message, in octets, announced as SIZE and
	 * enforced
	 * @param certificates the server certificate for STARTTLS
	 * @param username the one user that may log in
	 * @param password its password
	 */
	public EmbeddedSmtpServer(int port, Inbox inbox, long maxMessageSize, ThrowawayCertificates certificates,
			String username, String password) {
		this.inbox = inbox;
		SSLContext tls = certificates.serverContext();
		byte[] expected = credentials(username, password);
		this.server = SMTPServer.port(port)
			.bindAddress(InetAddress.getLoopbackAddress())
			.hostName(ThrowawayCertificates.HOST_NAME)
			.softwareName("smtpclient sample inbox")
			.messageHandlerFactory(InboxMessageHandler.factory(inbox, maxMessageSize))
			.maxMessageSize((int) Math.min(Integer.MAX_VALUE, maxMessageSize))
			.maxRecipients(100)
			.maxConnections(MAX_CONNECTIONS)
			.connectionTimeoutMs(300_000)
			.insertReceivedHeaders(false)
			.requireTLS()
			.startTlsSocketFactory((socket) -> {
				SSLSocket tlsSocket = (SSLSocket) tls.getSocketFactory()
					.createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
				tlsSocket.setUseClientMode(false);
				tlsSocket.setEnabledProtocols(TLS_PROTOCOLS);
				return tlsSocket;
			})
			.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, pass, context) -> {
				if (!MessageDigest.isEqual(expected, credentials(user, pass))) {
					throw new LoginFailedException();
				}
			}))
			.requireAuth()
			.build();
	}

	/**
	 * Binds the port on loopback and starts accepting connections.
	 */
	public synchronized void start() {
		if (this.server.isRunning()) {
			return;
		}
		this.server.start();
		logger.info("Embedded SMTP server listening on {}:{} (STARTTLS and AUTH required); see what it receives "
				+ "on the Inbox page", InetAddress.getLoopbackAddress().getHostAddress(), port());
	}

	public int port() {
		return (this.server.getPort() != 0) ? this.server.getPort() : this.server.getPortAllocated();
	}

	public Inbox inbox() {
		return this.inbox;
	}

	@Override
	public synchronized void close() {
		this.server.stop();
	}

	private static byte[] credentials(String username, String password) {
		return (String.valueOf(username) + '\0' + String.valueOf(password)).getBytes(StandardCharsets.UTF_8);
	}

}
