package dev.smtpclient;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCapabilitiesTest {

	@Test
	void parsesKeywordsExactlyAndWithoutCase() {
		ServerCapabilities capabilities = ServerCapabilities.parse(new SmtpReply(250,
				List.of("mx.example Hello, STARTTLS and PIPELINING mentioned in passing", "pipelining", "Size 10240000",
						"8BITMIME", "auth PLAIN login cram-md5", "ENHANCEDSTATUSCODES", "SMTPUTF8", "DSN", "CHUNKING",
						"")));
		assertThat(capabilities.startTls()).isFalse();
		assertThat(capabilities.pipelining()).isTrue();
		assertThat(capabilities.maxSize()).hasValue(10240000);
		assertThat(capabilities.eightBitMime()).isTrue();
		assertThat(capabilities.authMechanisms()).containsExactly("PLAIN", "LOGIN", "CRAM-MD5");
		assertThat(capabilities.enhancedStatusCodes()).isTrue();
		assertThat(capabilities.smtpUtf8()).isTrue();
		assertThat(capabilities.dsn()).isTrue();
		assertThat(capabilities.chunking()).isTrue();
	}

	@Test
	void aKeywordInsideAnotherIsNotThatKeyword() {
		ServerCapabilities capabilities = ServerCapabilities
			.parse(new SmtpReply(250, List.of("mx", "XSTARTTLS", "STARTTLSX", "X-PIPELINING")));
		assertThat(capabilities.startTls()).isFalse();
		assertThat(capabilities.pipelining()).isFalse();
	}

	@Test
	void sizeWithoutALimitOrZeroMeansNoLimit() {
		assertThat(ServerCapabilities.parse(new SmtpReply(250, List.of("mx", "SIZE"))).maxSize()).isEmpty();
		assertThat(ServerCapabilities.parse(new SmtpReply(250, List.of("mx", "SIZE 0"))).maxSize()).isEmpty();
	}

	@Test
	void oldAuthEqualsSpellingIsMerged() {
		ServerCapabilities capabilities = ServerCapabilities
			.parse(new SmtpReply(250, List.of("mx", "AUTH=LOGIN", "AUTH PLAIN LOGIN")));
		assertThat(capabilities.authMechanisms()).containsExactlyInAnyOrder("LOGIN", "PLAIN");
	}

	@Test
	void heloOnlyServersOfferNothing() {
		assertThat(ServerCapabilities.none().isExtended()).isFalse();
		assertThat(ServerCapabilities.none().keywords()).isEmpty();
	}

}
