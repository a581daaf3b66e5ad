package dev.smtpclient.sample.outbox;

import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.smtpclient.Mail;
import dev.smtpclient.outbox.SmtpOutbox;

/**
 * The outbox the page's messages go through when {@code sample.outbox=true} (there is an
 * {@link SmtpOutbox} bean then), and nothing otherwise.
 */
@Component
public class PageOutbox {

	private final ObjectProvider<SmtpOutbox> outbox;

	public PageOutbox(ObjectProvider<SmtpOutbox> outbox) {
		this.outbox = outbox;
	}

	public boolean enabled() {
		return this.outbox.getIfAvailable() != null;
	}

	/**
	 * Stores a message for the outbox's workers to send, when the outbox is on.
	 * @param mail the message
	 * @return where it stands, or empty when the outbox is off (send it directly then)
	 */
	public Optional<OutboxReport> enqueue(Mail mail) {
		SmtpOutbox outbox = this.outbox.getIfAvailable();
		if (outbox == null) {
			return Optional.empty();
		}
		UUID id = outbox.enqueue(mail);
		return outbox.status(id).map(OutboxReport::of);
	}

	/**
	 * Where a message stands now.
	 * @param id the outbox's id of the message
	 * @return its state, or empty when there is no such message (or no outbox)
	 */
	public Optional<OutboxReport> status(UUID id) {
		SmtpOutbox outbox = this.outbox.getIfAvailable();
		return (outbox != null) ? outbox.status(id).map(OutboxReport::of) : Optional.empty();
	}

}
