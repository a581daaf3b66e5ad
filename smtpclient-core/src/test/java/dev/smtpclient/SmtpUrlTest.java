package dev.smtpclient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SmtpUrlTest {

	@ParameterizedTest
	@CsvSource({ "smtp, 25, OPPORTUNISTIC", "smtps, 465, IMPLICIT", "smtptls, 25, REQUIRED",
			"esmtp, 587, OPPORTUNISTIC", "esmtptls, 587, REQUIRED", "esmtps, 465, IMPLICIT", "SMTPS, 465, IMPLICIT" })
	void schemesHaveTheSeedsPortsAndTlsPolicies(String scheme, int port, TlsPolicy policy) {
		SmtpUrl url = SmtpUrl.parse(scheme + "://mail.example.com");
		assertThat(url.host()).isEqualTo("mail.example.com");
		assertThat(url.port()).isEqualTo(port);
		assertThat(url.tlsPolicy()).isEqualTo(policy);
		assertThat(url.username()).isEmpty();
		assertThat(url.password()).isEmpty();
	}

	@Test
	void explicitPortWins() {
		assertThat(SmtpUrl.parse("esmtps://mail.example.com:2465").port()).isEqualTo(2465);
	}

	@Test
	void credentialsArePercentDecoded() {
		SmtpUrl url = SmtpUrl.parse("esmtptls://me%40example.com:p%3Ass%40w%2Frd@smtp.example.com");
		assertThat(url.username()).contains("me@example.com");
		assertThat(url.password()).contains("p:ss@w/rd");
		assertThat(url.port()).isEqualTo(587);
	}

	@Test
	void passwordMayHoldColonsAndTheLastAtSeparatesTheHost() {
		SmtpUrl url = SmtpUrl.parse("smtp://user:a:b@c@host");
		assertThat(url.username()).contains("user");
		assertThat(url.password()).contains("a:b@c");
		assertThat(url.host()).isEqualTo("host");
	}

	@Test
	void nonAsciiCredentialsDecodeAsUtf8() {
		SmtpUrl url = SmtpUrl.parse("smtp://j%C3%BCrgen:%E2%82%AC@host");
		assertThat(url.username()).contains("jürgen");
		assertThat(url.password()).contains("€");
	}

	@Test
	void ipv6Literals() {
		SmtpUrl url = SmtpUrl.parse("smtps://[::1]:2465");
		assertThat(url.host()).isEqualTo("::1");
		assertThat(url.port()).isEqualTo(2465);
		assertThat(SmtpUrl.parse("smtp://[2001:db8::25]").port()).isEqualTo(25);
		assertThat(url.toString()).isEqualTo("smtps://[::1]:2465");
	}

	@Test
	void toStringMasksThePassword() {
		SmtpUrl url = SmtpUrl.parse("esmtptls://me%40example.com:s3cr3t@smtp.example.com");
		assertThat(url.toString()).isEqualTo("esmtptls://me%40example.com:****@smtp.example.com:587")
			.doesNotContain("s3cr3t");
	}

	@Test
	void unknownSchemeListsTheKnownOnes() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> SmtpUrl.parse("imap://host"))
			.withMessageContaining("unknown scheme 'imap'")
			.withMessageContaining("smtp, smtps, smtptls, esmtp, esmtptls, esmtps")
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("url.scheme"));
	}

	@Test
	void userWithoutPassword() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> SmtpUrl.parse("smtp://user@host"))
			.withMessageContaining("user but no password");
	}

	@Test
	void passwordWithoutUser() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> SmtpUrl.parse("smtp://:secret@host"))
			.withMessageContaining("password but no user")
			.withMessageNotContaining("secret");
	}

	@ParameterizedTest
	@ValueSource(strings = { "smtp://host\r\nRCPT TO:<x@y>", "smtp://us\ner:pw@host", "smtp://user:p\0w@host",
			"smtp://user:pw@ho\rst" })
	void controlCharactersAnywhereAreRefused(String url) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> SmtpUrl.parse(url))
			.withMessageContaining("control character");
	}

	@ParameterizedTest
	@ValueSource(strings = { "smtp://user%0D%0A:pw@host", "smtp://user:p%00w@host", "smtp://user:pw%0A@host" })
	void encodedControlCharactersAreRefusedAndThePasswordIsNotEchoed(String url) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> SmtpUrl.parse(url))
			.withMessageContaining("control")
			.withMessageNotContaining("pw");
	}

	@ParameterizedTest
	@ValueSource(strings = { "smtp://host:0", "smtp://host:65536", "smtp://host:25x", "smtp://host:", "smtp://",
			"smtp://::1", "smtp://[::1", "smtp://[nothex]:25", "smtp://host/path", "smtp://host?x=1", "host:25",
			"smtp://user:pw%zz@host", "smtp://ho st" })
	void malformedUrlsAreRefused(String url) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> SmtpUrl.parse(url));
	}

	@Test
	void malformedUrlErrorsNeverEchoThePassword() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> SmtpUrl.parse("smtp://user:hunter2@host:99999"))
			.withMessageNotContaining("hunter2");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> SmtpUrl.parse("smtp://user:hunter2@bad host"))
			.withMessageNotContaining("hunter2");
	}

	@Test
	void internationalHostNamesBecomePunycode() {
		assertThat(SmtpUrl.parse("smtp://mail.bücher.example").host()).isEqualTo("mail.xn--bcher-kva.example");
	}

	@Test
	void aTrailingSlashIsAllowed() {
		assertThat(SmtpUrl.parse("smtp://host:2525/").port()).isEqualTo(2525);
	}

}
