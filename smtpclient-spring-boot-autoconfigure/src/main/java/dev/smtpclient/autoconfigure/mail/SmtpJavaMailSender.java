package dev.smtpclient.autoconfigure.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.smtpclient.Mail;
import dev.smtpclient.RecipientResult;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpAuthenticationException;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpRecipientsRejectedException;
import dev.smtpclient.autoconfigure.SmtpSender;
import dev.smtpclient.message.ComposedMessage;

/**
 * A {@link JavaMailSender} that sends through the pooled client: Spring's mail API with
 * this library's connection pool, TLS defaults and instrumentation. A {@link MimeMessage}
 * is written by Jakarta Mail and a {@link SimpleMailMessage} composed by this library
 * (with Jakarta Mail for the few it cannot express as Spring would); each is sent with
 * the envelope taken from it (sender from the envelope-from or From, recipients from To,
 * Cc and Bcc), and the Bcc header is never sent.
 * <p>
 * Failures follow {@link JavaMailSenderImpl} with Angus Mail's defaults: a message that
 * any recipient refused counts as failed (a {@link SendFailedException} naming the
 * refused, unsent and sent addresses); the {@link MailSendException} holds each failed
 * message as the caller passed it, in order; refused credentials throw a
 * {@link MailAuthenticationException}; and when the server cannot be reached, the
 * remaining messages of the call fail at once with the same cause rather than each
 * waiting for its own connection attempt.
 */
public final class SmtpJavaMailSender implements JavaMailSender {

	private final SmtpSender sender;

	private final @Nullable String defaultFrom;

	/**
	 * Creates Spring's own {@code SmartMimeMessage}s, which carry the default encoding
	 * and one shared file type map to {@code MimeMessageHelper}; never used to send.
	 */
	private final JavaMailSenderImpl messageFactory = new JavaMailSenderImpl();

	private final StreamProviderLookup streamProviders = StreamProviderLookup.create();

	private final SimpleMessageComposer composer;

	private final SimpleMessageConverter simpleMessages;

	/**
	 * Creates a sender whose messages default to UTF-8.
	 * @param sender sends the converted messages
	 * @param defaultFrom the From address of messages without one, or {@code null}
	 */
	public SmtpJavaMailSender(SmtpSender sender, @Nullable String defaultFrom) {
		this(sender, defaultFrom, StandardCharsets.UTF_8);
	}

	/**
	 * Creates a sender.
	 * @param sender sends the converted messages
	 * @param defaultFrom the From address of messages without one, or {@code null}
	 * @param defaultEncoding the encoding of the messages {@link #createMimeMessage()}
	 * creates, which {@code MimeMessageHelper} uses when given none
	 */
	public SmtpJavaMailSender(SmtpSender sender, @Nullable String defaultFrom, Charset defaultEncoding) {
		this.sender = sender;
		this.defaultFrom = defaultFrom;
		Session session = Session.getInstance(new Properties());
		this.messageFactory.setSession(session);
		this.messageFactory.setDefaultEncoding(defaultEncoding.name());
		this.composer = new SimpleMessageComposer(defaultFrom, defaultEncoding);
		this.simpleMessages = new SimpleMessageConverter(session, defaultEncoding.name());
	}

	@Override
	public MimeMessage createMimeMessage() {
		return this.messageFactory.createMimeMessage();
	}

	@Override
	public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
		return this.messageFactory.createMimeMessage(contentStream);
	}

	@Override
	public void send(MimeMessage... mimeMessages) throws MailException {
		PreparedMail[] prepared = new PreparedMail[mimeMessages.length];
		for (int i = 0; i < mimeMessages.length; i++) {
			prepared[i] = jakartaMail(mimeMessages[i]);
		}
		doSend(prepared, mimeMessages);
	}

	@Override
	public void send(SimpleMailMessage... simpleMessages) throws MailException {
		PreparedMail[] prepared = new PreparedMail[simpleMessages.length];
		for (int i = 0; i < simpleMessages.length; i++) {
			SimpleMailMessage simpleMessage = simpleMessages[i];
			ComposedMessage composed = this.composer.compose(simpleMessage);
			if (composed != null) {
				prepared[i] = () -> composed;
				continue;
			}
			try {
				// an encoded subject or name looks up Jakarta Mail's stream provider
				prepared[i] = jakartaMail(this.streamProviders.run(() -> this.simpleMessages.convert(simpleMessage)));
			}
			catch (MessagingException | IOException ex) {
				throw new MailPreparationException("Could not prepare the message", ex);
			}
		}
		doSend(prepared, simpleMessages);
	}

	private PreparedMail jakartaMail(MimeMessage message) {
		return () -> this.streamProviders
			.run(() -> MimeMessageMail.of(message, this.defaultFrom, this.streamProviders));
	}

	/**
	 * Sends each message, keying failures by the caller's own message objects, as
	 * {@code JavaMailSenderImpl} does.
	 */
	private void doSend(PreparedMail[] prepared, Object[] originals) {
		Map<Object, Exception> failures = new LinkedHashMap<>();
		for (int i = 0; i < prepared.length; i++) {
			Mail mail;
			try {
				mail = prepared[i].mail();
			}
			catch (MessagingException | IOException | IllegalArgumentException ex) {
				failures.put(originals[i], new MailPreparationException("Could not prepare the message", ex));
				continue;
			}
			SendResult result;
			try {
				result = this.sender.send(mail);
			}
			catch (IllegalArgumentException ex) {
				failures.put(originals[i], new MailPreparationException("Could not prepare the message", ex));
				continue;
			}
			catch (SmtpAuthenticationException ex) {
				throw new MailAuthenticationException("Authentication failed: " + ex.getMessage(), ex);
			}
			catch (SmtpRecipientsRejectedException ex) {
				failures.put(originals[i], refused(ex.recipients(), false, ex));
				continue;
			}
			catch (SmtpException ex) {
				if (!ConnectionFailure.isConnectionFailure(ex)) {
					failures.put(originals[i], ex);
					continue;
				}
				failRemaining(originals, i, ex, failures);
				throw new MailSendException("Mail server connection failed: " + ex.getMessage(), ex, failures);
			}
			catch (IllegalStateException ex) {
				// the client was closed (the application is shutting down): nothing more
				// can go out
				failRemaining(originals, i, ex, failures);
				throw new MailSendException("The SMTP client is closed", ex, failures);
			}
			if (result != null && anyRejected(result)) {
				failures.put(originals[i], refused(result.recipients(), true, null));
			}
		}
		if (!failures.isEmpty()) {
			throw new MailSendException(failures);
		}
	}

	private static boolean anyRejected(SendResult result) {
		for (RecipientResult recipient : result.recipients()) {
			if (!recipient.accepted()) {
				return true;
			}
		}
		return false;
	}

	private static void failRemaining(Object[] originals, int from, Exception cause, Map<Object, Exception> failures) {
		for (int j = from; j < originals.length; j++) {
			failures.put(originals[j], cause);
		}
	}

	/**
	 * A message ready for the client, or the step that makes it one.
	 */
	@FunctionalInterface
	private interface PreparedMail {

		Mail mail() throws MessagingException, IOException;

	}

	/**
	 * Angus Mail's exception for refused recipients, so that code reading
	 * {@link SendFailedException#getInvalidAddresses()} keeps working.
	 */
	private static SendFailedException refused(List<RecipientResult> recipients, boolean sentToAccepted,
			@Nullable Exception cause) {
		List<RecipientResult> rejected = recipients.stream().filter((recipient) -> !recipient.accepted()).toList();
		Address[] invalid = addresses(rejected);
		Address[] accepted = addresses(recipients.stream().filter(RecipientResult::accepted).toList());
		String message = rejected.size() + " of " + recipients.size() + " recipients refused: " + rejected
				+ (sentToAccepted ? "; sent to the others" : "; sent to nobody");
		return new SendFailedException(message, cause, sentToAccepted ? accepted : new Address[0],
				sentToAccepted ? new Address[0] : accepted, invalid);
	}

	private static Address[] addresses(List<RecipientResult> recipients) {
		Address[] addresses = new Address[recipients.size()];
		for (int i = 0; i < addresses.length; i++) {
			try {
				addresses[i] = new InternetAddress(recipients.get(i).address(), false);
			}
			catch (AddressException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return addresses;
	}

}
