package dev.smtpclient.autoconfigure;

import java.io.IOException;

import dev.smtpclient.test.ApiSignature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API of smtpclient-spring-boot-autoconfigure matches
 * {@code api/smtpclient-spring-boot-autoconfigure.txt}.
 */
class PublicApiTests {

	private static final String[] PACKAGES = { "dev.smtpclient.autoconfigure", "dev.smtpclient.autoconfigure.health",
			"dev.smtpclient.autoconfigure.mail", "dev.smtpclient.autoconfigure.metrics",
			"dev.smtpclient.autoconfigure.observation", "dev.smtpclient.autoconfigure.outbox",
			"dev.smtpclient.autoconfigure.ratelimit", "dev.smtpclient.autoconfigure.service",
			"dev.smtpclient.autoconfigure.testcontainers" };

	@Test
	void publicApiMatchesTheCommittedSignature() throws IOException {
		ApiSignature.assertUnchanged("smtpclient-spring-boot-autoconfigure", SmtpClientAutoConfiguration.class,
				PACKAGES);
	}

	@Test
	void signatureCoversEveryPackageWithAPublicType() throws IOException {
		assertThat(PACKAGES).containsAll(ApiSignature.packagesWithPublicTypes(SmtpClientAutoConfiguration.class));
	}

}
