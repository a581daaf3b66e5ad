package dev.smtpclient.autoconfigure.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMailMessage;

import dev.smtpclient.SmtpException;
import dev.smtpclient.autoconfigure.SmtpSender;

/**
 * A {@link JavaMailSender} that sends through the pooled client: Spring's mail API with this library's
 * connection pool, TLS defaults and instrumentation. Messages are written with Jakarta Mail and sent with the
 * envelope taken from them (sender from the envelope-from or From, recipients from To, Cc and Bcc); the Bcc
 * header is never sent.
 */
public final class SmtpJavaMailSender implements JavaMailSender {

	private final SmtpSender sender;

	private final @Nullable String defaultFrom;

	private final Session session = Session.getInstance(new Properties());

	/**
	 * Creates a sender.
	 * @param sender sends the converted messages
	 * @param defaultFrom the From address of messages without one, or {@code null}
	 */
	public SmtpJavaMailSender(SmtpSender sender, @Nullable String defaultFrom) {
		this.sender = sender;
		this.defaultFrom = defaultFrom;
	}

	@Override
	public MimeMessage createMimeMessage() {
		return new MimeMessage(this.session);
	}

	@Override
	public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
		try {
			return new MimeMessage(this.session, contentStream);
		}
		catch (MessagingException ex) {
			throw new MailParseException("Could not parse raw MIME content", ex);
		}
	}

	@Override
	public void send(MimeMessage... mimeMessages) throws MailException {
		Map<Object, Exception> failures = new LinkedHashMap<>();
		for (MimeMessage message : mimeMessages) {
			try {
				this.sender.send(MimeMessageMail.of(message, this.defaultFrom));
			}
			catch (MessagingException | IOException | IllegalArgumentException ex) {
				failures.put(message, new MailPreparationException("Could not prepare the message", ex));
			}
			catch (SmtpException ex) {
				failures.put(message, ex);
			}
		}
		if (!failures.isEmpty()) {
			throw new MailSendException(failures);
		}
	}

	@Override
	public void send(SimpleMailMessage... simpleMessages) throws MailException {
		MimeMessage[] mimeMessages = new MimeMessage[simpleMessages.length];
		for (int i = 0; i < simpleMessages.length; i++) {
			MimeMailMessage message = new MimeMailMessage(createMimeMessage());
			simpleMessages[i].copyTo(message);
			mimeMessages[i] = message.getMimeMessage();
		}
		send(mimeMessages);
	}

}
