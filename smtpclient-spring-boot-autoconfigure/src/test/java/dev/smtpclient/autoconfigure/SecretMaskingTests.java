package dev.smtpclient.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskingTests {

	@Test
	void masksThePasswordOfAUrlEvenWhenItCannotBeParsed() {
		assertThat(SecretMasking.maskUrl("smtp://user:pa@ss@host:x")).isEqualTo("smtp://user:****@host:x");
		assertThat(SecretMasking.maskUrl("smtp://host:25")).isEqualTo("smtp://host:25");
		assertThat(SecretMasking.maskUrl("smtp://user@host:25")).isEqualTo("smtp://user@host:25");
		assertThat(SecretMasking.maskUrl(null)).isNull();
	}

	@Test
	void masksThePasswordInText() {
		assertThat(SecretMasking.mask("bad: pw1 here", "smtp://u:pw1@h")).isEqualTo("bad: **** here");
		assertThat(SecretMasking.mask("nothing", "smtp://h")).isEqualTo("nothing");
	}

}
