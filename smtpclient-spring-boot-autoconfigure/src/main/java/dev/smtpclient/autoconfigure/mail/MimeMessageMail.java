package dev.smtpclient.autoconfigure.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import dev.smtpclient.Envelope;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;

/**
 * Turns a {@link MimeMessage} into a {@link Mail}: the envelope from its addresses, the
 * content from {@link MimeMessage#writeTo(java.io.OutputStream, String[])} without the
 * Bcc header.
 */
final class MimeMessageMail {

	private static final String[] HIDDEN_HEADERS = { "Bcc" };

	private static final boolean ANGUS_PRESENT = ClassUtils.isPresent("org.eclipse.angus.mail.smtp.SMTPMessage",
			MimeMessageMail.class.getClassLoader());

	private MimeMessageMail() {
	}

	/**
	 * Prepares the message as {@code JavaMailSenderImpl} does (sent date, saved changes,
	 * the Message-ID kept) and converts it.
	 * @param message the message
	 * @param defaultFrom the From address for a message without one, or {@code null}
	 * @return the mail
	 * @throws MessagingException when the message cannot be read or has no sender or
	 * recipient
	 * @throws IOException when the message cannot be written
	 */
	static Mail of(MimeMessage message, @Nullable String defaultFrom) throws MessagingException, IOException {
		if (message.getFrom() == null && defaultFrom != null) {
			message.setFrom(new InternetAddress(defaultFrom));
		}
		if (message.getSentDate() == null) {
			message.setSentDate(new Date());
		}
		String messageId = message.getMessageID();
		message.saveChanges();
		if (messageId != null) {
			message.setHeader("Message-ID", messageId);
		}
		Envelope envelope = Envelope.of(sender(message), recipients(message));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out, HIDDEN_HEADERS);
		return Mail.of(envelope, MessageContent.ofBytes(out.toByteArray()));
	}

	private static String sender(MimeMessage message) throws MessagingException {
		if (ANGUS_PRESENT) {
			String envelopeFrom = AngusEnvelopeFrom.of(message);
			if (envelopeFrom != null) {
				return envelopeFrom;
			}
		}
		Address[] from = message.getFrom();
		if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
			return address.getAddress();
		}
		throw new MessagingException("the message has no sender: set From (or smtp.default-from)");
	}

	private static List<String> recipients(MimeMessage message) throws MessagingException {
		List<String> recipients = new ArrayList<>();
		for (RecipientType type : new RecipientType[] { RecipientType.TO, RecipientType.CC, RecipientType.BCC }) {
			Address[] addresses = message.getRecipients(type);
			if (addresses != null) {
				for (Address address : addresses) {
					if (address instanceof InternetAddress internet) {
						recipients.add(internet.getAddress());
					}
				}
			}
		}
		if (recipients.isEmpty()) {
			throw new MessagingException("the message has no recipient in To, Cc or Bcc");
		}
		return recipients;
	}

	/**
	 * The envelope sender Angus Mail's {@code SMTPMessage} may carry, kept apart so that
	 * the class is only loaded when Angus Mail is present.
	 */
	private static final class AngusEnvelopeFrom {

		static @Nullable String of(MimeMessage message) {
			if (message instanceof org.eclipse.angus.mail.smtp.SMTPMessage smtp) {
				String envelopeFrom = smtp.getEnvelopeFrom();
				return (envelopeFrom != null && !envelopeFrom.isBlank()) ? envelopeFrom : null;
			}
			return null;
		}

	}

}
