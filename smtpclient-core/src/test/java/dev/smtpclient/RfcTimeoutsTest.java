package dev.smtpclient;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.smtpclient.test.ScriptedSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reply timeouts per phase, by default the minimums of RFC 5321 4.5.3.2: a client that
 * gives up sooner can abandon a message that a slow server would have taken.
 */
class RfcTimeoutsTest {

	private final ScriptedSmtpServer server = new ScriptedSmtpServer();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void defaultsAreTheRfc5321Minimums() {
		ConnectionSettings settings = ConnectionSettings.builder().host("mx.example").port(25).build();
		assertThat(settings.replyTimeout(SmtpPhase.GREETING)).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.replyTimeout(SmtpPhase.MAIL)).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.replyTimeout(SmtpPhase.RCPT)).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.replyTimeout(SmtpPhase.DATA)).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.writeTimeout()).isEqualTo(Duration.ofMinutes(3));
		assertThat(settings.dataTimeout()).isEqualTo(Duration.ofMinutes(10));
		assertThat(settings.replyTimeout(SmtpPhase.MESSAGE)).isEqualTo(Duration.ofMinutes(10));
		// no RFC minimum: short
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
		assertThat(settings.tlsHandshakeTimeout()).isEqualTo(Duration.ofSeconds(15));
		assertThat(settings.replyTimeout(SmtpPhase.EHLO)).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.replyTimeout(SmtpPhase.RSET)).isEqualTo(settings.commandTimeout());
		// a copy keeps them
		assertThat(settings.toBuilder().build().replyTimeout(SmtpPhase.DATA)).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void commandTimeoutBoundsEveryCommandUnlessAPhaseIsSetAfterIt() {
		ConnectionSettings all = ConnectionSettings.builder()
			.host("mx.example")
			.port(25)
			.commandTimeout(Duration.ofSeconds(7))
			.build();
		for (SmtpPhase phase : new SmtpPhase[] { SmtpPhase.GREETING, SmtpPhase.EHLO, SmtpPhase.MAIL, SmtpPhase.RCPT,
				SmtpPhase.DATA, SmtpPhase.AUTH }) {
			assertThat(all.replyTimeout(phase)).as(phase.name()).isEqualTo(Duration.ofSeconds(7));
		}
		assertThat(all.dataTimeout()).isEqualTo(Duration.ofMinutes(10));
		ConnectionSettings mixed = all.toBuilder().rcptTimeout(Duration.ofSeconds(9)).build();
		assertThat(mixed.replyTimeout(SmtpPhase.RCPT)).isEqualTo(Duration.ofSeconds(9));
		assertThat(mixed.replyTimeout(SmtpPhase.MAIL)).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void aSlowMailReplyWithinTheMailTimeoutIsWaitedForWhileOtherCommandsStayShort() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("8BITMIME")
			.expect("MAIL FROM")
			.pause(Duration.ofMillis(1500))
			.reply("250 ok")
			.expect("RCPT TO")
			.pause(Duration.ofMillis(1500))
			.reply("250 ok")
			.expect("DATA")
			.pause(Duration.ofMillis(1500))
			.reply("354 go ahead")
			.readData()
			.reply("250 queued")
			.expect("NOOP")
			.pause(Duration.ofMillis(1500))
			.reply("250 ok")
			.start();
		ConnectionSettings settings = ConnectionSettings.builder()
			.host(this.server.host())
			.port(this.server.port())
			.tlsPolicy(TlsPolicy.NONE)
			.heloName("client.test")
			.commandTimeout(Duration.ofMillis(500))
			.greetingTimeout(Duration.ofSeconds(5))
			.mailTimeout(Duration.ofSeconds(5))
			.rcptTimeout(Duration.ofSeconds(5))
			.dataInitiationTimeout(Duration.ofSeconds(5))
			.build();
		SmtpConnection connection = SmtpConnection.open(settings);
		SendResult result = connection.send(Envelope.of("a@example.com", "b@example.com"),
				MessageContent.ofString("Subject: slow\r\n\r\nbody\r\n"));
		assertThat(result.finalReply().code()).isEqualTo(250);
		assertThatExceptionOfType(SmtpTimeoutException.class).isThrownBy(connection::noop)
			.satisfies((ex) -> assertThat(ex.phase()).isEqualTo(SmtpPhase.NOOP));
		connection.abort();
		this.server.await();
	}

}
