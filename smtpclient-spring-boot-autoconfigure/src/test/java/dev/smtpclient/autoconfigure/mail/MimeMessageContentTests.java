package dev.smtpclient.autoconfigure.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMailMessage;

import dev.smtpclient.Mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the drop-in hands the engine for a message: the same octets Jakarta Mail writes,
 * measured before the transaction, and for a large message written from the message
 * itself rather than from a copy.
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

	@Test
	void simpleMessagesAreWrittenAsJavaMailSenderImplWritesThem() throws Exception {
		Date sentDate = new Date(1_796_000_000_000L);
		List<SimpleMailMessage> messages = List.of(simple("plain text\n.a line starting with a dot\n", "Subject"),
				simple("Grüße aus Köln, ünïcode\n", "Grüße"), simple("x".repeat(1200), "long line"),
				simple("日本語のテキスト", "日本語"));
		messages.get(1).setFrom("Sénder <sender@example.com>");
		messages.get(1).setCc("Çc <cc@example.com>");
		messages.get(1).setReplyTo("reply@example.com");
		messages.get(1).setBcc("hidden@example.com");
		messages.get(2).setSentDate(sentDate);
		for (String encoding : List.of("UTF-8", "ISO-8859-1")) {
			this.sent.clear();
			SmtpJavaMailSender mailSender = new SmtpJavaMailSender((mail) -> {
				this.sent.add(mail);
				return null;
			}, "noreply@example.com", java.nio.charset.Charset.forName(encoding));
			JavaMailSenderImpl boot = new JavaMailSenderImpl();
			boot.setDefaultEncoding(encoding);
			for (SimpleMailMessage simple : messages) {
				mailSender.send(simple);
				MimeMessage expected = boot.createMimeMessage();
				simple.copyTo(new MimeMailMessage(expected));
				if (expected.getFrom() == null) {
					expected.setFrom("noreply@example.com");
				}
				expected.saveChanges();
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				expected.writeTo(out, new String[] { "Bcc" });
				String wire = new String(content(this.sent.get(this.sent.size() - 1)), StandardCharsets.ISO_8859_1);
				assertThat(withoutDateAndId(wire)).as(encoding + " " + simple.getSubject())
					.isEqualTo(withoutDateAndId(out.toString(StandardCharsets.ISO_8859_1)));
				String date = wire.lines().filter((line) -> line.startsWith("Date: ")).findFirst().orElseThrow();
				Date parsed = new MailDateFormat().parse(date.substring(6));
				if (simple.getSentDate() != null) {
					assertThat(parsed).isEqualTo(sentDate);
				}
				else {
					assertThat(parsed).isCloseTo(new Date(), 60_000);
				}
			}
		}
	}

	private static SimpleMailMessage simple(String text, String subject) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setTo("to@example.com");
		message.setSubject(subject);
		message.setText(text);
		return message;
	}

	private static String withoutDateAndId(String message) {
		return message.replaceAll("(?m)^(Date|Message-ID): .*\r\n", "");
	}

	private static byte[] content(Mail mail) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		mail.content().writeTo(out);
		return out.toByteArray();
	}

}
