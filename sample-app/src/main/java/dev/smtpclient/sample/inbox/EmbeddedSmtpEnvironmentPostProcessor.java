package dev.smtpclient.sample.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no {@code smtp.url} (property or {@code SMTP_URL}), points the application at an embedded SMTP server:
 * picks a free loopback port (or {@code sample.embedded-smtp.port}), sets {@code smtp.url} to it and turns on
 * {@link InboxConfiguration}'s server. With {@code smtp.url} set it does nothing.
 */
public class EmbeddedSmtpEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String ENABLED = "sample.embedded-smtp.enabled";

	static final String PORT = "sample.embedded-smtp.port";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("smtp.url")) {
			return;
		}
		int port = environment.getProperty(PORT, Integer.class, 0);
		if (port == 0) {
			port = freePort();
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("embeddedSmtp",
					Map.of("smtp.url", "smtp://127.0.0.1:" + port, ENABLED, "true", PORT, String.valueOf(port))));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free port for the embedded SMTP server", ex);
		}
	}

}
