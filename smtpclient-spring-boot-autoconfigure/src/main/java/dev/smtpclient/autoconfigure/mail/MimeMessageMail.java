package dev.smtpclient.autoconfigure.mail;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import dev.smtpclient.Envelope;
import dev.smtpclient.Mail;

/**
 * Turns a {@link MimeMessage} into a {@link Mail}: the envelope from its addresses, the
 * content written by {@link MimeMessage#writeTo(java.io.OutputStream, String[])} without
 * the Bcc header (see {@link MimeMessageContent}).
 */
final class MimeMessageMail {

	/**
	 * The Date header as Jakarta Mail's {@code MailDateFormat} writes it, minus the zone
	 * comment; thread-safe, where {@code MimeMessage.setSentDate} holds a lock shared by
	 * every message in the JVM.
	 */
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

	private static final boolean ANGUS_PRESENT = ClassUtils.isPresent("org.eclipse.angus.mail.smtp.SMTPMessage",
			MimeMessageMail.class.getClassLoader());

	/** Messages sent in the same second share their Date header. */
	private static volatile @Nullable FormattedDate lastDate;

	private MimeMessageMail() {
	}

	/**
	 * Prepares the message as {@code JavaMailSenderImpl} does (sent date, saved changes,
	 * the Message-ID kept) and converts it.
	 * @param message the message
	 * @param defaultFrom the From address for a message without one, or {@code null}
	 * @param streamProviders the look-up to write the message with
	 * @return the mail
	 * @throws MessagingException when the message cannot be read or has no sender or
	 * recipient
	 * @throws IOException when the message cannot be written
	 */
	static Mail of(MimeMessage message, @Nullable String defaultFrom, StreamProviderLookup streamProviders)
			throws MessagingException, IOException {
		if (message.getFrom() == null && defaultFrom != null) {
			message.setFrom(new InternetAddress(defaultFrom));
		}
		// parsing a Date header takes the shared lock too: only when there is one
		if (message.getHeader("Date", null) == null || message.getSentDate() == null) {
			message.setHeader("Date", date(new Date()));
		}
		String messageId = message.getMessageID();
		message.saveChanges();
		if (messageId != null) {
			message.setHeader("Message-ID", messageId);
		}
		Envelope envelope = Envelope.of(sender(message), recipients(message));
		return Mail.of(envelope, MimeMessageContent.of(message, streamProviders));
	}

	/**
	 * Formats a Date header value.
	 * @param date the date
	 * @return the value
	 */
	static String date(Date date) {
		long second = Math.floorDiv(date.getTime(), 1000);
		FormattedDate last = lastDate;
		if (last != null && last.second() == second) {
			return last.value();
		}
		String value = DATE.format(ZonedDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault()));
		lastDate = new FormattedDate(second, value);
		return value;
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

	private record FormattedDate(long second, String value) {
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
