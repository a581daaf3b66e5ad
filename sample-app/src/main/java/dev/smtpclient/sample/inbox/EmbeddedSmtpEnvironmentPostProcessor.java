package dev.smtpclient.sample.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no {@code smtp.url} (property or {@code SMTP_URL}), points the application at an
 * embedded SMTP server: picks a free loopback port (or {@code sample.embedded-smtp.port})
 * and a random password (or {@code sample.embedded-smtp.password}), sets {@code smtp.url}
 * to {@code esmtptls://dev:<password>@localhost:<port>} with {@code smtp.ssl.bundle}
 * trusting the server's throw-away CA, and turns on {@link InboxConfiguration}'s server.
 * With {@code smtp.url} set it does nothing.
 */
public class EmbeddedSmtpEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String ENABLED = "sample.embedded-smtp.enabled";

	static final String PORT = "sample.embedded-smtp.port";

	static final String PASSWORD = "sample.embedded-smtp.password";

	static final String USERNAME = "dev";

	static final String SSL_BUNDLE = "sample-embedded-smtp";

	private static final SecureRandom random = new SecureRandom();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("smtp.url")) {
			return;
		}
		int port = environment.getProperty(PORT, Integer.class, 0);
		if (port == 0) {
			port = freePort();
		}
		String password = environment.getProperty(PASSWORD, "");
		if (password.isEmpty()) {
			password = randomPassword();
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("embeddedSmtp",
					Map.of("smtp.url",
							"esmtptls://" + USERNAME + ":" + percentEncoded(password) + "@"
									+ ThrowawayCertificates.HOST_NAME + ":" + port,
							"smtp.ssl.bundle", SSL_BUNDLE, ENABLED, "true", PORT, String.valueOf(port), PASSWORD,
							password)));
	}

	private static String percentEncoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** URL-safe characters only, so it reads the same in {@code smtp.url}. */
	private static String randomPassword() {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
