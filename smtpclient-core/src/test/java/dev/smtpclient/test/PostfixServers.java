package dev.smtpclient.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Assumptions;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.TlsPolicy;

/**
 * The Postfix (with Dovecot SASL) that {@code .ci/servers start} runs on loopback, as the
 * tests see it.
 * <p>
 * Found through the {@code SMTP_TEST_SERVERS} environment variable (the path of its
 * {@code servers.properties}), or in the default place. Where it is not running the tests
 * that need it are skipped, unless {@code SMTP_TEST_REQUIRE_SERVERS=true} (as in CI),
 * where they fail: CI must never pass by skipping them.
 */
public final class PostfixServers {

	private static final String DEFAULT_LOCATION = "/tmp/smtpclient-test-servers/servers.properties";

	private static PostfixServers instance;

	private final Properties properties;

	private final SSLContext sslContext;

	private PostfixServers(Properties properties) throws Exception {
		this.properties = properties;
		KeyStore trust = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(Path.of(properties.getProperty("truststore")))) {
			trust.load(in, properties.getProperty("truststore.password").toCharArray());
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		this.sslContext = SSLContext.getInstance("TLS");
		this.sslContext.init(null, factory.getTrustManagers(), null);
	}

	/**
	 * The running servers, or a skipped (locally) or failed (in CI) test.
	 */
	public static synchronized PostfixServers require() {
		if (instance == null) {
			String location = Optional.ofNullable(System.getenv("SMTP_TEST_SERVERS")).orElse(DEFAULT_LOCATION);
			Path path = Path.of(location);
			boolean required = "true".equalsIgnoreCase(System.getenv("SMTP_TEST_REQUIRE_SERVERS"));
			if (!Files.isRegularFile(path)) {
				String message = "the test mail servers are not running (no " + path + "); start them with "
						+ "'bash .ci/servers start'";
				if (required) {
					throw new IllegalStateException(message);
				}
				Assumptions.abort(message);
			}
			try (Reader reader = Files.newBufferedReader(path)) {
				Properties properties = new Properties();
				properties.load(reader);
				instance = new PostfixServers(properties);
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot read " + path, ex);
			}
		}
		return instance;
	}

	public String host() {
		return this.properties.getProperty("host");
	}

	public int port(String name) {
		return Integer.parseInt(this.properties.getProperty("port." + name));
	}

	/** STARTTLS offered, AUTH only after TLS. */
	public int startTlsPort() {
		return port("starttls");
	}

	/** No TLS at all; AUTH allowed in cleartext. */
	public int plainPort() {
		return port("plain");
	}

	/** Submission: TLS and AUTH required. */
	public int submissionPort() {
		return port("submission");
	}

	/** Implicit TLS with AUTH required. */
	public int implicitTlsPort() {
		return port("implicit");
	}

	/** Postfix's smtp-sink: accepts and discards; no TLS. */
	public int sinkPort() {
		return port("sink");
	}

	public String user() {
		return this.properties.getProperty("user");
	}

	public String password() {
		return this.properties.getProperty("password");
	}

	public String domain() {
		return this.properties.getProperty("domain");
	}

	/**
	 * A context that trusts the servers' test CA, and only it.
	 */
	public SSLContext sslContext() {
		return this.sslContext;
	}

	/**
	 * The test CA's certificate (PEM), for configuration that takes a file, such as a
	 * Spring Boot SSL bundle.
	 */
	public Path caCertificate() {
		return Path.of(this.properties.getProperty("ca.cert"));
	}

	/**
	 * Settings for one port, trusting the test CA and verifying the host name
	 * "localhost".
	 */
	public ConnectionSettings.Builder settings(int port, TlsPolicy policy) {
		return ConnectionSettings.builder()
			.host("localhost")
			.port(port)
			.tlsPolicy(policy)
			.sslContext(this.sslContext)
			.heloName("client.test")
			.connectTimeout(Duration.ofSeconds(10))
			.commandTimeout(Duration.ofSeconds(30));
	}

	/**
	 * Waits for a delivered message that contains the marker (a unique string the test
	 * put in it) and returns the maildir file's bytes. Postfix stores it with LF line
	 * endings and its own trace headers on top.
	 */
	public byte[] awaitDelivered(String marker, Duration timeout) {
		Path maildir = Path.of(this.properties.getProperty("maildir"));
		byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<byte[]> found = find(maildir, needle);
			if (found.isPresent()) {
				return found.get();
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError(
				"no message containing '" + marker + "' arrived under " + maildir + " within " + timeout);
	}

	/**
	 * How many delivered messages contain the marker.
	 */
	public long countDelivered(String marker) {
		Path maildir = Path.of(this.properties.getProperty("maildir"));
		byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
		try (Stream<Path> files = Files.walk(maildir)) {
			return files.filter(Files::isRegularFile).filter((file) -> contains(read(file), needle)).count();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * Counts delivered messages by the first match of the pattern's group 1 in each file,
	 * e.g. a Subject marker.
	 */
	public java.util.Map<String, Integer> countDeliveredBy(java.util.regex.Pattern pattern) {
		Path maildir = Path.of(this.properties.getProperty("maildir"));
		java.util.Map<String, Integer> counts = new java.util.HashMap<>();
		if (!Files.isDirectory(maildir)) {
			return counts;
		}
		try (Stream<Path> files = Files.walk(maildir)) {
			files.filter(Files::isRegularFile).forEach((file) -> {
				java.util.regex.Matcher matcher = pattern.matcher(new String(read(file), StandardCharsets.UTF_8));
				if (matcher.find()) {
					counts.merge(matcher.group(1), 1, Integer::sum);
				}
			});
		}
		catch (IOException ex) {
			// a file moved from new/ to cur/ under us; the caller polls again
		}
		return counts;
	}

	private static Optional<byte[]> find(Path maildir, byte[] needle) {
		if (!Files.isDirectory(maildir)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.walk(maildir)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> file.getParent().getFileName().toString().matches("new|cur"))
				.map(PostfixServers::read)
				.filter((bytes) -> contains(bytes, needle))
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			return new byte[0];
		}
	}

	static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
