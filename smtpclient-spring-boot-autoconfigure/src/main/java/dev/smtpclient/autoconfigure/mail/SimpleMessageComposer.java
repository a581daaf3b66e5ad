package dev.smtpclient.autoconfigure.mail;

import java.nio.charset.Charset;
import java.util.Date;

import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailParseException;
import org.springframework.mail.SimpleMailMessage;

import dev.smtpclient.InvalidInputException;
import dev.smtpclient.message.Address;
import dev.smtpclient.message.ComposedMessage;
import dev.smtpclient.message.Message;

/**
 * Composes a {@link SimpleMailMessage} with this library's own {@link Message}, without
 * Jakarta Mail: every field {@code MimeMailMessage} copies (From, Reply-To, To, Cc, Bcc,
 * sent date, subject and text), each address one mailbox as {@code MimeMessageHelper}
 * parses it, the Bcc recipients in the envelope only, and the text in the default
 * encoding. Composing through Jakarta Mail cost the drop-in about as much CPU as sending.
 * <p>
 * A message this composer cannot express exactly as {@code JavaMailSenderImpl} would (no
 * text, no subject, no sender, text the default encoding cannot hold, an address only
 * Jakarta Mail's more lenient parser accepts) is left to Jakarta Mail: {@link #compose}
 * returns {@code null}. A control character in an address or the subject is refused
 * either way.
 */
final class SimpleMessageComposer {

	private final @Nullable String defaultFrom;

	private final Charset charset;

	SimpleMessageComposer(@Nullable String defaultFrom, Charset charset) {
		this.defaultFrom = defaultFrom;
		this.charset = charset;
	}

	/**
	 * Composes a message.
	 * @param simple the message
	 * @return the composed message, or {@code null} when Jakarta Mail should write it
	 * @throws MailParseException when an address or the subject holds a control character
	 */
	@Nullable ComposedMessage compose(SimpleMailMessage simple) {
		String from = (simple.getFrom() != null) ? simple.getFrom() : this.defaultFrom;
		if (hasControlCharacter(simple, from)) {
			// refused on either path: Jakarta Mail would write a subject's line break
			throw new MailParseException("Could not parse mail: a control character in an address or the subject");
		}
		String subject = simple.getSubject();
		String text = simple.getText();
		if (from == null || subject == null || text == null) {
			return null;
		}
		try {
			Message message = new Message(from, subject);
			message.setBody(text, "text/plain", this.charset);
			String[] to = simple.getTo();
			if (to != null) {
				for (String address : to) {
					message.addTo(Address.parse(address));
				}
			}
			String[] cc = simple.getCc();
			if (cc != null) {
				for (String address : cc) {
					message.addCc(Address.parse(address));
				}
			}
			String[] bcc = simple.getBcc();
			if (bcc != null) {
				for (String address : bcc) {
					message.addBcc(Address.parse(address));
				}
			}
			if (simple.getReplyTo() != null) {
				// one mailbox, as MimeMessageHelper parses it
				Address.parse(simple.getReplyTo());
				message.setHeader("Reply-To", simple.getReplyTo());
			}
			Date sentDate = simple.getSentDate();
			if (sentDate != null) {
				message.setHeader("Date", MimeMessageMail.date(sentDate));
			}
			if (!message.isSendPossible()) {
				return null;
			}
			return message.snapshot();
		}
		catch (InvalidInputException ex) {
			// Jakarta Mail's rules decide, as with JavaMailSenderImpl
			return null;
		}
	}

	private static boolean hasControlCharacter(SimpleMailMessage simple, @Nullable String from) {
		if (hasControlCharacter(from) || hasControlCharacter(simple.getSubject())
				|| hasControlCharacter(simple.getReplyTo())) {
			return true;
		}
		for (String[] addresses : new String[][] { simple.getTo(), simple.getCc(), simple.getBcc() }) {
			if (addresses != null) {
				for (String address : addresses) {
					if (hasControlCharacter(address)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean hasControlCharacter(@Nullable String value) {
		if (value != null) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				// a tab is left to Jakarta Mail, which folds it as white space
				if ((c < 0x20 && c != '\t') || c == 0x7f) {
					return true;
				}
			}
		}
		return false;
	}

}
