package dev.smtpclient.autoconfigure.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailParseException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMailMessage;

import dev.smtpclient.Mail;
import dev.smtpclient.message.ComposedMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code send(SimpleMailMessage...)}: the message a recipient reads is the one
 * {@code JavaMailSenderImpl} sends, field by field, whether this library or Jakarta Mail
 * composed it.
 */
class SimpleMessageSendingTests {

	private static final Date SENT_DATE = new Date(1_796_000_000_000L);

	private final Session session = Session.getInstance(new Properties());

	private final List<Mail> sent = new ArrayList<>();

	@Test
	void aRecipientReadsWhatJavaMailSenderImplSends() throws Exception {
		List<SimpleMailMessage> messages = List.of(simple("plain text\n.a line starting with a dot\n", "Subject"),
				simple("Grüße aus Köln, ünïcode\r\n", "Grüße"), simple("x".repeat(1200) + "\n", "long line"),
				simple("y".repeat(998) + "\n" + "z".repeat(999), "998 and 999 octets"), simple("日本語のテキスト", "日本語の件名"),
				simple("tab\there", "tab\tin the subject"));
		messages.get(1).setFrom("Sénder Ünïcode <sender@example.com>");
		messages.get(1).setTo("\"Doe, Jane\" <jane@example.com>", "Çédric <cedric@example.com>");
		messages.get(1).setCc("Çc <cc@example.com>", "plain@example.com");
		messages.get(1).setReplyTo("Réponse <reply@example.com>");
		messages.get(1).setBcc("hidden@example.com", "Hidden Too <hidden2@example.com>");
		messages.get(2).setSentDate(SENT_DATE);
		messages.get(4).setFrom("山田 <yamada@example.jp>");
		messages.get(4).setSentDate(SENT_DATE);
		for (String encoding : List.of("UTF-8", "ISO-8859-1")) {
			SmtpJavaMailSender mailSender = new SmtpJavaMailSender((mail) -> {
				this.sent.add(mail);
				return null;
			}, "noreply@example.com", Charset.forName(encoding));
			JavaMailSenderImpl boot = new JavaMailSenderImpl();
			boot.setDefaultEncoding(encoding);
			for (SimpleMailMessage simple : messages) {
				String name = encoding + " " + simple.getSubject();
				mailSender.send(simple);
				Mail mail = this.sent.get(this.sent.size() - 1);
				MimeMessage ours = parse(content(mail));
				MimeMessage expected = boot.createMimeMessage();
				simple.copyTo(new MimeMailMessage(expected));
				if (expected.getFrom() == null) {
					expected.setFrom("noreply@example.com");
				}
				expected.saveChanges();
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				expected.writeTo(out, new String[] { "Bcc" });
				MimeMessage theirs = parse(out.toByteArray());
				assertThat(addresses(ours.getFrom())).as(name).isEqualTo(addresses(theirs.getFrom()));
				assertThat(addresses(ours.getReplyTo())).as(name).isEqualTo(addresses(theirs.getReplyTo()));
				assertThat(addresses(ours.getRecipients(RecipientType.TO))).as(name)
					.isEqualTo(addresses(theirs.getRecipients(RecipientType.TO)));
				assertThat(addresses(ours.getRecipients(RecipientType.CC))).as(name)
					.isEqualTo(addresses(theirs.getRecipients(RecipientType.CC)));
				assertThat(ours.getHeader("Bcc")).as(name).isNull();
				assertThat(theirs.getHeader("Bcc")).as(name).isNull();
				assertThat(mail.envelope().recipients()).as(name).containsExactlyElementsOf(envelope(expected));
				assertThat(mail.envelope().sender()).as(name)
					.isEqualTo(((InternetAddress) expected.getFrom()[0]).getAddress());
				assertThat(ours.getSubject()).as(name).isEqualTo(theirs.getSubject());
				if (simple.getSentDate() != null) {
					assertThat(ours.getSentDate()).as(name).isEqualTo(SENT_DATE);
				}
				else {
					assertThat(ours.getSentDate()).as(name).isCloseTo(new Date(), 60_000);
				}
				assertThat(ours.getMessageID()).as(name).isNotBlank();
				ContentType ourType = new ContentType(ours.getContentType());
				ContentType theirType = new ContentType(theirs.getContentType());
				assertThat(ourType.getBaseType()).as(name).isEqualToIgnoringCase("text/plain");
				assertThat(ourType.getParameter("charset")).as(name)
					.isEqualToIgnoringCase(theirType.getParameter("charset"));
				// on the wire every line ends in CRLF, the last one too (RFC 5321
				// 4.1.1.4), whatever the text had
				assertThat(crlf((String) ours.getContent())).as(name).isEqualTo(crlf((String) theirs.getContent()));
				if (Charset.forName(encoding).newEncoder().canEncode(simple.getText())) {
					assertThat(crlf((String) ours.getContent())).as(name).isEqualTo(crlf(simple.getText()));
					assertThat(ours.getSubject()).as(name).isEqualTo(simple.getSubject());
				}
				for (String line : new String(content(mail), StandardCharsets.ISO_8859_1).split("\r\n")) {
					assertThat(line.length()).as(name).isLessThanOrEqualTo(998);
				}
			}
		}
	}

	@Test
	void simpleMessagesAreComposedWithoutJakartaMail() throws Exception {
		SmtpJavaMailSender mailSender = sender(StandardCharsets.ISO_8859_1);
		SimpleMailMessage message = simple("Grüße", "Grüße");
		message.setFrom("Sénder <sender@example.com>");
		message.setBcc("hidden@example.com");
		mailSender.send(message);
		Mail mail = this.sent.get(0);
		assertThat(mail).isInstanceOf(ComposedMessage.class);
		assertThat(mail.envelope().recipients()).containsExactly("to@example.com", "hidden@example.com");
		String wire = new String(content(mail), StandardCharsets.ISO_8859_1);
		assertThat(wire).containsIgnoringCase("charset=\"ISO-8859-1\"").doesNotContain("hidden@example.com");
	}

	@Test
	void aSubjectAndNamesTheDefaultEncodingCannotHoldArriveIntact() throws Exception {
		// JavaMailSenderImpl encodes them in the default encoding, which turns each
		// character it cannot hold into '?'; encoded words in UTF-8 keep them
		SimpleMailMessage simple = simple("Grüße", "日本語の件名");
		simple.setFrom("山田 <yamada@example.jp>");
		sender(StandardCharsets.ISO_8859_1).send(simple);
		MimeMessage ours = parse(content(this.sent.get(0)));
		assertThat(ours.getSubject()).isEqualTo("日本語の件名");
		assertThat(((InternetAddress) ours.getFrom()[0]).getPersonal()).isEqualTo("山田");
		assertThat(ours.getContent()).isEqualTo("Grüße");
		assertThat(new ContentType(ours.getContentType()).getParameter("charset")).isEqualTo("ISO-8859-1");
	}

	@Test
	void textTheDefaultEncodingCannotHoldIsWrittenAsJakartaMailWritesIt() throws Exception {
		sender(StandardCharsets.ISO_8859_1).send(simple("日本語", "s"));
		assertThat(this.sent.get(0)).isNotInstanceOf(ComposedMessage.class);
	}

	@Test
	void aBadAddressIsAMailParseExceptionAndNothingIsSent() {
		SmtpJavaMailSender mailSender = sender(StandardCharsets.UTF_8);
		SimpleMailMessage good = simple("text", "s");
		for (String bad : List.of("not an address", "a@example.com, b@example.com",
				"to@example.com\r\nBcc: x@evil.test", "<>")) {
			SimpleMailMessage message = simple("text", "s");
			message.setTo(bad);
			assertThatExceptionOfType(MailParseException.class).as(bad)
				.isThrownBy(() -> mailSender.send(good, message));
		}
		SimpleMailMessage injected = simple("text", "s\r\nBcc: x@evil.test");
		assertThatExceptionOfType(MailParseException.class).isThrownBy(() -> mailSender.send(injected));
		// also for a message left to Jakarta Mail (no text)
		injected.setText(null);
		assertThatExceptionOfType(MailParseException.class).isThrownBy(() -> mailSender.send(injected));
		assertThat(this.sent).isEmpty();
	}

	private SmtpJavaMailSender sender(Charset encoding) {
		return new SmtpJavaMailSender((mail) -> {
			this.sent.add(mail);
			return null;
		}, "noreply@example.com", encoding);
	}

	private MimeMessage parse(byte[] octets) throws Exception {
		return new MimeMessage(this.session, new ByteArrayInputStream(octets));
	}

	private static @Nullable List<String> addresses(Address @Nullable [] addresses) {
		return (addresses != null)
				? Arrays.stream(addresses).map((address) -> ((InternetAddress) address).toUnicodeString()).toList()
				: null;
	}

	private static List<String> envelope(MimeMessage message) throws Exception {
		return Arrays.stream(message.getAllRecipients())
			.map((address) -> ((InternetAddress) address).getAddress())
			.toList();
	}

	private static String crlf(String text) {
		String crlf = text.replaceAll("\r?\n|\r", "\r\n");
		return crlf.endsWith("\r\n") ? crlf : crlf + "\r\n";
	}

	private static SimpleMailMessage simple(String text, String subject) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setTo("to@example.com");
		message.setSubject(subject);
		message.setText(text);
		return message;
	}

	private static byte[] content(Mail mail) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		mail.content().writeTo(out);
		return out.toByteArray();
	}

}
