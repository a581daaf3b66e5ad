package dev.smtpclient.message;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.activation.DataSource;
import org.jspecify.annotations.Nullable;

import dev.smtpclient.Envelope;
import dev.smtpclient.InvalidInputException;
import dev.smtpclient.MessageContent;

/**
 * An e-mail message, set up step by step:
 *
 * <pre class="code">
 * Message message = new Message("The Sender &lt;sender@email.com&gt;", "My Subject");
 * message.setBody(body);
 * message.addTo("My Best Friend &lt;you@friend.com&gt;");
 * message.attach(fileName, "text/plain", data);
 * connection.send(message.envelope(), message.content());
 * </pre>
 *
 * or with {@link #builder()}. Every value is checked when it is set: a control character
 * (CR, LF, NUL, ...) in any header, name, address, subject, Content-ID or file name
 * raises {@link InvalidInputException} naming the field, so nothing can inject a header.
 * <p>
 * <strong>Threads.</strong> A {@code Message} is a mutable object for one thread. What is
 * sent is never the {@code Message} itself but an immutable {@link ComposedMessage}
 * snapshot, taken by {@link #snapshot()} (and by {@link #content()} and
 * {@link #writeTo(OutputStream)}): its Date, Message-ID, boundaries and encoded headers
 * are fixed then, so it writes the same bytes each time and can be handed to any thread;
 * changing the {@code Message} afterwards does not change it. {@link Builder#build()}
 * returns such a snapshot directly. Each snapshot gets its own Message-ID, so keep the
 * snapshot to send the same message twice.
 * <p>
 * Bcc recipients are never written into the message, a Date and a Message-ID are added
 * unless given, addresses are parsed (not matched by a regular expression), and non-ASCII
 * text is encoded as RFC 2047 encoded words (display names only, never addresses).
 */
public final class Message {

	private Address from;

	private String subject = "";

	private List<Address> to = List.of();

	private List<Address> cc = List.of();

	private List<Address> bcc = List.of();

	private String bodyText;

	/**
	 * The body text as it is sent, encoded once when set; shared with snapshots, never
	 * changed.
	 */
	private TextBody body;

	private String bodyType = "text/plain";

	private Charset bodyCharset = StandardCharsets.UTF_8;

	private String html;

	private List<PartSpec> inlines = List.of();

	private List<PartSpec> attachments = List.of();

	private List<HeaderSpec> headers = List.of();

	private Importance importance = Importance.NORMAL;

	private boolean deliveryReceipt;

	private boolean readReceipt;

	/** The clock for the Date field; null for the system clock in the default zone. */
	private Clock clock;

	/**
	 * Creates a message.
	 * @param from the sender, for example {@code "The Sender <sender@email.com>"}
	 * @param subject the subject (may be empty)
	 * @throws InvalidInputException if the sender is not one valid mailbox or the subject
	 * has a control character
	 */
	public Message(String from, String subject) {
		setFrom(from);
		setSubject(subject);
	}

	private Message() {
	}

	/**
	 * A builder for an immutable {@link ComposedMessage}.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	public Message setFrom(String from) {
		this.from = AddressParser.parseMailbox("from", from);
		return this;
	}

	public Message setFrom(Address from) {
		this.from = Objects.requireNonNull(from, "from");
		return this;
	}

	public Message setSubject(String subject) {
		this.subject = InputChecks.noControls("subject", subject);
		return this;
	}

	/**
	 * Adds To recipients.
	 * @param addresses one mailbox or a comma-separated list, for example
	 * {@code "My Best Friend <you@friend.com>"}
	 * @return this message
	 */
	public Message addTo(String addresses) {
		this.to = added(this.to, AddressParser.parseList("to", addresses));
		return this;
	}

	public Message addCc(String addresses) {
		this.cc = added(this.cc, AddressParser.parseList("cc", addresses));
		return this;
	}

	/**
	 * Adds Bcc recipients: they get the message but are never written into it.
	 * @param addresses one mailbox or a comma-separated list
	 * @return this message
	 */
	public Message addBcc(String addresses) {
		this.bcc = added(this.bcc, AddressParser.parseList("bcc", addresses));
		return this;
	}

	public Message addTo(Address address) {
		this.to = added(this.to, List.of(Objects.requireNonNull(address, "to")));
		return this;
	}

	public Message addCc(Address address) {
		this.cc = added(this.cc, List.of(Objects.requireNonNull(address, "cc")));
		return this;
	}

	public Message addBcc(Address address) {
		this.bcc = added(this.bcc, List.of(Objects.requireNonNull(address, "bcc")));
		return this;
	}

	/**
	 * Sets the body as {@code text/plain} in UTF-8. Line endings may be LF, CR or CRLF;
	 * they are sent as CRLF.
	 * @param text the text
	 * @return this message
	 */
	public Message setBody(String text) {
		return setBody(text, "text/plain", StandardCharsets.UTF_8);
	}

	/**
	 * Sets the body in UTF-8 with a text type, for example {@code text/html}.
	 * @param text the text
	 * @param contentType a {@code text/*} type
	 * @return this message
	 */
	public Message setBody(String text, String contentType) {
		return setBody(text, contentType, StandardCharsets.UTF_8);
	}

	/**
	 * Sets the body.
	 * @param text the text
	 * @param contentType a {@code text/*} type
	 * @param charset the charset to encode it in; every character must be representable
	 * @return this message
	 */
	public Message setBody(String text, String contentType, Charset charset) {
		String type = MimeTypes.check("contentType", contentType);
		if (!type.startsWith("text/")) {
			throw new InvalidInputException("contentType", "the body must be text/*; attach other data");
		}
		TextBody body = TextBody.of("body", Objects.requireNonNull(text, "body"),
				Objects.requireNonNull(charset, "charset"));
		this.bodyText = text;
		this.body = body;
		this.bodyType = type;
		this.bodyCharset = charset;
		return this;
	}

	/**
	 * Sets an HTML alternative to the text body (sent as {@code multipart/alternative}),
	 * or the only body when no text is set. Inline parts are referenced from it as
	 * {@code cid:<contentId>}.
	 * @param html the HTML
	 * @return this message
	 */
	public Message setHtml(String html) {
		this.html = Objects.requireNonNull(html, "html");
		return this;
	}

	/**
	 * Adds a part shown inside the HTML (an image, say), sent in
	 * {@code multipart/related}.
	 * @param contentId the Content-ID, {@code id@domain} (with or without angle brackets)
	 * @param fileName a file name, or null
	 * @param mimeType the MIME type, or null to guess it from the file name
	 * @param data the data
	 * @return this message
	 */
	public Message addInline(String contentId, @Nullable String fileName, @Nullable String mimeType, byte[] data) {
		return addInline(contentId, fileName, mimeType, PartData.of(data));
	}

	public Message addInline(String contentId, @Nullable String fileName, @Nullable String mimeType, Path file) {
		return addInline(contentId, fileName, mimeType, PartData.of(file));
	}

	public Message addInline(String contentId, @Nullable String fileName, @Nullable String mimeType,
			DataSource source) {
		return addInline(contentId, fileName, mimeType, PartData.of(source));
	}

	private Message addInline(String contentId, @Nullable String fileName, @Nullable String mimeType, PartData data) {
		String id = ContentIds.check(contentId);
		String name = (fileName != null) ? checkFileName(fileName) : null;
		this.inlines = added(this.inlines, List.of(new PartSpec(name, mimeType(mimeType, name), data, id)));
		return this;
	}

	/**
	 * Attaches data held in memory (copied).
	 * @param fileName the file name shown to the recipient; any characters but controls
	 * @param mimeType the MIME type, or null to guess it from the file name
	 * @param data the data
	 * @return this message
	 */
	public Message attach(String fileName, @Nullable String mimeType, byte[] data) {
		return attach(fileName, mimeType, PartData.of(data));
	}

	/**
	 * Attaches a file, read (and encoded) only while the message is written.
	 * @param fileName the file name shown to the recipient
	 * @param mimeType the MIME type, or null to guess it from the file name
	 * @param file the file
	 * @return this message
	 */
	public Message attach(String fileName, @Nullable String mimeType, Path file) {
		return attach(fileName, mimeType, PartData.of(file));
	}

	/**
	 * Attaches a data source, read (and encoded) only while the message is written; it
	 * must give the same data each time it is opened.
	 * @param fileName the file name shown to the recipient
	 * @param mimeType the MIME type, or null for the source's own type (or a guess from
	 * the file name)
	 * @param source the data source
	 * @return this message
	 */
	public Message attach(String fileName, @Nullable String mimeType, DataSource source) {
		String type = mimeType;
		if (type == null && source != null && source.getContentType() != null) {
			String candidate = source.getContentType().split(";", 2)[0].trim();
			type = isValidType(candidate) ? candidate : null;
		}
		return attach(fileName, type, PartData.of(source));
	}

	public Message attach(Path file) {
		return attach(String.valueOf(Objects.requireNonNull(file, "file").getFileName()), null, file);
	}

	public Message attach(DataSource source) {
		return attach(Objects.requireNonNull(source, "dataSource").getName(), null, source);
	}

	private Message attach(String fileName, @Nullable String mimeType, PartData data) {
		String name = checkFileName(fileName);
		this.attachments = added(this.attachments, List.of(new PartSpec(name, mimeType(mimeType, name), data, null)));
		return this;
	}

	/**
	 * Adds a header field (after any of the same name).
	 * @param name the field name
	 * @param value the value: unstructured text, or an address list for Reply-To and the
	 * like
	 * @return this message
	 */
	public Message addHeader(String name, String value) {
		this.headers = added(this.headers, List.of(new HeaderSpec(name, value)));
		return this;
	}

	/**
	 * Sets a header field, replacing any of the same name (compared without case).
	 * @param name the field name
	 * @param value the value
	 * @return this message
	 */
	public Message setHeader(String name, String value) {
		HeaderSpec header = new HeaderSpec(name, value);
		if (!(this.headers instanceof ArrayList)) {
			this.headers = new ArrayList<>(this.headers);
		}
		this.headers.removeIf((existing) -> existing.key().equals(header.key()));
		this.headers.add(header);
		return this;
	}

	public Message setImportance(Importance importance) {
		this.importance = Objects.requireNonNull(importance, "importance");
		return this;
	}

	/**
	 * Marks the message important ({@link Importance#HIGH}) or not
	 * ({@link Importance#NORMAL}).
	 * @param important whether the message is important
	 * @return this message
	 */
	public Message important(boolean important) {
		return setImportance(important ? Importance.HIGH : Importance.NORMAL);
	}

	/**
	 * Asks for a delivery receipt: {@code Return-Receipt-To} with the sender's address.
	 * @param deliveryReceipt whether to ask
	 * @return this message
	 */
	public Message setDeliveryReceipt(boolean deliveryReceipt) {
		this.deliveryReceipt = deliveryReceipt;
		return this;
	}

	/**
	 * Asks for a read receipt: {@code Disposition-Notification-To} with the sender's
	 * address.
	 * @param readReceipt whether to ask
	 * @return this message
	 */
	public Message setReadReceipt(boolean readReceipt) {
		this.readReceipt = readReceipt;
		return this;
	}

	/**
	 * The clock for the Date header (when none is set).
	 * @param clock the clock, with the time zone to write
	 * @return this message
	 */
	public Message setClock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
		return this;
	}

	public Address getFrom() {
		return this.from;
	}

	public String getSubject() {
		return this.subject;
	}

	public List<Address> getTo() {
		return List.copyOf(this.to);
	}

	public List<Address> getCc() {
		return List.copyOf(this.cc);
	}

	public List<Address> getBcc() {
		return List.copyOf(this.bcc);
	}

	public Importance getImportance() {
		return this.importance;
	}

	public boolean isDeliveryReceipt() {
		return this.deliveryReceipt;
	}

	public boolean isReadReceipt() {
		return this.readReceipt;
	}

	/**
	 * The bare addresses of every recipient (To, Cc and Bcc), without duplicates.
	 * @return the addresses
	 */
	public List<String> getRecipients() {
		Set<String> recipients = new LinkedHashSet<>();
		for (List<Address> list : Arrays.asList(this.to, this.cc, this.bcc)) {
			list.forEach((address) -> recipients.add(address.address()));
		}
		return List.copyOf(recipients);
	}

	/**
	 * Whether the message can be sent: it has a sender, a recipient and a body.
	 * @return whether it can be sent
	 */
	public boolean isSendPossible() {
		return this.from != null && hasRecipients() && (this.bodyText != null || this.html != null);
	}

	private boolean hasRecipients() {
		return !this.to.isEmpty() || !this.cc.isEmpty() || !this.bcc.isEmpty();
	}

	/**
	 * Checks that the message can be sent.
	 * @throws InvalidInputException naming what is missing: {@code from},
	 * {@code recipients} or {@code body}
	 */
	public void checkSendPossible() {
		if (this.from == null) {
			throw new InvalidInputException("from", "the message has no sender");
		}
		if (!hasRecipients()) {
			throw new InvalidInputException("recipients",
					"the message has no recipient (To, Cc and Bcc are all " + "empty)");
		}
		if (this.bodyText == null && this.html == null) {
			throw new InvalidInputException("body", "the message has no body (set one with setBody or setHtml)");
		}
	}

	/**
	 * An immutable snapshot of the message as it is now, ready to be sent from any
	 * thread.
	 * @return the snapshot
	 * @throws InvalidInputException if the message cannot be sent
	 * ({@link #checkSendPossible()})
	 */
	public ComposedMessage snapshot() {
		checkSendPossible();
		return new MessageAssembler(this).assemble();
	}

	/**
	 * The SMTP envelope: the sender's address and every recipient's (To, Cc and Bcc).
	 * @return the envelope
	 */
	public Envelope envelope() {
		checkSendPossible();
		return Envelope.of(this.from.address(), getRecipients());
	}

	/**
	 * The content to send, from a new {@link #snapshot()}.
	 * @return the content
	 */
	public MessageContent content() {
		return snapshot().content();
	}

	/**
	 * Writes a new {@link #snapshot()} of the message, with CRLF line endings.
	 * @param out the stream; not closed
	 * @throws IOException if writing or reading an attached file fails
	 */
	public void writeTo(OutputStream out) throws IOException {
		snapshot().writeTo(out);
	}

	// ---- for the assembler

	List<Address> to() {
		return this.to;
	}

	List<Address> cc() {
		return this.cc;
	}

	List<Address> bcc() {
		return this.bcc;
	}

	List<HeaderSpec> headers() {
		return this.headers;
	}

	List<PartSpec> inlines() {
		return this.inlines;
	}

	List<PartSpec> attachments() {
		return this.attachments;
	}

	String bodyText() {
		return this.bodyText;
	}

	TextBody body() {
		return this.body;
	}

	String bodyType() {
		return this.bodyType;
	}

	Charset bodyCharset() {
		return this.bodyCharset;
	}

	String html() {
		return this.html;
	}

	Clock clock() {
		return this.clock;
	}

	/**
	 * The list with the items added. Lists start as the shared empty list; the first
	 * items (a new list nobody else holds) become the list, and a list of its own is made
	 * only for a second addition: a message allocates nothing for what it does not use,
	 * and a snapshot's copy of a list that is still immutable is the list itself.
	 * @param list the message's list
	 * @param items the items, in a list that nothing else changes
	 */
	private static <T> List<T> added(List<T> list, List<T> items) {
		if (list.isEmpty() && !(list instanceof ArrayList)) {
			return items;
		}
		if (!(list instanceof ArrayList)) {
			list = new ArrayList<>(list);
		}
		list.addAll(items);
		return list;
	}

	private static String checkFileName(String fileName) {
		InputChecks.noControls("fileName", fileName);
		if (fileName.isBlank()) {
			throw new InvalidInputException("fileName", "must not be blank");
		}
		return fileName;
	}

	private static String mimeType(String mimeType, String fileName) {
		return (mimeType != null) ? MimeTypes.check("mimeType", mimeType) : MimeTypes.forFileName(fileName);
	}

	private static boolean isValidType(String type) {
		try {
			MimeTypes.check("mimeType", type);
			return true;
		}
		catch (InvalidInputException ex) {
			return false;
		}
	}

	/**
	 * Builds an immutable {@link ComposedMessage}. Not thread-safe; the built message is.
	 */
	public static final class Builder {

		private final Message message = new Message();

		private Builder() {
		}

		public Builder from(String from) {
			this.message.setFrom(from);
			return this;
		}

		public Builder from(Address from) {
			this.message.setFrom(from);
			return this;
		}

		public Builder subject(String subject) {
			this.message.setSubject(subject);
			return this;
		}

		public Builder to(String... addresses) {
			for (String address : addresses) {
				this.message.addTo(address);
			}
			return this;
		}

		public Builder cc(String... addresses) {
			for (String address : addresses) {
				this.message.addCc(address);
			}
			return this;
		}

		public Builder bcc(String... addresses) {
			for (String address : addresses) {
				this.message.addBcc(address);
			}
			return this;
		}

		public Builder text(String text) {
			this.message.setBody(text);
			return this;
		}

		public Builder body(String text, String contentType, Charset charset) {
			this.message.setBody(text, contentType, charset);
			return this;
		}

		public Builder html(String html) {
			this.message.setHtml(html);
			return this;
		}

		public Builder inline(String contentId, @Nullable String fileName, @Nullable String mimeType, byte[] data) {
			this.message.addInline(contentId, fileName, mimeType, data);
			return this;
		}

		public Builder inline(String contentId, @Nullable String fileName, @Nullable String mimeType, Path file) {
			this.message.addInline(contentId, fileName, mimeType, file);
			return this;
		}

		public Builder attach(String fileName, @Nullable String mimeType, byte[] data) {
			this.message.attach(fileName, mimeType, data);
			return this;
		}

		public Builder attach(String fileName, @Nullable String mimeType, Path file) {
			this.message.attach(fileName, mimeType, file);
			return this;
		}

		public Builder attach(String fileName, @Nullable String mimeType, DataSource source) {
			this.message.attach(fileName, mimeType, source);
			return this;
		}

		public Builder attach(Path file) {
			this.message.attach(file);
			return this;
		}

		public Builder header(String name, String value) {
			this.message.addHeader(name, value);
			return this;
		}

		public Builder importance(Importance importance) {
			this.message.setImportance(importance);
			return this;
		}

		public Builder deliveryReceipt(boolean deliveryReceipt) {
			this.message.setDeliveryReceipt(deliveryReceipt);
			return this;
		}

		public Builder readReceipt(boolean readReceipt) {
			this.message.setReadReceipt(readReceipt);
			return this;
		}

		public Builder clock(Clock clock) {
			this.message.setClock(clock);
			return this;
		}

		/**
		 * Builds the immutable message.
		 * @return the message
		 * @throws InvalidInputException if there is no sender, no recipient or no body
		 */
		public ComposedMessage build() {
			return this.message.snapshot();
		}

	}

}
