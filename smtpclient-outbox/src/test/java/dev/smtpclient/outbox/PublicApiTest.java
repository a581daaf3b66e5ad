package dev.smtpclient.outbox;

import java.io.IOException;

import dev.smtpclient.test.ApiSignature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API of smtpclient-outbox matches {@code api/smtpclient-outbox.txt}.
 */
class PublicApiTest {

	@Test
	void publicApiMatchesTheCommittedSignature() throws IOException {
		ApiSignature.assertUnchanged("smtpclient-outbox", SmtpOutbox.class, "dev.smtpclient.outbox");
	}

	@Test
	void signatureCoversEveryPackageWithAPublicType() throws IOException {
		assertThat(ApiSignature.packagesWithPublicTypes(SmtpOutbox.class)).containsOnly("dev.smtpclient.outbox");
	}

}
