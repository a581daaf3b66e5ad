package dev.smtpclient.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.smtpclient.DsnOptions;
import dev.smtpclient.InvalidInputException;
import dev.smtpclient.SmtpPhase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each command forms its line in one place and refuses a parameter that could break it.
 */
class SmtpCommandTest {

	@Test
	void formsEachLine() {
		assertThat(new Ehlo("client.example.com").line()).isEqualTo("EHLO client.example.com");
		assertThat(new Helo("[192.0.2.1]").line()).isEqualTo("HELO [192.0.2.1]");
		assertThat(new Bdat(42, false).line()).isEqualTo("BDAT 42");
		assertThat(new Bdat(0, true).line()).isEqualTo("BDAT 0 LAST");
		assertThat(BareCommand.DATA.line()).isEqualTo("DATA");
		assertThat(BareCommand.ABANDON_DATA.line()).isEqualTo(".");
		assertThat(new MailFrom("a@example.com", OptionalLong.of(10), true, false, null).line())
			.isEqualTo("MAIL FROM:<a@example.com> SIZE=10 BODY=8BITMIME");
		assertThat(new RcptTo("b@example.com", null).line()).isEqualTo("RCPT TO:<b@example.com>");
	}

	@Test
	void namesTheVerbAndPhaseOfEachCommand() {
		assertThat(new Bdat(1, true).verb()).isEqualTo("BDAT");
		assertThat(new Bdat(1, true).phase()).isEqualTo(SmtpPhase.MESSAGE);
		assertThat(BareCommand.ABANDON_DATA.verb()).isEqualTo("DATA");
		for (BareCommand command : EnumSet.complementOf(EnumSet.of(BareCommand.ABANDON_DATA))) {
			assertThat(command.phase().name()).isEqualTo(command.verb());
		}
	}

	@Test
	void refusesALineBreakInAnyParameter() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new Ehlo("a.example\r\nRSET"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new Helo("a.example\nRSET"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> new MailFrom("a@example.com>\r\nRSET", OptionalLong.empty(), false, false, null));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> new RcptTo("b@example.com\u0000", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Auth("PLAIN\r\nRSET", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Auth("PLAIN", "AAAA\r\nRSET"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Bdat(-1, false));
	}

	@Test
	void dsnParametersCannotCarryAnotherParameter() {
		DsnOptions dsn = new DsnOptions(null, "id 1+= NOTIFY=NEVER", EnumSet.noneOf(DsnOptions.Notify.class));
		String line = new MailFrom("a@example.com", OptionalLong.empty(), false, false, dsn).line();
		assertThat(line).isEqualTo("MAIL FROM:<a@example.com> ENVID=id+201+2B+3D+20NOTIFY+3DNEVER");
	}

	@Test
	void neverLogsCredentials() {
		Auth auth = Auth.of("PLAIN", "\0user\0secret".getBytes(StandardCharsets.UTF_8));
		assertThat(auth.line()).startsWith("AUTH PLAIN ").doesNotContain("<");
		assertThat(auth.loggedLine()).isEqualTo("AUTH PLAIN <credentials hidden>");
		assertThat(auth.toString()).doesNotContain(auth.initialResponse());
		AuthResponse response = new AuthResponse("secret".getBytes(StandardCharsets.UTF_8));
		assertThat(response.loggedLine()).isEqualTo(SmtpCommand.HIDDEN);
		assertThat(response.toString()).doesNotContain(response.line());
	}

	@Test
	void putsAnInitialResponseOnTheAuthLineOnlyWhenItFits() {
		assertThat(Auth.of("PLAIN", new byte[0]).line()).isEqualTo("AUTH PLAIN =");
		assertThat(Auth.of("LOGIN", null).line()).isEqualTo("AUTH LOGIN");
		Auth tooLong = Auth.of("XOAUTH2", new byte[12288]);
		assertThat(tooLong.initialResponse()).isNull();
		assertThat(tooLong.line()).isEqualTo("AUTH XOAUTH2");
	}

}
