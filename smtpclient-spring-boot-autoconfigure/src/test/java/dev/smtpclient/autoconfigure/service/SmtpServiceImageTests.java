package dev.smtpclient.autoconfigure.service;

import org.junit.jupiter.api.Test;

import dev.smtpclient.TlsPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpServiceImageTests {

	@Test
	void knownImagesWhateverTheirRegistryTagOrDigest() {
		assertThat(SmtpServiceImage.of("axllent/mailpit")).contains(SmtpServiceImage.MAILPIT);
		assertThat(SmtpServiceImage.of("axllent/mailpit:v1.21.8")).contains(SmtpServiceImage.MAILPIT);
		assertThat(SmtpServiceImage.of("docker.io/axllent/mailpit:latest")).contains(SmtpServiceImage.MAILPIT);
		assertThat(SmtpServiceImage.of("registry.example:5000/mirror/axllent/mailpit@sha256:0123abcd"))
			.contains(SmtpServiceImage.MAILPIT);
		assertThat(SmtpServiceImage.of("greenmail/standalone:2.1.3")).contains(SmtpServiceImage.GREENMAIL);
		assertThat(SmtpServiceImage.of("MailHog/MailHog")).contains(SmtpServiceImage.MAILHOG);
	}

	@Test
	void otherImagesAreUnknown() {
		assertThat(SmtpServiceImage.of("redis:7")).isEmpty();
		assertThat(SmtpServiceImage.of("someone/mailpit-fork")).isEmpty();
		assertThat(SmtpServiceImage.of("notaxllent/mailpit")).isEmpty();
		assertThat(SmtpServiceImage.of("")).isEmpty();
		assertThat(SmtpServiceImage.of(null)).isEmpty();
	}

	@Test
	void eachImagesSmtpPort() {
		assertThat(SmtpServiceImage.MAILPIT.smtpPort()).isEqualTo(1025);
		assertThat(SmtpServiceImage.GREENMAIL.smtpPort()).isEqualTo(3025);
		assertThat(SmtpServiceImage.MAILHOG.smtpPort()).isEqualTo(1025);
		assertThat(SmtpServiceImage.NAMES).containsExactly("axllent/mailpit", "greenmail/standalone",
				"mailhog/mailhog");
	}

	@Test
	void urlOfAPublishedPort() {
		assertThat(SmtpServiceImage.url("localhost", 32768, false)).hasToString("smtp://localhost:32768");
		assertThat(SmtpServiceImage.url("localhost", 32768, false).tlsPolicy()).isEqualTo(TlsPolicy.OPPORTUNISTIC);
		assertThat(SmtpServiceImage.url("localhost", 32768, true).tlsPolicy()).isEqualTo(TlsPolicy.REQUIRED);
		assertThat(SmtpServiceImage.url("::1", 1025, false)).hasToString("smtp://[::1]:1025");
	}

}
