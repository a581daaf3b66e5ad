package dev.smtpclient.autoconfigure.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.MimeMessageHelper;

import dev.smtpclient.Mail;
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
			.satisfies((ex) -> assertThat(ex.getFailedMessages().get(message))
				.isInstanceOf(MailPreparationException.class)
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

	private static String content(Mail mail) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		mail.content().writeTo(out);
		return out.toString(StandardCharsets.UTF_8);
	}

}
