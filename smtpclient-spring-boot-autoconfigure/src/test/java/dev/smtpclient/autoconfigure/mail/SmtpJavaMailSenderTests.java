package dev.smtpclient.autoconfigure.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.MimeMessageHelper;

import dev.smtpclient.Mail;
import dev.smtpclient.RecipientResult;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpAuthenticationException;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpReplyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SmtpJavaMailSenderTests {

	private final List<Mail> sent = new ArrayList<>();

	private final SmtpJavaMailSender mailSender = new SmtpJavaMailSender((mail) -> {
		this.sent.add(mail);
		return null;
	}, "noreply@example.com");

	@Test
	void envelopeFromTheHeadersAndNoBccHeaderOnTheWire() throws Exception {
		MimeMessage message = this.mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom("Sender <sender@example.com>");
		helper.setTo("to@example.com");
		helper.setCc("cc@example.com");
		helper.setBcc("hidden@example.com");
		helper.setSubject("Grüße");
		helper.setText("body");
		this.mailSender.send(message);
		Mail mail = this.sent.get(0);
		assertThat(mail.envelope().sender()).isEqualTo("sender@example.com");
		assertThat(mail.envelope().recipients()).containsExactly("to@example.com", "cc@example.com",
				"hidden@example.com");
		String wire = content(mail);
		assertThat(wire).contains("To: to@example.com", "Cc: cc@example.com", "Message-ID: ", "Date: ")
			.doesNotContain("Bcc", "hidden@example.com");
	}

	@Test
	void envelopeFromOfAnAngusMessageWins() throws Exception {
		SMTPMessage message = new SMTPMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
		message.setEnvelopeFrom("bounces@example.com");
		message.setFrom("sender@example.com");
		message.setRecipients(jakarta.mail.Message.RecipientType.TO, "to@example.com");
		message.setText("x");
		this.mailSender.send(message);
		assertThat(this.sent.get(0).envelope().sender()).isEqualTo("bounces@example.com");
	}

	@Test
	void aGivenMessageIdIsKept() throws Exception {
		MimeMessage message = this.mailSender.createMimeMessage();
		new MimeMessageHelper(message).setTo("to@example.com");
		message.setText("x");
		message.setHeader("Message-ID", "<kept@example.com>");
		this.mailSender.send(message);
		assertThat(content(this.sent.get(0))).contains("Message-ID: <kept@example.com>");
	}

	@Test
	void simpleMessagesUseTheDefaultFrom() throws Exception {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setTo("to@example.com");
		message.setSubject("s");
		message.setText("plain");
		this.mailSender.send(message);
		Mail mail = this.sent.get(0);
		assertThat(mail.envelope().sender()).isEqualTo("noreply@example.com");
		assertThat(content(mail)).contains("From: noreply@example.com", "plain");
	}

	@Test
	void aMessageWithoutRecipientsIsNotSent() {
		MimeMessage message = this.mailSender.createMimeMessage();
		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> this.mailSender.send(message))
			.satisfies(
					(ex) -> assertThat(ex.getFailedMessages().get(message)).isInstanceOf(MailPreparationException.class)
						.hasRootCauseMessage("the message has no recipient in To, Cc or Bcc"));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void smtpFailuresAreReportedPerMessage() throws Exception {
		SmtpReplyException refused = new SmtpReplyException(SmtpPhase.MAIL, new SmtpReply(550, List.of("no")));
		SmtpJavaMailSender failing = new SmtpJavaMailSender((mail) -> {
			throw refused;
		}, null);
		MimeMessage message = failing.createMimeMessage();
		new MimeMessageHelper(message).setTo("to@example.com");
		message.setFrom("a@example.com");
		message.setText("x");
		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> failing.send(message))
			.satisfies((ex) -> assertThat(ex.getFailedMessages()).containsEntry(message, refused));
	}

	@Test
	void failuresAreKeyedByTheCallersSimpleMessagesInOrder() {
		SmtpReplyException refused = new SmtpReplyException(SmtpPhase.DATA, new SmtpReply(554, List.of("no")));
		SmtpJavaMailSender failing = new SmtpJavaMailSender((mail) -> {
			if (mail.envelope().recipients().contains("good@example.com")) {
				return null;
			}
			throw refused;
		}, "app@example.com");
		SimpleMailMessage first = simple("bad1@example.com");
		SimpleMailMessage second = simple("good@example.com");
		SimpleMailMessage third = simple("bad2@example.com");
		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> failing.send(first, second, third))
			.satisfies((ex) -> {
				assertThat(ex.getFailedMessages().keySet()).containsExactly(first, third);
				assertThat(ex.getMessageExceptions()).containsExactly(refused, refused);
			});
	}

	@Test
	void aMessageSomeRecipientsRefusedIsAFailure() {
		SmtpJavaMailSender partial = new SmtpJavaMailSender((mail) -> new SendResult(mail.envelope().sender(),
				List.of(new RecipientResult("to@example.com", new SmtpReply(250, List.of("ok"))),
						new RecipientResult("gone@example.com", new SmtpReply(550, List.of("no such user")))),
				new SmtpReply(250, List.of("queued as ABC")), 100, 1), "app@example.com");
		SimpleMailMessage message = new SimpleMailMessage();
		message.setTo("to@example.com", "gone@example.com");
		message.setText("x");
		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> partial.send(message))
			.satisfies((ex) -> assertThat(ex.getFailedMessages().get(message))
				.isInstanceOfSatisfying(SendFailedException.class, (failed) -> {
					assertThat(failed.getInvalidAddresses()).extracting(Object::toString)
						.containsExactly("gone@example.com");
					assertThat(failed.getValidSentAddresses()).extracting(Object::toString)
						.containsExactly("to@example.com");
				}));
	}

	@Test
	void aClosedClientIsAMailSendExceptionForEveryMessage() {
		SmtpClient client = SmtpClient.builder("smtp://mail.example.com").test(true).build();
		client.close();
		SmtpJavaMailSender closed = new SmtpJavaMailSender(client::send, "app@example.com");
		SimpleMailMessage first = simple("a@example.com");
		SimpleMailMessage second = simple("b@example.com");
		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> closed.send(first, second))
			.satisfies((ex) -> assertThat(ex.getFailedMessages().keySet()).containsExactly(first, second));
	}

	@Test
	void refusedCredentialsAreAMailAuthenticationException() {
		SmtpJavaMailSender refusing = new SmtpJavaMailSender((mail) -> {
			throw new SmtpAuthenticationException("authentication failed",
					new SmtpReply(535, List.of("5.7.8 Error: authentication failed")));
		}, "app@example.com");
		assertThatExceptionOfType(MailAuthenticationException.class)
			.isThrownBy(() -> refusing.send(simple("a@example.com")));
	}

	@Test
	void createdMessagesShareOneFileTypeMap() throws Exception {
		MimeMessageHelper first = new MimeMessageHelper(this.mailSender.createMimeMessage());
		MimeMessageHelper second = new MimeMessageHelper(this.mailSender.createMimeMessage());
		// a new map per message parses mime.types for every message
		assertThat(first.getFileTypeMap()).isSameAs(second.getFileTypeMap());
	}

	private static SimpleMailMessage simple(String to) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setTo(to);
		message.setSubject("s");
		message.setText("x");
		return message;
	}

	private static String content(Mail mail) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		mail.content().writeTo(out);
		return out.toString(StandardCharsets.UTF_8);
	}

}
