package dev.smtpclient.sample.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smtpclient.sample.inbox.EmbeddedSmtpServer;
import dev.smtpclient.sample.inbox.Inbox;
import dev.smtpclient.sample.inbox.MessageParser;
import dev.smtpclient.sample.inbox.ParsedMessage;
import dev.smtpclient.sample.inbox.ThrowawayCertificates;
import dev.smtpclient.test.FakeSmtpSink;
import dev.smtpclient.test.PostfixServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line mailer, run in-process through {@link MailerCommand#run}: against the
 * embedded server, and against the real Postfix's submission port (STARTTLS required,
 * AUTH, the test CA given with {@code --ca}).
 */
class MailerCommandTests {

	private static final String PASSWORD = "cli-Password";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private EmbeddedSmtpServer embedded;

	private Path ca;

	@BeforeEach
	void startEmbedded() throws IOException {
		ThrowawayCertificates certificates = ThrowawayCertificates.generate();
		this.ca = Files.writeString(this.dir.resolve("ca.pem"), certificates.caCertificatePem());
		this.embedded = new EmbeddedSmtpServer(0, new Inbox(10, 1 << 20), 1 << 20, certificates, "dev", PASSWORD);
		this.embedded.start();
	}

	/**
	 * The embedded server's URL with its login; STARTTLS is required, and verified
	 * against the CA with --ca.
	 */
	private String embeddedUrl() {
		return "esmtptls://dev:" + PASSWORD + "@localhost:" + this.embedded.port();
	}

	@AfterEach
	void stopEmbedded() {
		this.embedded.close();
	}

	@Test
	void sendsToTheEmbeddedServerWithAttachmentsTypedByExtension() throws IOException {
		Path report = Files.writeString(this.dir.resolve("report.csv"), "a,b\n1,2\n");
		Path picture = Files.write(this.dir.resolve("pixel.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1 });

		int status = run("-f", "Me <me@example.com>", "-t", "you@example.com", "-c", "cc@example.com", "-B",
				"hidden@example.com", "-s", "CLI hello", "-b", "body text", "-a", report.toString(), "-a",
				picture.toString(), "--ca", this.ca.toString(), embeddedUrl());

		assertThat(status).as(errText()).isZero();
		assertThat(outText()).contains("<you@example.com> 250").contains("sent: 250");
		ParsedMessage received = MessageParser.parse(this.embedded.inbox().messages().get(0));
		assertThat(received.subject()).isEqualTo("CLI hello");
		assertThat(received.envelopeTo()).containsExactly("you@example.com", "cc@example.com", "hidden@example.com");
		assertThat(received.attachments()).extracting(ParsedMessage.Attachment::contentType)
			.containsExactly("text/csv", "image/png");
	}

	@Test
	void debugPrintsTheTranscript() {
		int status = run("-f", "me@example.com", "-t", "you@example.com", "-s", "s", "-b", "b", "--debug", "--ca",
				this.ca.toString(), embeddedUrl());

		assertThat(status).as(errText()).isZero();
		assertThat(outText()).contains("EHLO", "STARTTLS", "AUTH", "MAIL FROM:<me@example.com>", "QUIT")
			.doesNotContain(PASSWORD);
	}

	@Test
	void sendsThroughPostfixSubmissionWithStartTlsAndAuth() throws IOException {
		PostfixServers servers = PostfixServers.require();
		String marker = UUID.randomUUID().toString();
		Path attachment = Files.writeString(this.dir.resolve("notes.txt"), "attached " + marker + "\n");

		int status = run("-f", "sender@" + servers.domain(), "-t", "catchall-" + marker + "@" + servers.domain(), "-s",
				"CLI " + marker, "-b", "Sent by the CLI", "-a", attachment.toString(), "-u", servers.user(), "-p",
				servers.password(), "-S", "--debug", "--ca", servers.caCertificate().toString(),
				"esmtp://localhost:" + servers.submissionPort());

		assertThat(status).as(errText()).isZero();
		String delivered = new String(servers.awaitDelivered(marker, Duration.ofSeconds(15)), StandardCharsets.UTF_8);
		assertThat(delivered).contains("Subject: CLI " + marker).contains("Sent by the CLI").contains("notes.txt");
		assertThat(outText()).contains("STARTTLS").contains("<credentials hidden>").doesNotContain(servers.password());
	}

	@Test
	void wrongPasswordExitsWithTwo() {
		PostfixServers servers = PostfixServers.require();

		int status = run("-f", "sender@" + servers.domain(), "-t", "someone@" + servers.domain(), "-s", "s", "-b", "b",
				"-u", servers.user(), "-p", "wrong-password", "-S", "--ca", servers.caCertificate().toString(),
				"esmtp://localhost:" + servers.submissionPort());

		assertThat(status).isEqualTo(2);
		assertThat(errText()).startsWith("err: ").doesNotContain("wrong-password");
	}

	@Test
	void untrustedCertificateExitsWithTwo() {
		PostfixServers servers = PostfixServers.require();

		int status = run("-f", "sender@example.com", "-t", "someone@example.com", "-s", "s", "-b", "b", "-S",
				"esmtp://localhost:" + servers.submissionPort());

		assertThat(status).isEqualTo(2);
		assertThat(errText()).startsWith("err: ");
	}

	@Test
	void closedPortExitsWithTwo() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}

		int status = run("-f", "me@example.com", "-t", "you@example.com", "-s", "s", "-b", "b",
				"smtp://127.0.0.1:" + port);

		assertThat(status).isEqualTo(2);
		assertThat(errText()).startsWith("err: ");
	}

	@Test
	void requiredStartTlsRefusedByAServerWithoutIt() {
		try (FakeSmtpSink withoutTls = new FakeSmtpSink(true)) {
			int status = run("-f", "me@example.com", "-t", "you@example.com", "-s", "s", "-b", "b", "-S",
					"smtp://127.0.0.1:" + withoutTls.port());

			assertThat(status).isEqualTo(2);
			assertThat(errText()).startsWith("err: ").containsIgnoringCase("STARTTLS");
			assertThat(withoutTls.messages()).isEmpty();
		}
	}

	@Test
	void embeddedServerNotTrustedWithoutItsCa() {
		int status = run("-f", "me@example.com", "-t", "you@example.com", "-s", "s", "-b", "b", embeddedUrl());

		assertThat(status).isEqualTo(2);
		assertThat(errText()).startsWith("err: ");
		assertThat(this.embedded.inbox().receivedCount()).isZero();
	}

	@Test
	void badInputExitsWithTwoBeforeConnecting() {
		assertThat(run("-f", "me@example.com", "-s", "s", "-b", "b", embeddedUrl())).isEqualTo(2);
		assertThat(errText()).startsWith("err: recipients");
		assertThat(run("-f", "me@example.com", "-t", "you@example.com", "-s", "s", "-b", "b", "-a", "/nonexistent",
				embeddedUrl()))
			.isEqualTo(2);
		assertThat(run("-f", "me@example.com", "-t", "you@example.com", "-s", "s")).isEqualTo(2);
		assertThat(errText()).contains("usage: send");
		assertThat(this.embedded.inbox().receivedCount()).isZero();
	}

	private int run(String... args) {
		this.out.reset();
		this.err.reset();
		return new MailerCommand(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8))
			.run(new ArrayList<>(List.of(args)));
	}

	private String outText() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String errText() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
