package dev.smtpclient.message;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import dev.smtpclient.Envelope;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;

/**
 * A composed message, immutable and safe to share between threads: the rendered header
 * section (with its Date and Message-ID) and the MIME tree (with its boundaries) are
 * fixed, so every {@link #writeTo(OutputStream)} writes the same bytes. Made by
 * {@link Message#snapshot()} or {@link Message.Builder#build()}.
 * <p>
 * Attached files and data sources are read while the message is written, never held in
 * memory; they must not change between writes.
 */
public final class ComposedMessage implements Mail {

	private static final byte[] CRLF = { '\r', '\n' };

	private final Address from;

	private final List<Address> to;

	private final List<Address> cc;

	private final List<Address> bcc;

	private final String subject;

	private final byte[] headers;

	private final MimePart body;

	private final boolean smtpUtf8;

	private final OptionalLong size;

	private Envelope envelope;

	ComposedMessage(Address from, List<Address> to, List<Address> cc, List<Address> bcc, String subject, byte[] headers,
			MimePart body, boolean smtpUtf8) {
		this.from = from;
		this.to = List.copyOf(to);
		this.cc = List.copyOf(cc);
		this.bcc = List.copyOf(bcc);
		this.subject = subject;
		this.headers = headers;
		this.body = body;
		this.smtpUtf8 = smtpUtf8;
		this.size = body.isStreamed() ? OptionalLong.empty()
				: OptionalLong.of(headers.length + body.length() + (body.endsWithLineBreak() ? 0 : CRLF.length));
	}

	public Address from() {
		return this.from;
	}

	public List<Address> to() {
		return this.to;
	}

	public List<Address> cc() {
		return this.cc;
	}

	/**
	 * The Bcc recipients: in the envelope, never in the message.
	 * @return the Bcc recipients
	 */
	public List<Address> bcc() {
		return this.bcc;
	}

	public String subject() {
		return this.subject;
	}

	/**
	 * The bare addresses of every recipient (To, Cc and Bcc), without duplicates.
	 * @return the addresses
	 */
	public List<String> recipients() {
		Set<String> recipients = new LinkedHashSet<>();
		for (List<Address> list : List.of(this.to, this.cc, this.bcc)) {
			list.forEach((address) -> recipients.add(address.address()));
		}
		return List.copyOf(recipients);
	}

	/**
	 * The SMTP envelope: the sender's address and every recipient's (To, Cc and Bcc).
	 * @return the envelope
	 */
	@Override
	public Envelope envelope() {
		Envelope envelope = this.envelope;
		if (envelope == null) {
			// Envelope.of drops the duplicates itself, keeping the first of each
			int count = this.to.size() + this.cc.size() + this.bcc.size();
			if (count == 1) {
				List<Address> only = !this.to.isEmpty() ? this.to : !this.cc.isEmpty() ? this.cc : this.bcc;
				envelope = Envelope.of(this.from.address(), List.of(only.get(0).address()));
			}
			else {
				String[] recipients = new String[count];
				int i = 0;
				for (Address address : this.to) {
					recipients[i++] = address.address();
				}
				for (Address address : this.cc) {
					recipients[i++] = address.address();
				}
				for (Address address : this.bcc) {
					recipients[i++] = address.address();
				}
				envelope = Envelope.of(this.from.address(), Arrays.asList(recipients));
			}
			// immutable: threads that race here build equal envelopes
			this.envelope = envelope;
		}
		return envelope;
	}

	/**
	 * The message as content for {@code SmtpConnection.send}. It is 8-bit and needs
	 * SMTPUTF8 only when an address written in the headers is internationalised (every
	 * body part is 7-bit encoded); its size is known unless a file or data source is
	 * attached.
	 * @return the content
	 */
	@Override
	public MessageContent content() {
		return new Content();
	}

	/**
	 * Whether the header section carries raw UTF-8 (RFC 6532) for an internationalised
	 * address.
	 * @return whether SMTPUTF8 is needed
	 */
	public boolean needsSmtpUtf8() {
		return this.smtpUtf8;
	}

	/**
	 * Writes the message with CRLF line endings (not dot-stuffed), straight into the
	 * stream: the header section and each part's header fields in one write each, the
	 * bodies as held (base64 in chunks of whole lines). A stream with costly writes, such
	 * as a file's, is best buffered by the caller.
	 * @param out the stream; flushed, not closed
	 * @throws IOException if writing, or reading an attached file, fails
	 */
	public void writeTo(OutputStream out) throws IOException {
		out.write(this.headers);
		this.body.writeTo(out);
		if (!this.body.endsWithLineBreak()) {
			out.write(CRLF);
		}
		out.flush();
	}

	/**
	 * The octets {@link #writeTo} writes, known from the parts' lengths without writing,
	 * unless a file or data source is attached.
	 */
	private OptionalLong size() {
		return this.size;
	}

	@Override
	public String toString() {
		return "ComposedMessage[from=" + this.from.address() + ", recipients=" + recipients().size() + "]";
	}

	private final class Content implements MessageContent {

		@Override
		public void writeTo(OutputStream out) throws IOException {
			ComposedMessage.this.writeTo(out);
		}

		@Override
		public OptionalLong size() {
			return ComposedMessage.this.size();
		}

		@Override
		public boolean isEightBit() {
			return ComposedMessage.this.smtpUtf8;
		}

		@Override
		public boolean needsSmtpUtf8() {
			return ComposedMessage.this.smtpUtf8;
		}

		@Override
		public String toString() {
			return "MessageContent[" + ComposedMessage.this + "]";
		}

	}

}
