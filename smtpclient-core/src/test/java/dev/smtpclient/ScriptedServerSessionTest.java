package dev.smtpclient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.smtpclient.test.ScriptedSmtpServer;
import dev.smtpclient.test.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine against a scripted server, for what a real server will not do.
 */
class ScriptedServerSessionTest {

	private final ScriptedSmtpServer server = new ScriptedSmtpServer();

	private final List<String> debug = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ConnectionSettings.Builder settings(TlsPolicy policy) {
		return ConnectionSettings.builder()
			.host(this.server.host())
			.port(this.server.port())
			.tlsPolicy(policy)
			.heloName("client.test")
			.sslContext(TestCertificates.clientContext())
			.commandTimeout(Duration.ofSeconds(5))
			.debugLog(this.debug::add);
	}

	private static final Envelope ENVELOPE = Envelope.of("from@example.com", "to@example.com");

	private static final MessageContent CONTENT = MessageContent.ofString("Subject: hi\r\n\r\nbody\r\n");

	@Test
	void heloOnlyServerGetsHeloAndStillCarriesMail() {
		this.server.reply("220 old.example SMTP")
			.expect("EHLO client.test")
			.reply("502 5.5.2 command not recognized")
			.expect("HELO client.test")
			.reply("250 old.example")
			.expect("MAIL FROM:<from@example.com>")
			.reply("250 ok")
			.expect("RCPT TO:<to@example.com>")
			.reply("250 ok")
			.expect("DATA")
			.reply("354 go ahead")
			.readData()
			.reply("250 queued as ABC123")
			.expect("QUIT")
			.reply("221 bye")
			.start();
		try (SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build())) {
			assertThat(connection.capabilities().isExtended()).isFalse();
			SendResult result = connection.send(ENVELOPE, CONTENT);
			assertThat(result.queueId()).contains("ABC123");
			assertThat(result.accepted()).hasSize(1);
		}
		this.server.await();
		// no extension parameter was sent to a server that announced none
		assertThat(this.server.received()).contains("MAIL FROM:<from@example.com>\r\n");
	}

	@Test
	void requiredTlsWithoutStartTlsFailsBeforeAnythingElseIsSent() {
		this.server.reply("220 mx.example ESMTP").ehlo("PIPELINING", "AUTH PLAIN").start();
		assertThatExceptionOfType(SmtpTlsException.class)
			.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.REQUIRED).credentials("u", "secret").build()))
			.withMessageContaining("does not offer it")
			.satisfies((ex) -> assertThat(ex.phase()).isEqualTo(SmtpPhase.STARTTLS));
		this.server.await();
		String received = this.server.drain(Duration.ofMillis(500));
		assertThat(received).isEqualTo("EHLO client.test\r\n");
		assertThat(this.server.clientClosed()).isTrue();
	}

	@Test
	void requiredTlsRefusedByTheServerFails() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("STARTTLS")
			.expect("STARTTLS")
			.reply("454 4.7.0 TLS not available")
			.start();
		assertThatExceptionOfType(SmtpTlsException.class)
			.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.REQUIRED).build()))
			.withMessageContaining("454");
		this.server.await();
		assertThat(this.server.drain(Duration.ofMillis(300))).doesNotContain("QUIT").doesNotContain("MAIL");
	}

	@Test
	void bytesInjectedAfterStartTlsReplyAreRefused() {
		// a man in the middle appends a forged EHLO reply to the 220, hoping it is read
		// after the handshake
		this.server.reply("220 mx.example ESMTP")
			.ehlo("STARTTLS")
			.expect("STARTTLS")
			.send("220 2.0.0 Ready to start TLS\r\n250-evil\r\n250 AUTH PLAIN\r\n")
			.start();
		assertThatExceptionOfType(SmtpTlsException.class)
			.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build()))
			.withMessageContaining("after its 220 reply to STARTTLS");
		this.server.await();
		assertThat(this.server.drain(Duration.ofMillis(300))).isEqualTo("EHLO client.test\r\nSTARTTLS\r\n");
	}

	@Test
	void startTlsUpgradesThenSaysEhloAgainAndForgetsThePreTlsCapabilities() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("STARTTLS", "SIZE 10", "X-BEFORE-TLS")
			.expect("STARTTLS")
			.reply("220 go")
			.startTls()
			.ehlo("AUTH PLAIN", "PIPELINING")
			.expect("AUTH PLAIN ")
			.reply("235 2.7.0 ok")
			.expect("QUIT")
			.reply("221 bye")
			.start();
		try (SmtpConnection connection = SmtpConnection
			.open(settings(TlsPolicy.OPPORTUNISTIC).credentials("user", "pa55word").build())) {
			assertThat(connection.isSecure()).isTrue();
			assertThat(connection.tlsSession()).get().extracting(TlsSessionInfo::protocol).isIn("TLSv1.3", "TLSv1.2");
			assertThat(connection.capabilities().keywords()).containsExactly("AUTH", "PIPELINING");
			assertThat(connection.capabilities().maxSize()).isEmpty();
			assertThat(connection.isAuthenticated()).isTrue();
		}
		this.server.await();
		assertThat(String.join("\n", this.debug)).contains("AUTH PLAIN <credentials hidden>")
			.doesNotContain("pa55word")
			.doesNotContain(java.util.Base64.getEncoder().encodeToString("\0user\0pa55word".getBytes()));
	}

	@Test
	void tlsToAServerWhoseCertificateIsNotTrustedFails() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("STARTTLS")
			.expect("STARTTLS")
			.reply("220 go")
			.startTls()
			.start();
		// the JDK's default trust store does not know the test certificate
		assertThatExceptionOfType(SmtpTlsException.class)
			.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.REQUIRED).sslContext(null).build()))
			.satisfies((ex) -> assertThat(ex.phase()).isEqualTo(SmtpPhase.TLS_HANDSHAKE));
	}

	@Test
	void aTrustedCertificateForAnotherHostIsRefused() {
		this.server.tlsContext(TestCertificates.serverContext("dns:other.example"))
			.reply("220 mx.example ESMTP")
			.ehlo("STARTTLS")
			.expect("STARTTLS")
			.reply("220 go")
			.startTls()
			.start();
		assertThatExceptionOfType(SmtpTlsException.class).isThrownBy(() -> SmtpConnection
			.open(settings(TlsPolicy.REQUIRED).sslContext(TestCertificates.clientContext("dns:other.example")).build()))
			.withMessageContaining("127.0.0.1")
			.satisfies((ex) -> assertThat(ex.phase()).isEqualTo(SmtpPhase.TLS_HANDSHAKE));
	}

	@Test
	void mismatchedMultiLineCodesAreAProtocolError() {
		this.server.reply("220 mx.example ESMTP").expect("EHLO").send("250-mx.example\r\n550 PIPELINING\r\n").start();
		assertThatExceptionOfType(SmtpProtocolException.class)
			.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.NONE).build()))
			.withMessageContaining("changed its code from 250 to 550")
			.satisfies((ex) -> assertThat(ex.phase()).isEqualTo(SmtpPhase.EHLO));
	}

	@Test
	void multiLineGreetingIsReadWhole() {
		this.server.send("220-mx.example ESMTP\r\n220-more text\r\n220 last\r\n")
			.ehlo("8BITMIME")
			.expect("QUIT")
			.reply("221 bye")
			.start();
		try (SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build())) {
			assertThat(connection.greeting().lines()).containsExactly("mx.example ESMTP", "more text", "last");
			assertThat(connection.capabilities().eightBitMime()).isTrue();
		}
		this.server.await();
	}

	@Test
	void aGreetingOtherThan220IsATypedErrorFollowedByQuit() {
		this.server.reply("554 5.3.2 go away").expect("QUIT").reply("221 bye").start();
		assertThatExceptionOfType(SmtpReplyException.class)
			.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build()))
			.satisfies((ex) -> {
				assertThat(ex.phase()).isEqualTo(SmtpPhase.GREETING);
				assertThat(ex.replyCode()).isEqualTo(554);
				assertThat(ex.isPermanent()).isTrue();
				assertThat(ex.enhancedStatus()).map(Object::toString).contains("5.3.2");
			});
		this.server.await();
	}

	@Test
	void reply421MidTransactionClosesTheConnection() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo()
			.expect("MAIL FROM")
			.reply("250 ok")
			.expect("RCPT TO")
			.reply("421 4.3.2 shutting down")
			.start();
		SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build());
		// the 421 itself is the error, as with PIPELINING: the server closes, whatever it
		// thought of the recipient
		assertThatExceptionOfType(SmtpReplyException.class).isThrownBy(() -> connection.send(ENVELOPE, CONTENT))
			.satisfies((ex) -> {
				assertThat(ex.replyCode()).isEqualTo(421);
				assertThat(ex.phase()).isEqualTo(SmtpPhase.RCPT);
				assertThat(ex.isTransient()).isTrue();
			});
		assertThat(connection.isUsable()).isFalse();
		this.server.await();
		// neither RSET nor QUIT after 421: the server has gone
		assertThat(this.server.drain(Duration.ofMillis(300))).doesNotContain("RSET").doesNotContain("QUIT");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> connection.send(ENVELOPE, CONTENT));
	}

	@Test
	void anOverlongReplyLineIsAProtocolError() {
		this.server.send("220 " + "x".repeat(5000) + "\r\n").start();
		assertThatExceptionOfType(SmtpProtocolException.class)
			.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build()))
			.withMessageContaining("longer than 4096");
	}

	@Test
	void aReplyTrickledPastItsDeadlineTimesOut() {
		this.server.trickle("220 mx.example ESMTP and a long slow line\r\n", Duration.ofMillis(100)).start();
		long started = System.nanoTime();
		assertThatExceptionOfType(SmtpTimeoutException.class)
			.isThrownBy(() -> SmtpConnection
				.open(settings(TlsPolicy.OPPORTUNISTIC).commandTimeout(Duration.ofSeconds(1)).build()))
			.satisfies((ex) -> assertThat(ex.phase()).isEqualTo(SmtpPhase.GREETING));
		// each byte came well within the timeout; only the deadline for the whole reply
		// stops it
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3500));
	}

	@Test
	void aServerThatStopsReadingCannotHoldTheWriterPastTheWriteTimeout() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("8BITMIME")
			.expect("MAIL FROM")
			.reply("250 ok")
			.expect("RCPT TO")
			.reply("250 ok")
			.expect("DATA")
			.reply("354 go")
			.pause(Duration.ofSeconds(20))
			.start();
		SmtpConnection connection = SmtpConnection
			.open(settings(TlsPolicy.OPPORTUNISTIC).writeTimeout(Duration.ofSeconds(1)).build());
		// far more than loopback's socket buffers hold
		byte[] big = new byte[64 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) 'x');
		for (int i = 78; i < big.length; i += 80) {
			big[i] = '\r';
			big[i + 1] = '\n';
		}
		long started = System.nanoTime();
		assertThatExceptionOfType(SmtpTimeoutException.class)
			.isThrownBy(() -> connection.send(ENVELOPE, MessageContent.ofBytes(big)))
			.satisfies((ex) -> assertThat(ex.phase()).isEqualTo(SmtpPhase.MESSAGE));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(connection.isUsable()).isFalse();
	}

	@Test
	void noGreetingTimesOut() {
		this.server.pause(Duration.ofSeconds(3)).start();
		assertThatExceptionOfType(SmtpTimeoutException.class)
			.isThrownBy(() -> SmtpConnection
				.open(settings(TlsPolicy.OPPORTUNISTIC).commandTimeout(Duration.ofMillis(500)).build()))
			.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
	}

	@Test
	void connectionClosedMidReply() {
		this.server.reply("220 mx.example ESMTP").expect("EHLO").send("250-mx.example\r\n250-PIPE").hangUp().start();
		assertThatExceptionOfType(SmtpConnectionException.class)
			.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build()))
			.withMessageContaining("closed the connection")
			.satisfies((ex) -> assertThat(ex.phase()).isEqualTo(SmtpPhase.EHLO));
	}

	@Test
	void connectionClosedAfterTheFinalDotIsAnUnknownOutcome() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("PIPELINING")
			.expect("MAIL FROM")
			.expect("RCPT TO")
			.expect("DATA")
			.send("250 ok\r\n250 ok\r\n354 go\r\n")
			.readData()
			.hangUp()
			.start();
		SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build());
		assertThatExceptionOfType(OutcomeUnknownException.class).isThrownBy(() -> connection.send(ENVELOPE, CONTENT))
			.satisfies((ex) -> {
				assertThat(ex).isNotInstanceOf(SmtpConnectionException.class);
				assertThat(ex.isTransient()).isFalse();
				assertThat(ex.phase()).isEqualTo(SmtpPhase.MESSAGE);
			});
		assertThat(connection.isUsable()).isFalse();
		this.server.await();
	}

	@Test
	void pipelinedGroupWithOneRejectedRecipientSendsToTheOthers() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("PIPELINING", "SIZE 1000000", "8BITMIME")
			.expect("MAIL FROM:<from@example.com> SIZE=")
			.expect("RCPT TO:<a@example.com>")
			.expect("RCPT TO:<b@example.com>")
			.expect("DATA")
			.send("250 2.1.0 ok\r\n550 5.1.1 <a@example.com> no such user\r\n250 2.1.5 ok\r\n354 go\r\n")
			.readData()
			.reply("250 2.0.0 queued as Q1")
			.start();
		SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build());
		SendResult result = connection.send(
				Envelope.of("from@example.com", "a@example.com", "b@example.com", "B@EXAMPLE.COM".toLowerCase()),
				CONTENT);
		assertThat(result.rejected()).extracting(RecipientResult::address).containsExactly("a@example.com");
		assertThat(result.rejected().get(0).reply().enhancedStatus()).map(Object::toString).contains("5.1.1");
		assertThat(result.accepted()).extracting(RecipientResult::address).containsExactly("b@example.com");
		assertThat(result.bytesSent()).isEqualTo("Subject: hi\r\n\r\nbody\r\n.\r\n".length());
		this.server.await();
		// the group went out in one piece: MAIL, both RCPTs (de-duplicated) and DATA
		// before any reply
		assertThat(this.server.received()).containsSubsequence("MAIL FROM:<from@example.com> SIZE=21\r\n",
				"RCPT TO:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n");
		connection.abort();
	}

	@Test
	void allRecipientsRejectedMeansNoDataAndATypedError() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo()
			.expect("MAIL FROM")
			.reply("250 ok")
			.expect("RCPT TO:<to@example.com>")
			.reply("550 5.1.1 unknown")
			.expect("RSET")
			.reply("250 ok")
			.start();
		SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build());
		assertThatExceptionOfType(SmtpRecipientsRejectedException.class)
			.isThrownBy(() -> connection.send(ENVELOPE, CONTENT))
			.satisfies((ex) -> {
				assertThat(ex.rejected()).extracting(RecipientResult::address).containsExactly("to@example.com");
				assertThat(ex.isPermanent()).isTrue();
				assertThat(ex.phase()).isEqualTo(SmtpPhase.RCPT);
			});
		assertThat(connection.isUsable()).isTrue();
		this.server.await();
		assertThat(this.server.received()).doesNotContain("DATA");
		connection.abort();
	}

	@Test
	void authIsNeverSentWithoutTlsUnlessAllowed() {
		this.server.reply("220 mx.example ESMTP").ehlo("AUTH PLAIN LOGIN").start();
		assertThatExceptionOfType(SmtpAuthenticationException.class)
			.isThrownBy(() -> SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).credentials("u", "secret").build()))
			.withMessageContaining("without TLS")
			.withMessageContaining("allowPlaintextAuth")
			.withMessageNotContaining("secret");
		this.server.await();
		assertThat(this.server.drain(Duration.ofMillis(300))).doesNotContain("AUTH");
	}

	@Test
	void loginAndWrongPasswordGiveATypedErrorWithoutSecrets() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo("AUTH LOGIN")
			.expect("AUTH LOGIN")
			.reply("334 VXNlcm5hbWU6")
			.expect("dXNlcg==")
			.reply("334 UGFzc3dvcmQ6")
			.expect("")
			.reply("535 5.7.8 Error: authentication failed")
			.start();
		assertThatExceptionOfType(SmtpAuthenticationException.class)
			.isThrownBy(() -> SmtpConnection.open(
					settings(TlsPolicy.OPPORTUNISTIC).credentials("user", "wrong-pw").allowPlaintextAuth(true).build()))
			.satisfies((ex) -> {
				assertThat(ex.reply()).map(SmtpReply::code).contains(535);
				assertThat(ex.getMessage()).doesNotContain("wrong-pw").doesNotContain("d3JvbmctcHc=");
			});
		this.server.await();
		assertThat(String.join("\n", this.debug)).doesNotContain("wrong-pw")
			.doesNotContain("d3JvbmctcHc=")
			.doesNotContain("dXNlcg==");
	}

	@Test
	void cramMd5IsPreferredAndAnswersTheChallenge() {
		// RFC 2195's example: challenge and secret give this digest
		this.server.reply("220 mx.example ESMTP")
			.ehlo("AUTH PLAIN LOGIN CRAM-MD5")
			.expect("AUTH CRAM-MD5")
			.reply("334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+")
			.expect("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw")
			.reply("235 ok")
			.start();
		SmtpConnection connection = SmtpConnection
			.open(settings(TlsPolicy.OPPORTUNISTIC).credentials("tim", "tanstaaftanstaaf")
				.allowPlaintextAuth(true)
				.build());
		assertThat(connection.isAuthenticated()).isTrue();
		this.server.await();
		connection.abort();
	}

	@Test
	void xoauth2AsksTheSupplierForEachConnection() {
		java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
		String expected = java.util.Base64.getEncoder()
			.encodeToString("user=me@example.com\u0001auth=Bearer tok-1\u0001\u0001".getBytes());
		this.server.reply("220 mx.example ESMTP")
			.ehlo("AUTH PLAIN XOAUTH2")
			.expect("AUTH XOAUTH2 " + expected)
			.reply("235 ok")
			.start();
		SmtpConnection connection = SmtpConnection
			.open(settings(TlsPolicy.OPPORTUNISTIC).oauth2("me@example.com", () -> "tok-" + calls.incrementAndGet())
				.allowPlaintextAuth(true)
				.build());
		assertThat(calls).hasValue(1);
		this.server.await();
		assertThat(String.join("\n", this.debug)).doesNotContain("tok-1").doesNotContain(expected);
		connection.abort();
	}

	@Test
	void anEventListenerThatThrowsNeverBreaksASend() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo()
			.expect("MAIL FROM")
			.reply("250 ok")
			.expect("RCPT TO")
			.reply("250 ok")
			.expect("DATA")
			.reply("354 go")
			.readData()
			.reply("250 ok")
			.start();
		SmtpEventListener hostile = new SmtpEventListener() {
			@Override
			public void commandSent(SmtpConnectionInfo connection, String verb) {
				throw new IllegalStateException("listener bug");
			}

			@Override
			public void bytesWritten(SmtpConnectionInfo connection, long count) {
				throw new IllegalStateException("listener bug");
			}
		};
		SmtpConnection connection = SmtpConnection
			.open(settings(TlsPolicy.OPPORTUNISTIC).eventListener(hostile).build());
		assertThat(connection.send(ENVELOPE, CONTENT).finalReply().code()).isEqualTo(250);
		assertThat(this.debug).anyMatch((line) -> line.contains("event listener failed in commandSent"));
		this.server.await();
		connection.abort();
	}

	@Test
	void eventsArePairedAndCarryNoSecrets() {
		List<String> events = new CopyOnWriteArrayList<>();
		this.server.reply("220 mx.example ESMTP")
			.ehlo("STARTTLS")
			.expect("STARTTLS")
			.reply("220 go")
			.startTls()
			.ehlo("AUTH PLAIN")
			.expect("AUTH PLAIN")
			.reply("235 ok")
			.expect("QUIT")
			.reply("221 bye")
			.start();
		SmtpEventListener recorder = new SmtpEventListener() {
			@Override
			public void dnsStart(SmtpConnectionInfo c, String host) {
				events.add("dnsStart");
			}

			@Override
			public void dnsEnd(SmtpConnectionInfo c, String host, List<java.net.InetAddress> addresses) {
				events.add("dnsEnd");
			}

			@Override
			public void connectStart(SmtpConnectionInfo c, java.net.InetSocketAddress address) {
				events.add("connectStart");
			}

			@Override
			public void connectEnd(SmtpConnectionInfo c, java.net.InetSocketAddress address, Duration took) {
				events.add("connectEnd");
			}

			@Override
			public void tlsStart(SmtpConnectionInfo c) {
				events.add("tlsStart");
			}

			@Override
			public void tlsEstablished(SmtpConnectionInfo c, TlsSessionInfo tls, Duration took) {
				events.add("tlsEstablished " + tls.protocol());
			}

			@Override
			public void commandSent(SmtpConnectionInfo c, String verb) {
				events.add("command " + verb);
			}

			@Override
			public void replyReceived(SmtpConnectionInfo c, String verb, SmtpReply reply, Duration took) {
				events.add("reply " + verb + " " + reply.code());
			}

			@Override
			public void connectionClosed(SmtpConnectionInfo c) {
				events.add("closed");
			}
		};
		SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).host("localhost")
			.credentials("user", "topsecret")
			.eventListener(recorder)
			.build());
		connection.close();
		connection.close();
		this.server.await();
		assertThat(events).containsSubsequence("dnsStart", "dnsEnd", "connectStart", "connectEnd", "reply greeting 220",
				"command EHLO", "reply EHLO 250", "command STARTTLS", "reply STARTTLS 220", "tlsStart",
				"tlsEstablished TLSv1.3", "command EHLO", "command AUTH", "reply AUTH 235", "command QUIT",
				"reply QUIT 221", "closed");
		assertThat(events).filteredOn("closed"::equals).hasSize(1);
		assertThat(String.join(" ", events)).doesNotContain("topsecret");
	}

	@Test
	void badInputIsRefusedBeforeAnythingIsWritten() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Envelope.of("from@example.com", "to@example.com>\r\nRCPT TO:<evil@example.com"))
			.withMessageContaining("recipient");
		// characters whose low byte is LF or CR are not line breaks in UTF-8, but are
		// still refused when they are
		// control characters; ordinary ones like U+010A pass as themselves
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Envelope.of("from@example.com", "to\u0085@example.com"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Envelope.of("fr\u0000om@example.com", "to@example.com"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ConnectionSettings.builder().heloName("client\r\nMAIL FROM:<x@y>"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ConnectionSettings.builder().credentials("us\ner", "pw"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Envelope.of("a@b", List.of()));
	}

	@Test
	void internationalisedAddressNeedsSmtpUtf8AndFailsBeforeMail() {
		this.server.reply("220 mx.example ESMTP").ehlo("8BITMIME").expect("QUIT").reply("221 bye").start();
		try (SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build())) {
			assertThatExceptionOfType(SmtpCapabilityException.class)
				.isThrownBy(() -> connection.send(Envelope.of("from@example.com", "jürgen\u010a@exämple.com"), CONTENT))
				.withMessageContaining("SMTPUTF8");
			assertThat(connection.isUsable()).isTrue();
		}
		this.server.await();
		assertThat(this.server.received()).doesNotContain("MAIL");
	}

	@Test
	void eightBitContentNeeds8BitMimeAndSizeIsChecked() {
		this.server.reply("220 mx.example ESMTP").ehlo("SIZE 10").expect("QUIT").reply("221 bye").start();
		try (SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build())) {
			assertThatExceptionOfType(SmtpCapabilityException.class)
				.isThrownBy(() -> connection.send(ENVELOPE, MessageContent.ofString("Subject: x\r\n\r\né\r\n")))
				.withMessageContaining("8BITMIME");
			assertThatExceptionOfType(SmtpCapabilityException.class)
				.isThrownBy(() -> connection.send(ENVELOPE, CONTENT))
				.withMessageContaining("exceeds the server's SIZE limit of 10");
		}
		this.server.await();
		assertThat(this.server.received()).doesNotContain("MAIL");
	}

	@Test
	void aSessionCarriesManyMessagesWithOneHandshake() {
		this.server.reply("220 mx.example ESMTP").ehlo("AUTH PLAIN");
		this.server.expect("AUTH PLAIN").reply("235 ok");
		for (int i = 0; i < 3; i++) {
			this.server.expect("MAIL FROM")
				.reply("250 ok")
				.expect("RCPT TO")
				.reply("250 ok")
				.expect("DATA")
				.reply("354 go")
				.readData()
				.reply("250 queued as M" + i);
		}
		this.server.expect("QUIT").reply("221 bye").start();
		try (SmtpConnection connection = SmtpConnection
			.open(settings(TlsPolicy.OPPORTUNISTIC).credentials("u", "p").allowPlaintextAuth(true).build())) {
			for (int i = 0; i < 3; i++) {
				assertThat(connection.send(ENVELOPE, CONTENT).queueId()).contains("M" + i);
			}
			assertThat(connection.messagesSent()).isEqualTo(3);
		}
		this.server.await();
		assertThat(this.server.received().split("EHLO", -1)).hasSize(2);
		assertThat(this.server.received().split("AUTH", -1)).hasSize(2);
		assertThat(this.server.received()).doesNotContain("RSET");
	}

	@Test
	void aRejectedMessageLeavesTheConnectionClean() {
		this.server.reply("220 mx.example ESMTP")
			.ehlo()
			.expect("MAIL FROM")
			.reply("250 ok")
			.expect("RCPT TO")
			.reply("250 ok")
			.expect("DATA")
			.reply("354 go")
			.readData()
			.reply("554 5.7.1 spam")
			.expect("MAIL FROM")
			.reply("451 4.3.0 try later")
			.start();
		SmtpConnection connection = SmtpConnection.open(settings(TlsPolicy.OPPORTUNISTIC).build());
		assertThatExceptionOfType(SmtpReplyException.class).isThrownBy(() -> connection.send(ENVELOPE, CONTENT))
			.satisfies((ex) -> {
				assertThat(ex.phase()).isEqualTo(SmtpPhase.MESSAGE);
				assertThat(ex.isPermanent()).isTrue();
			});
		assertThatExceptionOfType(SmtpReplyException.class).isThrownBy(() -> connection.send(ENVELOPE, CONTENT))
			.satisfies((ex) -> {
				assertThat(ex.phase()).isEqualTo(SmtpPhase.MAIL);
				assertThat(ex.isTransient()).isTrue();
			});
		assertThat(connection.isUsable()).isTrue();
		connection.abort();
		this.server.await();
		assertThat(this.server.received()).doesNotContain("RSET");
	}

}
