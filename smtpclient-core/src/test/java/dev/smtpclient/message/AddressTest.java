package dev.smtpclient.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.smtpclient.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AddressTest {

	@Test
	void parsesTheForms() {
		assertThat(Address.parse("The Sender <sender@email.com>").toString())
			.isEqualTo("The Sender <sender@email.com>");
		assertThat(Address.parse("\"Doe, John\" <john@example.com>").displayName()).hasValue("Doe, John");
		assertThat(Address.parse("John (the man) Doe <john@example.com> (work)").displayName()).hasValue("John Doe");
		assertThat(Address.parse("\"john doe\"@example.com").address()).isEqualTo("\"john doe\"@example.com");
		assertThat(Address.parse("John Q. Public <jqp@example.com>").displayName()).hasValue("John Q. Public");
		assertThat(Address.parse("j\u00f6rg@m\u00fcller.example").isInternational()).isTrue();
		assertThat(Address.parse("user@[192.0.2.1]").domain()).isEqualTo("[192.0.2.1]");
		assertThat(Address.parseList("a@example.com, B <b@example.com>,,c@example.com")).hasSize(3);
		assertThat(Address.parse("a@EXAMPLE.com")).isEqualTo(Address.parse("a@example.com"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "plain", "a@", "@b.example", "a b@example.com", "a..b@example.com", ".a@example.com",
			"<a@example.com", "a@example.com>", "Name <a@example.com", "group: a@example.com;", "a@b@example.com",
			"a@exa mple.com", "\"unterminated@example.com", "a@example.com, (unterminated", "a@.example.com" })
	void refusesMalformedAddresses(String text) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Address.parse(text));
	}

	@Test
	void limitsLength() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Address.parse("a".repeat(65) + "@example.com"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Address.parse("a@" + "b".repeat(260) + ".com"));
	}

}
