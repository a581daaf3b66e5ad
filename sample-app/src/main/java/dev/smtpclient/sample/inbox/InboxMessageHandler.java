package dev.smtpclient.sample.inbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.MessageHandlerFactory;
import org.subethamail.smtp.RejectException;

/**
 * Keeps each message the embedded server accepts in the {@link Inbox}, with its whole
 * envelope, and refuses one larger than the limit (the server announces the same limit as
 * SIZE, but a client may not declare the size).
 */
final class InboxMessageHandler implements MessageHandler {

	private final Inbox inbox;

	private final long maxMessageSize;

	private String sender;

	private final List<String> recipients = new ArrayList<>();

	private InboxMessageHandler(Inbox inbox, long maxMessageSize) {
		this.inbox = inbox;
		this.maxMessageSize = maxMessageSize;
	}

	static MessageHandlerFactory factory(Inbox inbox, long maxMessageSize) {
		return (MessageContext context) -> new InboxMessageHandler(inbox, maxMessageSize);
	}

	@Override
	public void from(String from) {
		this.sender = from;
	}

	@Override
	public void recipient(String recipient) {
		this.recipients.add(recipient);
	}

	@Override
	public String data(InputStream data) throws RejectException, IOException {
		byte[] raw = readUpToLimit(data);
		if (raw == null) {
			throw new RejectException(552,
					"5.3.4 Message size exceeds the limit of " + this.maxMessageSize + " octets");
		}
		String id = UUID.randomUUID().toString();
		this.inbox.add(new ReceivedMessage(id, Instant.now(), this.sender, this.recipients, raw));
		return "2.0.0 OK: queued as " + id;
	}

	/**
	 * Reads the whole message; returns null (having read past the end) when it is larger
	 * than the limit.
	 */
	private byte[] readUpToLimit(InputStream data) throws IOException {
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		boolean tooBig = false;
		int read;
		while ((read = data.read(buffer)) != -1) {
			if (!tooBig && message.size() + read > this.maxMessageSize) {
				tooBig = true;
				message = null;
			}
			if (!tooBig) {
				message.write(buffer, 0, read);
			}
		}
		return tooBig ? null : message.toByteArray();
	}

	@Override
	public void done() {
	}

}
