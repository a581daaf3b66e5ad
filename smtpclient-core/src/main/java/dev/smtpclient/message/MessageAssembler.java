package dev.smtpclient.message;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link Message} into a {@link ComposedMessage}: renders the header section (Date and Message-ID added
 * unless given, Bcc never written) and builds the MIME tree:
 *
 * <pre>
 * multipart/mixed                    (only with attachments)
 *   multipart/alternative            (only with both text and HTML)
 *     text/plain
 *     multipart/related              (only with inline parts)
 *       text/html
 *       inline parts
 *   attachments
 * </pre>
 */
final class MessageAssembler {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
			Locale.ENGLISH);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Message message;

	private final ByteArrayOutputStream headers = new ByteArrayOutputStream();

	MessageAssembler(Message message) {
		this.message = message;
	}

	ComposedMessage assemble() {
		Message m = this.message;
		if (!hasHeader("date")) {
			field(new HeaderField("Date").word(DATE.format(ZonedDateTime.now(m.clock()))));
		}
		field(addresses("From", List.of(m.getFrom())));
		if (!m.getTo().isEmpty()) {
			field(addresses("To", m.getTo()));
		}
		if (!m.getCc().isEmpty()) {
			field(addresses("Cc", m.getCc()));
		}
		HeaderField subject = new HeaderField("Subject");
		HeaderValues.unstructured(subject, m.getSubject());
		field(subject);
		if (!hasHeader("message-id")) {
			field(new HeaderField("Message-ID").word(newMessageId(m.getFrom())));
		}
		Importance importance = m.getImportance();
		if (importance != Importance.NORMAL) {
			field(new HeaderField("Importance").word(importance.importance()));
			field(new HeaderField("X-Priority").word(importance.xPriority()));
			field(new HeaderField("Priority").word(importance.priority()));
		}
		Address bareFrom = new Address("from", null, m.getFrom().localPart(), m.getFrom().domain());
		if (m.isDeliveryReceipt() && !hasHeader("return-receipt-to")) {
			field(addresses("Return-Receipt-To", List.of(bareFrom)));
		}
		if (m.isReadReceipt() && !hasHeader("disposition-notification-to")) {
			field(addresses("Disposition-Notification-To", List.of(bareFrom)));
		}
		boolean smtpUtf8 = international(m.getFrom()) || m.getTo().stream().anyMatch(MessageAssembler::international)
				|| m.getCc().stream().anyMatch(MessageAssembler::international);
		for (HeaderSpec header : m.headers()) {
			this.headers.writeBytes(header.render());
			if (header.addresses != null) {
				smtpUtf8 |= header.addresses.stream().anyMatch(MessageAssembler::international);
			}
		}
		field(new HeaderField("MIME-Version").word("1.0"));
		return new ComposedMessage(m.getFrom(), m.getTo(), m.getCc(), m.getBcc(), m.getSubject(),
				this.headers.toByteArray(), body(), smtpUtf8);
	}

	private MimePart body() {
		Message m = this.message;
		MimePart text = (m.bodyText() != null)
				? LeafPart.text(m.bodyType(), m.bodyCharset(), Message.encode("body", m.bodyText(), m.bodyCharset()))
				: null;
		MimePart html = (m.html() != null)
				? LeafPart.text("text/html", StandardCharsets.UTF_8,
						Message.encode("html", m.html(), StandardCharsets.UTF_8))
				: null;
		if (!m.inlines().isEmpty()) {
			List<MimePart> related = new ArrayList<>();
			related.add((html != null) ? html : text);
			m.inlines().forEach((inline) -> related.add(inline.toPart()));
			if (html != null) {
				html = new MultiPart("related", related, "text/html");
			}
			else {
				text = new MultiPart("related", related, m.bodyType());
			}
		}
		MimePart main = (text != null && html != null) ? new MultiPart("alternative", List.of(text, html))
				: (text != null) ? text : html;
		if (m.attachments().isEmpty()) {
			return main;
		}
		List<MimePart> mixed = new ArrayList<>();
		mixed.add(main);
		m.attachments().forEach((attachment) -> mixed.add(attachment.toPart()));
		return new MultiPart("mixed", mixed);
	}

	private boolean hasHeader(String key) {
		return this.message.headers().stream().anyMatch((header) -> header.key().equals(key));
	}

	private static HeaderField addresses(String name, List<Address> addresses) {
		HeaderField field = new HeaderField(name);
		HeaderValues.addresses(field, addresses);
		return field;
	}

	private void field(HeaderField field) {
		this.headers.writeBytes(field.toBytes());
	}

	private static boolean international(Address address) {
		return address.isInternational();
	}

	private static String newMessageId(Address from) {
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		String domain;
		try {
			domain = IDN.toASCII(from.domain(), IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			domain = "smtpclient.invalid";
		}
		if (!AddressParser.isDotAtom(domain) && !domain.startsWith("[")) {
			domain = "smtpclient.invalid";
		}
		return "<" + HexFormat.of().formatHex(random) + "@" + domain + ">";
	}

}
