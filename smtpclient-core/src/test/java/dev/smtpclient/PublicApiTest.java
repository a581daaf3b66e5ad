package dev.smtpclient;

import java.io.IOException;

import dev.smtpclient.test.ApiSignature;
import org.junit.jupiter.api.Test;

/**
 * The public API of smtpclient-core matches {@code api/smtpclient-core.txt}; the protocol
 * and transport packages are internal and not listed.
 */
class PublicApiTest {

	@Test
	void publicApiMatchesTheCommittedSignature() throws IOException {
		ApiSignature.assertUnchanged("smtpclient-core", SmtpClient.class, "dev.smtpclient", "dev.smtpclient.message",
				"dev.smtpclient.dkim");
	}

}
