package dev.smtpclient.sample.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Out of the box the app listens on loopback only: other hosts on the network cannot
 * reach it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ServerAddressTests {

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void listensOnLoopbackByDefault() throws IOException {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		Object address = connector.getProperty("address");
		assertThat(address).isInstanceOf(InetAddress.class);
		assertThat(((InetAddress) address).isLoopbackAddress()).as("bound to %s", address).isTrue();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 2000);
		}
	}

	@Test
	void isNotReachableOnTheMachinesOtherAddresses() throws SocketException {
		Optional<InetAddress> other = NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.findFirst();
		assumeTrue(other.isPresent(), "this machine has only loopback addresses");
		assertThatIOException().isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(other.get(), this.port), 2000);
			}
		});
	}

}
