package dev.smtpclient.test;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;

/**
 * The {@code servers.properties} that {@code .ci/servers} and {@code .ci/databases} write
 * (found through {@code SMTP_TEST_SERVERS}, or in the default place), for tests that need
 * one of those servers. Where the server is not running the test is skipped, unless
 * {@code SMTP_TEST_REQUIRE_SERVERS=true} (as in CI), where it fails: CI must never pass
 * by skipping.
 */
public final class TestServerProperties {

	private static final String DEFAULT_LOCATION = "/tmp/smtpclient-test-servers/servers.properties";

	private TestServerProperties() {
	}

	/**
	 * The properties, when they name the server a test needs.
	 * @param key a property the running server writes, such as {@code postgresql.url}
	 * @param server the server, for the skip or failure message
	 * @param start the command that starts it
	 * @return the properties
	 */
	public static Properties require(String key, String server, String start) {
		Path path = Path.of(Optional.ofNullable(System.getenv("SMTP_TEST_SERVERS")).orElse(DEFAULT_LOCATION));
		Properties properties = new Properties();
		if (Files.isRegularFile(path)) {
			try (Reader reader = Files.newBufferedReader(path)) {
				properties.load(reader);
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot read " + path, ex);
			}
		}
		if (properties.getProperty(key) == null) {
			String message = server + " is not running (no " + key + " in " + path + "); start it with '" + start + "'";
			if ("true".equalsIgnoreCase(System.getenv("SMTP_TEST_REQUIRE_SERVERS"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		return properties;
	}

}
