package dev.smtpclient.autoconfigure;

import java.io.IOException;

import dev.smtpclient.test.ApiSignature;
import org.junit.jupiter.api.Test;

/**
 * The public API of smtpclient-spring-boot-autoconfigure matches
 * {@code api/smtpclient-spring-boot-autoconfigure.txt}.
 */
class PublicApiTests {

	@Test
	void publicApiMatchesTheCommittedSignature() throws IOException {
		ApiSignature.assertUnchanged("smtpclient-spring-boot-autoconfigure", SmtpClientAutoConfiguration.class,
				"dev.smtpclient.autoconfigure", "dev.smtpclient.autoconfigure.health",
				"dev.smtpclient.autoconfigure.mail", "dev.smtpclient.autoconfigure.metrics",
				"dev.smtpclient.autoconfigure.observation", "dev.smtpclient.autoconfigure.testcontainers");
	}

}
