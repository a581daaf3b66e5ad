package dev.smtpclient.autoconfigure.mail;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.test.PostfixServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The JavaMailSender drop-in against the real Postfix: a message built with Spring's
 * {@link MimeMessageHelper} arrives intact, and failures keep Spring's contract (refused
 * recipients, wrong password, unreachable server).
 */
class SmtpJavaMailSenderPostfixTests {

	private PostfixServers servers;

	@BeforeEach
	void servers() {
		this.servers = PostfixServers.require();
	}

	@Test
	void mimeMessageArrivesIntact() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, SmtpClientAutoConfiguration.class,
					SmtpMailSenderAutoConfiguration.class))
			.withPropertyValues("smtp.url=esmtptls://localhost:" + this.servers.submissionPort(),
					"smtp.username=" + this.servers.user(), "smtp.password=" + this.servers.password(),
					"smtp.helo-name=client.test", "smtp.ssl.bundle=postfix",
					"spring.ssl.bundle.pem.postfix.truststore.certificate=file:" + this.servers.caCertificate())
			.run((context) -> {
				String marker = UUID.randomUUID().toString();
				String bcc = "catchall-bcc-" + marker + "@" + this.servers.domain();
				byte[] attachment = new byte[3000];
				for (int i = 0; i < attachment.length; i++) {
					attachment[i] = (byte) i;
				}
				JavaMailSender mailSender = context.getBean(JavaMailSender.class);
				MimeMessage message = mailSender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
				helper.setFrom("sender@test.example", "Sénder");
				helper.setTo("catchall-to-" + marker + "@" + this.servers.domain());
				helper.setCc("catchall-cc-" + marker + "@" + this.servers.domain());
				helper.setBcc(bcc);
				helper.setSubject("Grüße " + marker);
				helper.setText("plain ünïcode\n.a line starting with a dot\n", "<p>html ünïcode</p>");
				helper.addAttachment("data.bin", new ByteArrayResource(attachment));
				mailSender.send(message);

				byte[] delivered = this.servers.awaitDelivered(marker, Duration.ofSeconds(10));
				MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
						new ByteArrayInputStream(delivered));
				assertThat(received.getSubject()).isEqualTo("Grüße " + marker);
				assertThat(received.getRecipients(RecipientType.BCC)).isNull();
				assertThat(received.getHeader("Bcc")).isNull();
				assertThat(received.getRecipients(RecipientType.TO)).hasSize(1);
				assertThat(received.getRecipients(RecipientType.CC)).hasSize(1);
				Multipart mixed = (Multipart) received.getContent();
				assertThat(mixed.getCount()).isEqualTo(2);
				Part attached = mixed.getBodyPart(1);
				assertThat(attached.getFileName()).isEqualTo("data.bin");
				assertThat(attached.getInputStream().readAllBytes()).isEqualTo(attachment);
				String raw = new String(delivered, StandardCharsets.UTF_8);
				assertThat(raw).doesNotContain("\nBcc:");
				// the Bcc recipient got its copy through the envelope alone
				this.servers.awaitDelivered(bcc, Duration.ofSeconds(10));
			});
	}

	@Test
	void aMessageTooLargeToKeepInMemoryArrivesIntact() {
		submission(this.servers.password()).run((context) -> {
			String marker = UUID.randomUUID().toString();
			byte[] attachment = new byte[300_000];
			new java.util.Random(42).nextBytes(attachment);
			JavaMailSender mailSender = context.getBean(JavaMailSender.class);
			MimeMessage message = mailSender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED);
			helper.setFrom("sender@test.example");
			helper.setTo("catchall-" + marker + "@" + this.servers.domain());
			helper.setSubject(marker);
			String text = "written into the data stream\n.a line starting with a dot\n" + "line\n".repeat(20_000);
			helper.setText(text);
			helper.addAttachment("data.bin", new ByteArrayResource(attachment));
			mailSender.send(message);

			byte[] delivered = this.servers.awaitDelivered(marker, Duration.ofSeconds(10));
			MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
					new ByteArrayInputStream(delivered));
			Multipart mixed = (Multipart) received.getContent();
			assertThat(((String) mixed.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(text);
			assertThat(mixed.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(attachment);
		});
	}

	private ApplicationContextRunner submission(String password) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, SmtpClientAutoConfiguration.class,
					SmtpMailSenderAutoConfiguration.class))
			.withPropertyValues("smtp.url=esmtptls://localhost:" + this.servers.submissionPort(),
					"smtp.username=" + this.servers.user(), "smtp.password=" + password, "smtp.helo-name=client.test",
					"smtp.ssl.bundle=postfix",
					"spring.ssl.bundle.pem.postfix.truststore.certificate=file:" + this.servers.caCertificate());
	}

	private MimeMessage message(JavaMailSender mailSender, String marker, String... to) throws Exception {
		MimeMessage message = mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message);
		helper.setFrom("sender@test.example");
		helper.setTo(to);
		helper.setSubject(marker);
		helper.setText("sent through the drop-in");
		return message;
	}

	@Test
	void aRefusedRecipientFailsTheMessage() {
		submission(this.servers.password()).run((context) -> {
			JavaMailSender mailSender = context.getBean(JavaMailSender.class);
			String marker = UUID.randomUUID().toString();
			String good = "catchall-" + marker + "@" + this.servers.domain();
			MimeMessage message = message(mailSender, marker, good, "rejected@test.example");
			assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> mailSender.send(message))
				.satisfies((ex) -> assertThat(ex.getFailedMessages()).containsOnlyKeys(message))
				.satisfies((ex) -> assertThat(ex.getFailedMessages().get(message))
					.isInstanceOfSatisfying(SendFailedException.class, (failed) -> {
						assertThat(failed.getInvalidAddresses()).extracting(Object::toString)
							.containsExactly("rejected@test.example");
						// smtp.require-all-recipients is off: the accepted recipient got
						// it
						assertThat(failed.getValidSentAddresses()).extracting(Object::toString).containsExactly(good);
					}));
			this.servers.awaitDelivered(marker, Duration.ofSeconds(10));
		});
	}

	@Test
	void aRefusedRecipientWithSpringMailPropertiesSendsToNobodyAsAngusMailDoes() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, SmtpClientAutoConfiguration.class,
					SmtpMailSenderAutoConfiguration.class))
			.withPropertyValues("spring.mail.host=localhost", "spring.mail.port=" + this.servers.submissionPort(),
					"spring.mail.username=" + this.servers.user(), "spring.mail.password=" + this.servers.password(),
					"spring.mail.properties.mail.smtp.starttls.enable=true",
					"spring.mail.properties.mail.smtp.starttls.required=true",
					"spring.mail.properties.mail.smtp.localhost=client.test", "spring.mail.ssl.bundle=postfix",
					"spring.ssl.bundle.pem.postfix.truststore.certificate=file:" + this.servers.caCertificate())
			.run((context) -> {
				JavaMailSender mailSender = context.getBean(JavaMailSender.class);
				String refusedMarker = UUID.randomUUID().toString();
				String good = "catchall-" + refusedMarker + "@" + this.servers.domain();
				MimeMessage refused = message(mailSender, refusedMarker, good, "rejected@test.example");
				assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> mailSender.send(refused))
					.satisfies((ex) -> assertThat(ex.getFailedMessages().get(refused))
						.isInstanceOfSatisfying(SendFailedException.class, (failed) -> {
							assertThat(failed.getInvalidAddresses()).extracting(Object::toString)
								.containsExactly("rejected@test.example");
							assertThat(failed.getValidUnsentAddresses()).extracting(Object::toString)
								.containsExactly(good);
							assertThat(failed.getValidSentAddresses()).isEmpty();
						}));
				// the same connection settings deliver a clean message, and only that one
				// arrives
				String marker = UUID.randomUUID().toString();
				mailSender.send(message(mailSender, marker, "catchall-" + marker + "@" + this.servers.domain()));
				this.servers.awaitDelivered(marker, Duration.ofSeconds(10));
				assertThat(this.servers.countDelivered(refusedMarker)).isZero();
			});
	}

	@Test
	void aWrongPasswordIsAMailAuthenticationException() {
		submission("not-" + this.servers.password()).run((context) -> {
			JavaMailSender mailSender = context.getBean(JavaMailSender.class);
			MimeMessage message = message(mailSender, "x", "catchall@" + this.servers.domain());
			assertThatExceptionOfType(MailAuthenticationException.class).isThrownBy(() -> mailSender.send(message))
				.satisfies((ex) -> assertThat(ex).hasStackTraceContaining("535")
					.message()
					.doesNotContain(this.servers.password()));
		});
		// a successful login clears the SASL back end's penalty for the failure, which
		// would otherwise slow
		// down the next logins from this address (other tests' health checks time out on
		// it)
		submission(this.servers.password()).run((context) -> {
			JavaMailSender mailSender = context.getBean(JavaMailSender.class);
			String marker = UUID.randomUUID().toString();
			mailSender.send(message(mailSender, marker, "catchall-" + marker + "@" + this.servers.domain()));
		});
	}

	@Test
	void aClosedPortFailsEveryMessageOfTheCallAfterOneConnectionAttempt() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		AtomicInteger connectAttempts = new AtomicInteger();
		SmtpEventListener counter = new SmtpEventListener() {
			@Override
			public void connectStart(SmtpConnectionInfo connection, InetSocketAddress address) {
				connectAttempts.incrementAndGet();
			}
		};
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SmtpClientAutoConfiguration.class, SmtpMailSenderAutoConfiguration.class))
			.withPropertyValues("smtp.url=smtp://127.0.0.1:" + closedPort)
			.withBean(SmtpEventListener.class, () -> counter)
			.run((context) -> {
				JavaMailSender mailSender = context.getBean(JavaMailSender.class);
				MimeMessage first = message(mailSender, "1", "a@test.example");
				MimeMessage second = message(mailSender, "2", "b@test.example");
				MimeMessage third = message(mailSender, "3", "c@test.example");
				assertThatExceptionOfType(MailSendException.class)
					.isThrownBy(() -> mailSender.send(first, second, third))
					.satisfies((ex) -> {
						assertThat(ex.getFailedMessages().keySet()).containsExactly(first, second, third);
						assertThat(ex.getMessageExceptions()).hasSize(3).doesNotContainNull();
						assertThat(ex.getMessageExceptions()[1]).isSameAs(ex.getMessageExceptions()[0]);
						assertThat(ex.getMessageExceptions()[2]).isSameAs(ex.getMessageExceptions()[0]);
					});
				assertThat(connectAttempts).hasValue(1);
			});
	}

}
