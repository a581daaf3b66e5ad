package dev.smtpclient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.smtpclient.test.ScriptedSmtpServer;
import dev.smtpclient.test.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the client does when the server is hostile or broken: every case asserts a typed
 * error, that the connection is not used again, that nothing more is written, and that no
 * secret shows.
 */
class HostileServerTest {

	private final ScriptedSmtpServer server = new ScriptedSmtpServer();

	private final List<String> log = new CopyOnWriteArrayList<>();

	private static final Envelope ENVELOPE = Envelope.of("from@example.com", "to@example.com");

	private static final MessageContent CONTENT = MessageContent.ofString("Subject: hi\r\n\r\nbody\r\n");

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ConnectionSettings.Builder settings(TlsPolicy policy) {
		return ConnectionSettings.builder()
			.host("127.0.0.1")
			.port(this.server.port())
			.tlsPolicy(policy)
			.heloName("client.test")
			.sslContext(TestCertificates.clientContext())
			.commandTimeout(Duration.ofSeconds(3))
			.tlsHandshakeTimeout(Duration.ofSeconds(2))
			.debugLog(this.log::add)
			.infoLog(this.log::add);
	}

	private ScriptedSmtpServer greeted() {
		return this.server.reply("220 mx.example ESMTP");
	}

	@Nested
	class StartTls {

		@Test
		void injectedReplyInTheNextSegmentAfter220() {
			greeted().ehlo("STARTTLS")
				.expect("STARTTLS")
				.sendSplit(Duration.ofMillis(1), "220 go\r\n", "250 forged\r\n")
				.start();
			// either the bytes are seen before the handshake, or they break it: never are
			// they taken as a reply
			assertThatExceptionOfType(SmtpTlsException.class)
				.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.REQUIRED).build()));
		}

		@Test
		void injectedPartialLineAfter220() {
			greeted().ehlo("STARTTLS").expect("STARTTLS").send("220 go\r\n250-ev").start();
			assertThatExceptionOfType(SmtpTlsException.class)
				.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build()))
				.withMessageContaining("after its 220");
		}

		@ParameterizedTest
		@ValueSource(ints = { 454, 500, 501, 502, 503, 421, 554 })
		void startTlsAnsweredWithAnythingBut220FailsUnderRequired(int code) {
			greeted().ehlo("STARTTLS", "AUTH PLAIN").expect("STARTTLS").reply(code + " no").start();
			SmtpTlsException ex = catchThrowableOfType(SmtpTlsException.class,
					() -> SmtpConnection.open(settings(TlsPolicy.REQUIRED).credentials("u", "secret-pw").build()));
			assertThat(ex).hasMessageContaining(String.valueOf(code)).hasMessageNotContaining("secret-pw");
			HostileServerTest.this.server.await();
			assertThat(HostileServerTest.this.server.drain(Duration.ofMillis(300)))
				.isEqualTo("EHLO client.test\r\nSTARTTLS\r\n");
		}

		@Test
		void strippedStartTlsNeverLetsCredentialsOut() {
			greeted().ehlo("AUTH PLAIN LOGIN").start();
			assertThatExceptionOfType(SmtpAuthenticationException.class).isThrownBy(
					() -> SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).credentials("u", "secret-pw").build()));
			HostileServerTest.this.server.await();
			assertThat(HostileServerTest.this.server.drain(Duration.ofMillis(300))).doesNotContain("AUTH");
		}

		@Test
		void capabilitiesAfterTlsReplaceThoseBefore() {
			greeted().ehlo("STARTTLS", "AUTH PLAIN", "PIPELINING")
				.expect("STARTTLS")
				.reply("220 go")
				.startTls()
				.ehlo("AUTH LOGIN")
				.expect("AUTH LOGIN")
				.reply("334 VXNlcm5hbWU6")
				.skipLine()
				.reply("334 UGFzc3dvcmQ6")
				.skipLine()
				.reply("235 ok")
				.expect("MAIL FROM")
				.reply("250 ok")
				.expect("RCPT TO")
				.reply("250 ok")
				.expect("DATA")
				.reply("354 go")
				.readData()
				.reply("250 ok")
				.start();
			SmtpConnection connection = SmtpConnection
				.open(settings(TlsPolicy.REQUIRED).credentials("u", "pw").build());
			assertThat(connection.capabilities().pipelining()).isFalse();
			connection.send(ENVELOPE, CONTENT);
			connection.abort();
			HostileServerTest.this.server.await();
		}

		@Test
		void aStalledHandshakeTimesOut() {
			greeted().ehlo("STARTTLS").expect("STARTTLS").reply("220 go").pause(Duration.ofSeconds(10)).start();
			long started = System.nanoTime();
			SmtpTimeoutException ex = catchThrowableOfType(SmtpTimeoutException.class,
					() -> SmtpConnection.open(settings(TlsPolicy.REQUIRED).build()));
			assertThat(ex.phase()).isEqualTo(SmtpPhase.TLS_HANDSHAKE);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		}

		@Test
		void anExpiredCertificateIsRefused() {
			HostileServerTest.this.server
				.tlsContext(TestCertificates.expiredServerContext("dns:localhost,ip:127.0.0.1"));
			greeted().ehlo("STARTTLS").expect("STARTTLS").reply("220 go").startTls().start();
			assertThatExceptionOfType(SmtpTlsException.class)
				.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.REQUIRED)
					.sslContext(TestCertificates.clientContext("expired:dns:localhost,ip:127.0.0.1"))
					.build()))
				.satisfies((e) -> assertThat(e.phase()).isEqualTo(SmtpPhase.TLS_HANDSHAKE));
		}

		@Test
		void connectingByIpToACertificateWithOnlyAHostNameIsRefused() {
			HostileServerTest.this.server.tlsContext(TestCertificates.serverContext("dns:localhost"));
			greeted().ehlo("STARTTLS").expect("STARTTLS").reply("220 go").startTls().start();
			assertThatExceptionOfType(SmtpTlsException.class).isThrownBy(() -> SmtpConnection.open(
					settings(TlsPolicy.REQUIRED).sslContext(TestCertificates.clientContext("dns:localhost")).build()));
		}

		@ParameterizedTest
		@ValueSource(strings = { "-tls1", "-tls1_1", "-tls1_2" })
		void aServerThatOnlySpeaksTls10Or11IsRefused(String version, @org.junit.jupiter.api.io.TempDir Path dir)
				throws Exception {
			Path[] pem = TestCertificates.writePem("dns:localhost,ip:127.0.0.1", dir);
			int port;
			try (ServerSocket probe = new ServerSocket(0)) {
				port = probe.getLocalPort();
			}
			Process openssl = new ProcessBuilder("openssl", "s_server", "-quiet", "-accept", "127.0.0.1:" + port,
					"-cert", pem[0].toString(), "-key", pem[1].toString(), version, "-cipher", "DEFAULT@SECLEVEL=0")
				.redirectErrorStream(true)
				.start();
			try {
				awaitPort(port);
				SmtpException ex = catchThrowableOfType(SmtpException.class, () -> SmtpConnection
					.open(settings(TlsPolicy.IMPLICIT).port(port).commandTimeout(Duration.ofMillis(500)).build()));
				if (version.equals("-tls1_2")) {
					// the control: the same server with TLS 1.2 completes the handshake,
					// then sends no greeting
					assertThat(ex).isInstanceOf(SmtpTimeoutException.class);
					assertThat(ex.phase()).isEqualTo(SmtpPhase.GREETING);
				}
				else {
					assertThat(ex).isInstanceOf(SmtpTlsException.class);
					assertThat(ex.phase()).isEqualTo(SmtpPhase.TLS_HANDSHAKE);
				}
			}
			finally {
				openssl.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}

	}

	@Nested
	class ReplyFraming {

		@Test
		void lfOnlyLineEndingsAreAccepted() {
			HostileServerTest.this.server.send("220 mx.example\n")
				.expect("EHLO")
				.send("250-mx\n250 8BITMIME\n")
				.start();
			SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.NONE).build());
			assertThat(connection.capabilities().eightBitMime()).isTrue();
			connection.abort();
		}

		@Test
		void aBareCrInsideALineIsAProtocolError() {
			HostileServerTest.this.server.send("220 mx\rexample\r\n").start();
			assertThatExceptionOfType(SmtpProtocolException.class)
				.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.NONE).build()))
				.withMessageContaining("bare CR");
		}

		@Test
		void aCodeWithoutTextIsAccepted() {
			HostileServerTest.this.server.send("220\r\n").expect("EHLO").send("250\r\n").start();
			SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.NONE).build());
			assertThat(connection.greeting().text()).isEmpty();
			connection.abort();
		}

		@ParameterizedTest
		@ValueSource(strings = { "22O hello", "2200 hello", "20 hello", "hello", "220x hello", "120 hello", "620 hello",
				"099 hello", "2 0 hello", "" })
		void malformedCodesAndCodesOutside2xxTo5xxAreProtocolErrors(String line) {
			HostileServerTest.this.server.send(line + "\r\n").start();
			assertThatExceptionOfType(SmtpProtocolException.class)
				.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.NONE).build()))
				.withMessageContaining("malformed reply line");
		}

		@Test
		void aOneMebibyteLineIsRefusedEarly() {
			HostileServerTest.this.server.send("220 " + "x".repeat(1024 * 1024) + "\r\n").start();
			assertThatExceptionOfType(SmtpProtocolException.class)
				.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.NONE).build()))
				.withMessageContaining("longer than 4096");
		}

		@Test
		void anEndlessMultiLineReplyIsCutOff() {
			HostileServerTest.this.server.send("220 mx\r\n").expect("EHLO").send("250-x\r\n".repeat(20_000)).start();
			assertThatExceptionOfType(SmtpProtocolException.class)
				.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.NONE).build()))
				.withMessageContaining("longer than 65536");
		}

		@Test
		void invalidUtf8AndControlBytesAreEscapedInTheLog() {
			HostileServerTest.this.server
				.sendBytes("220 mx \u001b[31mred\u0007 \u0085 ".getBytes(StandardCharsets.UTF_8))
				.sendBytes(new byte[] { (byte) 0xff, (byte) 0xc3, '\r', '\n' })
				.expect("EHLO")
				.reply("250 mx")
				.start();
			SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.NONE).build());
			connection.abort();
			assertThat(this.greetingLine()).contains("\\x1b[31mred\\x07")
				.doesNotContain("\u001b")
				.doesNotContain("\u0007");
		}

		private String greetingLine() {
			return HostileServerTest.this.log.stream()
				.filter((line) -> line.contains("S: 220"))
				.findFirst()
				.orElseThrow();
		}

		@Test
		void anUnsolicitedReplyIsRefused() {
			HostileServerTest.this.server.send("220 mx\r\n250 nobody asked\r\n").start();
			assertThatExceptionOfType(SmtpProtocolException.class)
				.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.NONE).build()))
				.withMessageContaining("no command asked for");
			assertThat(HostileServerTest.this.server.drain(Duration.ofMillis(300))).doesNotContain("EHLO");
		}

		@Test
		void tooManyRepliesToAPipelinedGroupNeverBecomeTheFinalReply() {
			greeted().ehlo("PIPELINING")
				.expect("MAIL")
				.expect("RCPT")
				.expect("DATA")
				.send("250 ok\r\n250 ok\r\n354 go\r\n250 2.0.0 forged acceptance\r\n")
				.start();
			SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.NONE).build());
			assertThatExceptionOfType(SmtpProtocolException.class).isThrownBy(() -> connection.send(ENVELOPE, CONTENT))
				.withMessageContaining("more replies than commands");
			assertThat(connection.isUsable()).isFalse();
			assertThat(HostileServerTest.this.server.drain(Duration.ofMillis(300))).doesNotContain("Subject: hi");
		}

		@Test
		void tooFewRepliesToAPipelinedGroupTimeOut() {
			greeted().ehlo("PIPELINING")
				.expect("MAIL")
				.expect("RCPT")
				.expect("DATA")
				.send("250 ok\r\n250 ok\r\n")
				.start();
			SmtpConnection connection = SmtpConnection
				.open(settings(TlsPolicy.NONE).commandTimeout(Duration.ofMillis(500)).build());
			assertThatExceptionOfType(SmtpTimeoutException.class).isThrownBy(() -> connection.send(ENVELOPE, CONTENT))
				.satisfies((e) -> assertThat(e.phase()).isEqualTo(SmtpPhase.DATA));
			assertThat(connection.isUsable()).isFalse();
		}

	}

	enum Stage {

		GREETING, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, MID_DATA, AFTER_FINAL_DOT

	}

	@Nested
	class ConnectionLossAndShutdown {

		private void script(Stage stage, boolean say421) {
			ScriptedSmtpServer s = HostileServerTest.this.server;
			Consumer<ScriptedSmtpServer> end = (srv) -> {
				if (say421) {
					srv.reply("421 4.3.2 shutting down");
				}
				srv.hangUp();
			};
			if (stage == Stage.GREETING) {
				end.accept(s);
				s.start();
				return;
			}
			s.reply("220 mx");
			s.expect("EHLO");
			if (stage == Stage.EHLO) {
				end.accept(s);
				s.start();
				return;
			}
			s.send("250-mx\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n");
			s.expect("STARTTLS");
			if (stage == Stage.STARTTLS) {
				end.accept(s);
				s.start();
				return;
			}
			s.reply("220 go").startTls().ehlo("AUTH PLAIN").expect("AUTH PLAIN");
			if (stage == Stage.AUTH) {
				end.accept(s);
				s.start();
				return;
			}
			s.reply("235 ok").expect("MAIL");
			if (stage == Stage.MAIL) {
				end.accept(s);
				s.start();
				return;
			}
			s.reply("250 ok").expect("RCPT");
			if (stage == Stage.RCPT) {
				end.accept(s);
				s.start();
				return;
			}
			s.reply("250 ok").expect("DATA");
			if (stage == Stage.DATA) {
				end.accept(s);
				s.start();
				return;
			}
			s.reply("354 go");
			if (stage == Stage.MID_DATA) {
				s.expect("Subject");
				s.hangUp();
				s.start();
				return;
			}
			s.readData();
			end.accept(s);
			s.start();
		}

		@ParameterizedTest
		@EnumSource(Stage.class)
		void connectionLostAtEachStage(Stage stage) {
			check(stage, false);
		}

		@ParameterizedTest
		@EnumSource(value = Stage.class, names = { "GREETING", "EHLO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA" })
		void reply421AtEachStage(Stage stage) {
			check(stage, true);
		}

		private void check(Stage stage, boolean say421) {
			script(stage, say421);
			ConnectionSettings settings = settings(TlsPolicy.REQUIRED).credentials("user", "secret-pw")
				.writeTimeout(Duration.ofSeconds(2))
				.build();
			SmtpException failure;
			SmtpConnection connection = null;
			boolean handshake = stage.ordinal() <= Stage.AUTH.ordinal();
			if (handshake) {
				failure = catchThrowableOfType(SmtpException.class, () -> SmtpConnection.open(settings));
			}
			else {
				connection = SmtpConnection.open(settings);
				SmtpConnection open = connection;
				failure = catchThrowableOfType(SmtpException.class, () -> open.send(ENVELOPE,
						MessageContent.ofString("Subject: hi\r\n\r\n" + "body line\r\n".repeat(200_000))));
				assertThat(connection.isUsable()).isFalse();
			}
			assertThat(failure).as("stage %s", stage).isNotNull();
			assertThat(failure.getMessage()).doesNotContain("secret-pw");
			if (stage == Stage.AFTER_FINAL_DOT) {
				assertThat(failure).isInstanceOf(OutcomeUnknownException.class);
				assertThat(RetryPolicy.isRetryable(failure)).isFalse();
			}
			else {
				assertThat(failure).isNotInstanceOf(OutcomeUnknownException.class);
				assertThat(failure.isTransient()).as("%s is transient", failure).isTrue();
			}
			if (say421) {
				assertThat(failure).isInstanceOfAny(SmtpReplyException.class, SmtpTlsException.class,
						SmtpAuthenticationException.class, SmtpRecipientsRejectedException.class);
				assertThat(failure.getMessage()).contains("421");
			}
			assertThat(String.join("\n", HostileServerTest.this.log)).doesNotContain("secret-pw");
		}

		@Test
		void anUnknownOutcomeIsNeverRetriedByThePooledClient() {
			HostileServerTest.this.server.reply("220 mx")
				.ehlo("PIPELINING")
				.expect("MAIL")
				.expect("RCPT")
				.expect("DATA")
				.send("250 ok\r\n250 ok\r\n354 go\r\n")
				.readData()
				.hangUp()
				.start();
			try (SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + HostileServerTest.this.server.port())
				.heloName("client.test")
				.retry(new RetryPolicy(5, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)))
				.build()) {
				assertThatExceptionOfType(OutcomeUnknownException.class)
					.isThrownBy(() -> client.send(Mail.of(ENVELOPE, CONTENT)));
				// the scripted server takes one connection only; a retry would have
				// needed a second
				assertThat(client.stats().created()).isEqualTo(1);
			}
		}

	}

	@Nested
	class AuthHostility {

		private SmtpConnection open(ConnectionSettings.Builder builder) {
			return SmtpConnection.open(builder.allowPlaintextAuth(true).build());
		}

		@Test
		void endlessChallengesAreCutOff() {
			greeted().ehlo("AUTH LOGIN").expect("AUTH LOGIN");
			for (int i = 0; i < 9; i++) {
				HostileServerTest.this.server.reply("334 VXNlcm5hbWU6").skipLine();
			}
			HostileServerTest.this.server.start();
			assertThatExceptionOfType(SmtpException.class)
				.isThrownBy(() -> open(settings(TlsPolicy.NONE).credentials("u", "secret-pw")))
				.satisfies((e) -> assertThat(e.phase()).isEqualTo(SmtpPhase.AUTH))
				.withMessageNotContaining("secret-pw");
		}

		@Test
		void aChallengeThatIsNotBase64IsAProtocolError() {
			greeted().ehlo("AUTH CRAM-MD5").expect("AUTH CRAM-MD5").reply("334 !!!not base64!!!").start();
			assertThatExceptionOfType(SmtpProtocolException.class)
				.isThrownBy(() -> open(settings(TlsPolicy.NONE).credentials("u", "secret-pw")))
				.withMessageContaining("not base64");
			assertThat(HostileServerTest.this.server.drain(Duration.ofMillis(300))).endsWith("AUTH CRAM-MD5\r\n");
		}

		@Test
		void successBeforeThePasswordWasSentIsAProtocolError() {
			greeted().ehlo("AUTH LOGIN")
				.expect("AUTH LOGIN")
				.reply("334 VXNlcm5hbWU6")
				.skipLine()
				.reply("235 welcome")
				.start();
			assertThatExceptionOfType(SmtpProtocolException.class)
				.isThrownBy(() -> open(settings(TlsPolicy.NONE).credentials("u", "secret-pw")))
				.withMessageContaining("before all credentials were sent");
		}

		@Test
		void aMechanismTheUserDidNotAllowIsNeverUsed() {
			greeted().ehlo("AUTH LOGIN PLAIN").start();
			assertThatExceptionOfType(SmtpAuthenticationException.class)
				.isThrownBy(() -> open(
						settings(TlsPolicy.NONE).credentials("u", "secret-pw").authMechanisms(AuthMechanism.CRAM_MD5)))
				.withMessageContaining("no AUTH mechanism in common");
			assertThat(HostileServerTest.this.server.drain(Duration.ofMillis(300))).doesNotContain("AUTH");
		}

		@Test
		void anOAuthErrorChallengeIsAnsweredEmptyAndReportedWithoutTheToken() {
			String error = Base64.getEncoder().encodeToString("{\"status\":\"401\",\"schemes\":\"bearer\"}".getBytes());
			greeted().ehlo("AUTH XOAUTH2")
				.expect("AUTH XOAUTH2 ")
				.reply("334 " + error)
				.expect("")
				.reply("535 5.7.8 Username and Password not accepted")
				.start();
			SmtpAuthenticationException ex = catchThrowableOfType(SmtpAuthenticationException.class,
					() -> open(settings(TlsPolicy.NONE).oauth2("me@example.com", () -> "ya29.secret-token")));
			assertThat(ex.reply()).map(SmtpReply::code).contains(535);
			assertThat(ex).hasMessageNotContaining("secret-token");
			assertThat(String.join("\n", HostileServerTest.this.log)).doesNotContain("secret-token")
				.doesNotContain(Base64.getEncoder().encodeToString("ya29.secret-token".getBytes()).substring(0, 12));
		}

	}

	@Nested
	class Timeouts {

		@Test
		void ehloStallTimesOut() {
			greeted().expect("EHLO").pause(Duration.ofSeconds(5)).start();
			assertThat(catchThrowableOfType(SmtpTimeoutException.class,
					() -> SmtpConnection.open(settings(TlsPolicy.NONE).commandTimeout(Duration.ofMillis(400)).build()))
				.phase()).isEqualTo(SmtpPhase.EHLO);
		}

		@Test
		void mailStallTimesOutAndTheConnectionIsDropped() {
			greeted().ehlo().expect("MAIL").pause(Duration.ofSeconds(5)).start();
			SmtpConnection connection = SmtpConnection
				.open(settings(TlsPolicy.NONE).commandTimeout(Duration.ofMillis(400)).build());
			assertThat(
					catchThrowableOfType(SmtpTimeoutException.class, () -> connection.send(ENVELOPE, CONTENT)).phase())
				.isEqualTo(SmtpPhase.MAIL);
			assertThat(connection.isUsable()).isFalse();
		}

		@Test
		void aStallAfterTheFinalDotIsAnUnknownOutcomeAfterTheDataTimeout() {
			greeted().ehlo()
				.expect("MAIL")
				.reply("250 ok")
				.expect("RCPT")
				.reply("250 ok")
				.expect("DATA")
				.reply("354 go")
				.readData()
				.pause(Duration.ofSeconds(5))
				.start();
			SmtpConnection connection = SmtpConnection
				.open(settings(TlsPolicy.NONE).dataTimeout(Duration.ofMillis(500)).build());
			long started = System.nanoTime();
			assertThatExceptionOfType(OutcomeUnknownException.class)
				.isThrownBy(() -> connection.send(ENVELOPE, CONTENT));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		}

		@Test
		void aSlowlorisGreetingIsCutOffAtTheDeadline() {
			HostileServerTest.this.server.trickle("220-" + "slow ".repeat(20) + "\r\n", Duration.ofMillis(50)).start();
			long started = System.nanoTime();
			assertThatExceptionOfType(SmtpTimeoutException.class).isThrownBy(
					() -> SmtpConnection.open(settings(TlsPolicy.NONE).commandTimeout(Duration.ofMillis(700)).build()));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3000));
		}

		@Test
		void aConnectThatIsNeverAcceptedTimesOut() throws Exception {
			// a listener whose accept queue is full: Linux drops further SYNs, so the
			// connect just waits
			try (ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
				List<java.net.Socket> fillers = new ArrayList<>();
				try {
					for (int i = 0; i < 8; i++) {
						java.net.Socket filler = new java.net.Socket();
						try {
							filler.connect(full.getLocalSocketAddress(), 200);
							fillers.add(filler);
						}
						catch (IOException ex) {
							filler.close();
							break;
						}
					}
					long started = System.nanoTime();
					SmtpException ex = catchThrowableOfType(SmtpException.class,
							() -> SmtpConnection.open(ConnectionSettings.builder()
								.host("127.0.0.1")
								.port(full.getLocalPort())
								.connectTimeout(Duration.ofMillis(500))
								.commandTimeout(Duration.ofMillis(500))
								.build()));
					assertThat(ex).isInstanceOf(SmtpTimeoutException.class);
					assertThat(ex.phase()).isIn(SmtpPhase.CONNECT, SmtpPhase.GREETING);
					assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
				}
				finally {
					for (java.net.Socket filler : fillers) {
						filler.close();
					}
				}
			}
		}

		@Test
		void anAuthStallTimesOut() {
			greeted().ehlo("AUTH PLAIN").expect("AUTH PLAIN").pause(Duration.ofSeconds(5)).start();
			SmtpTimeoutException ex = catchThrowableOfType(SmtpTimeoutException.class,
					() -> SmtpConnection.open(settings(TlsPolicy.NONE).credentials("u", "secret-pw")
						.allowPlaintextAuth(true)
						.commandTimeout(Duration.ofMillis(400))
						.build()));
			assertThat(ex.phase()).isEqualTo(SmtpPhase.AUTH);
			assertThat(ex).hasMessageNotContaining("secret-pw");
		}

		@Test
		void aDataStallTimesOut() {
			greeted().ehlo()
				.expect("MAIL")
				.reply("250 ok")
				.expect("RCPT")
				.reply("250 ok")
				.expect("DATA")
				.pause(Duration.ofSeconds(5))
				.start();
			SmtpConnection connection = SmtpConnection
				.open(settings(TlsPolicy.NONE).commandTimeout(Duration.ofMillis(400)).build());
			assertThat(
					catchThrowableOfType(SmtpTimeoutException.class, () -> connection.send(ENVELOPE, CONTENT)).phase())
				.isEqualTo(SmtpPhase.DATA);
		}

	}

	@Nested
	class Injection {

		@ParameterizedTest
		@ValueSource(strings = { "\u010a", "\u010d", "\u760a", "\u760d" })
		void charactersWhoseLowByteIsALineBreakTravelAsUtf8(String character) {
			String local = "user" + character;
			greeted().ehlo("SMTPUTF8", "8BITMIME")
				.expect("MAIL")
				.reply("250 ok")
				.expect("RCPT")
				.reply("250 ok")
				.expect("DATA")
				.reply("354 go")
				.readData()
				.reply("250 ok")
				.start();
			SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.NONE).build());
			connection.send(Envelope.of("from@example.com", local + "@example.com"), CONTENT);
			connection.abort();
			HostileServerTest.this.server.await();
			byte[] wire = HostileServerTest.this.server.received().getBytes(StandardCharsets.UTF_8);
			for (int i = 0; i < wire.length; i++) {
				if (wire[i] == '\n') {
					assertThat(wire[i - 1]).as("LF at %d is part of CRLF", i).isEqualTo((byte) '\r');
				}
			}
			assertThat(HostileServerTest.this.server.received()).contains("RCPT TO:<" + local + "@example.com>\r\n");
		}

		@ParameterizedTest
		@ValueSource(strings = { "a\r\nRCPT TO:<x@y>@example.com", "a\n@example.com", "a\u0000@example.com",
				"a@example.com\r", "a@exa\u0085mple.com", "a@example.com\u2028", "<a@example.com>", "a b@example.com" })
		void addressesThatCouldBreakTheCommandLineAreRefused(String address) {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> Envelope.of("from@example.com", address));
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> Envelope.of(address, "to@example.com"));
		}

		@Test
		void dsnParametersAreXtextAndCannotCarryAnotherParameter() {
			greeted().ehlo("DSN")
				.expect("MAIL FROM:<from@example.com> RET=HDRS ENVID=a+2Bb+3Dc+20d")
				.reply("250 ok")
				.expect("RCPT TO:<to@example.com> NOTIFY=SUCCESS,FAILURE")
				.reply("250 ok")
				.expect("DATA")
				.reply("354 go")
				.readData()
				.reply("250 ok")
				.start();
			SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.NONE).build());
			connection.send(ENVELOPE.withDsn(new DsnOptions(DsnOptions.Ret.HDRS, "a+b=c d",
					java.util.EnumSet.of(DsnOptions.Notify.FAILURE, DsnOptions.Notify.SUCCESS))), CONTENT);
			connection.abort();
			HostileServerTest.this.server.await();
		}

		@ParameterizedTest
		@ValueSource(strings = { "id\r\nRCPT TO:<x@y>", "id\u0000", "id\u010a", "" })
		void dsnEnvelopeIdsThatAreNotPrintableAsciiAreRefused(String envelopeId) {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> new DsnOptions(null, envelopeId, java.util.Set.of()))
				.satisfies((e) -> assertThat(e.field()).isEqualTo("dsn.envelopeId"));
		}

		@Test
		void dsnIsLeftOutWhereTheServerDoesNotOfferIt() {
			greeted().ehlo("8BITMIME")
				.expect("MAIL FROM:<from@example.com>")
				.reply("250 ok")
				.expect("RCPT TO:<to@example.com>")
				.reply("250 ok")
				.expect("DATA")
				.reply("354 go")
				.readData()
				.reply("250 ok")
				.start();
			SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.NONE).build());
			connection.send(
					ENVELOPE
						.withDsn(new DsnOptions(DsnOptions.Ret.FULL, "x", java.util.Set.of(DsnOptions.Notify.NEVER))),
					CONTENT);
			connection.abort();
			HostileServerTest.this.server.await();
			assertThat(HostileServerTest.this.server.received()).doesNotContain("RET=").doesNotContain("NOTIFY=");
		}

		@ParameterizedTest
		@ValueSource(strings = { "client\r\nMAIL FROM:<x@y>", "client.test\u0000", "bad name", "[1.2.3.4\n]" })
		void heloNamesThatCouldBreakTheCommandLineAreRefused(String name) {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> ConnectionSettings.builder().heloName(name));
		}

	}

	@Nested
	class Secrets {

		@ParameterizedTest
		@EnumSource(AuthMechanism.class)
		void noSecretInLogsEventsExceptionsOrToString(AuthMechanism mechanism) {
			String password = "pw-" + mechanism + "-hunter2";
			String token = "tok-" + mechanism + "-hunter2";
			greeted().ehlo("AUTH " + mechanism.saslName()).expect("AUTH " + mechanism.saslName());
			if (mechanism == AuthMechanism.LOGIN) {
				HostileServerTest.this.server.reply("334 VXNlcm5hbWU6").skipLine().reply("334 UGFzc3dvcmQ6").skipLine();
			}
			else if (mechanism == AuthMechanism.CRAM_MD5) {
				HostileServerTest.this.server.reply("334 PDEyMzQ1QGV4YW1wbGU+").skipLine();
			}
			HostileServerTest.this.server.reply("535 5.7.8 no").start();
			List<String> events = new ArrayList<>();
			SmtpEventListener recorder = (SmtpEventListener) java.lang.reflect.Proxy.newProxyInstance(
					getClass().getClassLoader(), new Class<?>[] { SmtpEventListener.class }, (proxy, method, args) -> {
						events.add(method.getName() + java.util.Arrays.deepToString(args));
						return null;
					});
			ConnectionSettings.Builder builder = settings(TlsPolicy.NONE).allowPlaintextAuth(true)
				.authMechanisms(mechanism)
				.eventListener(recorder);
			builder = (mechanism == AuthMechanism.XOAUTH2) ? builder.oauth2("user", () -> token)
					: builder.credentials("user", password);
			ConnectionSettings settings = builder.build();
			SmtpAuthenticationException ex = catchThrowableOfType(SmtpAuthenticationException.class,
					() -> SmtpConnection.open(settings));
			String everything = String.join("\n", HostileServerTest.this.log) + events + ex + ex.getMessage() + settings
					+ java.util.Arrays.toString(ex.getStackTrace());
			for (String secret : List.of(password, token, "hunter2",
					Base64.getEncoder().encodeToString(("\0user\0" + password).getBytes()),
					Base64.getEncoder().encodeToString(password.getBytes()))) {
				assertThat(everything).doesNotContain(secret);
			}
			assertThat(String.join("\n", HostileServerTest.this.log)).contains("<credentials hidden>");
		}

		@Test
		void urlAndSettingsToStringMaskThePassword() {
			SmtpUrl url = SmtpUrl.parse("esmtptls://user:hunter2@mx.example.com");
			assertThat(url.toString()).doesNotContain("hunter2");
			assertThat(ConnectionSettings.builder(url).build().toString()).doesNotContain("hunter2");
			assertThat(SmtpClient.builder("esmtptls://user:hunter2@mx.example.com").test(true).build().toString())
				.doesNotContain("hunter2");
		}

	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitPort(int port) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("openssl s_server did not start on " + port);
	}

	static {
		// keep Files imported for the TLS 1.1 test's temp files
		Files.exists(Path.of("."));
	}

}
