package dev.smtpclient.autoconfigure.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

import dev.smtpclient.Mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the drop-in hands the engine for a {@code MimeMessage}: the octets Jakarta Mail
 * writes, measured before the transaction, and for a large message written from the
 * message itself rather than from a copy.
 */
class MimeMessageContentTests {

	private final Session session = Session.getInstance(new Properties());

	private final List<Mail> sent = new ArrayList<>();

	private final SmtpJavaMailSender mailSender = new SmtpJavaMailSender((mail) -> {
		this.sent.add(mail);
		return null;
	}, "noreply@example.com");

	@Test
	void aLargeMessageIsWrittenFromTheMessageNotFromACopy() throws Exception {
		AtomicInteger writes = new AtomicInteger();
		MimeMessage message = new MimeMessage(this.session) {

			@Override
			public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
				writes.incrementAndGet();
				super.writeTo(out, ignoreList);
			}

		};
		message.setFrom("sender@example.com");
		message.setRecipients(MimeMessage.RecipientType.TO, "to@example.com");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("see attached");
		MimeBodyPart attachment = new MimeBodyPart();
		attachment.setContent(new byte[200_000], "application/octet-stream");
		message.setContent(new MimeMultipart(text, attachment));
		this.mailSender.send(message);
		Mail mail = this.sent.get(0);
		int measured = writes.get();
		byte[] first = content(mail);
		byte[] second = content(mail);
		assertThat(writes.get()).as("written again for each send").isEqualTo(measured + 2);
		assertThat(second).isEqualTo(first);
		ByteArrayOutputStream direct = new ByteArrayOutputStream();
		message.writeTo(direct, new String[] { "Bcc" });
		assertThat(first).isEqualTo(direct.toByteArray());
		assertThat(mail.content().size()).hasValue(first.length);
		assertThat(mail.content().isEightBit()).isFalse();
	}

	@Test
	void sizeCountsEveryLineEndingAsCrlfAndEightBitIsKnownBeforeSending() throws Exception {
		MimeMessage message = new MimeMessage(this.session);
		message.setFrom("sender@example.com");
		message.setRecipients(MimeMessage.RecipientType.TO, "to@example.com");
		message.setText("grüße\nzwei\n", "UTF-8");
		message.setHeader("Content-Transfer-Encoding", "8bit");
		this.mailSender.send(message);
		Mail mail = this.sent.get(0);
		byte[] bytes = content(mail);
		String wire = new String(bytes, StandardCharsets.UTF_8);
		assertThat(wire).contains("grüße\nzwei\n");
		long bareLineFeeds = wire.chars().filter((c) -> c == '\n').count() - wire.split("\r\n", -1).length + 1;
		assertThat(mail.content().size()).hasValue(bytes.length + bareLineFeeds);
		assertThat(mail.content().isEightBit()).isTrue();
		assertThat(mail.content().needsSmtpUtf8()).isFalse();
	}

	@Test
	void utf8InTheHeaderSectionNeedsSmtpUtf8() throws Exception {
		Properties properties = new Properties();
		properties.put("mail.mime.allowutf8", "true");
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom("sender@example.com");
		message.setRecipients(MimeMessage.RecipientType.TO, "to@example.com");
		message.setHeader("Subject", "Grüße");
		message.setText("plain");
		this.mailSender.send(message);
		assertThat(this.sent.get(0).content().needsSmtpUtf8()).isTrue();
	}

	@Test
	void aLineOverTheLimitFailsThePreparationBeforeAnythingIsSent() throws Exception {
		MimeMessage message = new MimeMessage(this.session);
		message.setFrom("sender@example.com");
		message.setRecipients(MimeMessage.RecipientType.TO, "to@example.com");
		message.setText("x".repeat(1200));
		message.setHeader("Content-Transfer-Encoding", "7bit");
		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> this.mailSender.send(message))
			.satisfies(
					(ex) -> assertThat(ex.getFailedMessages().get(message)).isInstanceOf(MailPreparationException.class)
						.rootCause()
						.hasMessageContaining("is longer than 998 octets"));
		assertThat(this.sent).isEmpty();
	}

	private static byte[] content(Mail mail) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		mail.content().writeTo(out);
		return out.toByteArray();
	}

}
