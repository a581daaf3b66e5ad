package dev.smtpclient;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One accessor for the server's reply, on the root of every failure.
 */
class SmtpExceptionReplyTest {

	private static final SmtpReply REFUSED = new SmtpReply(554, List.of("5.7.1 refused"));

	private static final SmtpReply TRY_LATER = new SmtpReply(454, List.of("4.7.0 try later"));

	@Test
	void failuresThatAReplyShowsCarryItOnTheRootType() {
		List<SmtpException> failures = List.of(new SmtpReplyException(SmtpPhase.MAIL, REFUSED),
				new SmtpAuthenticationException("credentials refused", REFUSED), new SmtpTlsException(REFUSED));
		assertThat(failures).allSatisfy((failure) -> assertThat(failure.reply()).contains(REFUSED));
	}

	@Test
	void failuresWithoutAReplyHaveNone() {
		List<SmtpException> failures = List.of(new SmtpException(SmtpPhase.CONNECT, "no route"),
				new SmtpConnectionException(SmtpPhase.CONNECT, "refused", null),
				new SmtpTimeoutException(SmtpPhase.DATA, "reply", Duration.ofSeconds(1), null),
				new SmtpAuthenticationException("no common mechanism"),
				new SmtpTlsException(SmtpPhase.TLS_HANDSHAKE, "handshake failed"),
				new OutcomeUnknownException("no reply to the final dot", null));
		assertThat(failures).allSatisfy((failure) -> assertThat(failure.reply()).isEmpty());
	}

	@Test
	void transienceStillFollowsTheReply() {
		assertThat(new SmtpTlsException(TRY_LATER).isTransient()).isTrue();
		assertThat(new SmtpTlsException(REFUSED).isTransient()).isFalse();
		assertThat(new SmtpAuthenticationException("refused", TRY_LATER).isTransient()).isTrue();
		assertThat(new SmtpAuthenticationException("no common mechanism").isTransient()).isFalse();
	}

}
