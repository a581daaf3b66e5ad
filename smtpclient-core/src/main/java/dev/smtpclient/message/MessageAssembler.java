package dev.smtpclient.message;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns a {@link Message} into a {@link ComposedMessage}: renders the header section
 * (Date and Message-ID added unless given, Bcc never written) and builds the MIME tree:
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

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Message message;

	private final ByteArrayOutputStream headers = new ByteArrayOutputStream(512);

	MessageAssembler(Message message) {
		this.message = message;
	}

	ComposedMessage assemble() {
		Message m = this.message;
		if (!hasHeader("date")) {
			field(new HeaderField("Date").word(DateHeader.format(ZonedDateTime.now(m.clock()))));
		}
		field(addresses("From", List.of(m.getFrom())));
		List<Address> to = m.to();
		List<Address> cc = m.cc();
		if (!to.isEmpty()) {
			field(addresses("To", to));
		}
		if (!cc.isEmpty()) {
			field(addresses("Cc", cc));
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
		if (m.isDeliveryReceipt() && !hasHeader("return-receipt-to")) {
			field(addresses("Return-Receipt-To", List.of(bare(m.getFrom()))));
		}
		if (m.isReadReceipt() && !hasHeader("disposition-notification-to")) {
			field(addresses("Disposition-Notification-To", List.of(bare(m.getFrom()))));
		}
		boolean smtpUtf8 = international(m.getFrom()) || to.stream().anyMatch(MessageAssembler::international)
				|| cc.stream().anyMatch(MessageAssembler::international);
		for (HeaderSpec header : m.headers()) {
			this.headers.writeBytes(header.render());
			if (header.addresses != null) {
				smtpUtf8 |= header.addresses.stream().anyMatch(MessageAssembler::international);
			}
		}
		field(new HeaderField("MIME-Version").word("1.0"));
		return new ComposedMessage(m.getFrom(), to, cc, m.bcc(), m.getSubject(), this.headers.toByteArray(), body(),
				smtpUtf8);
	}

	private MimePart body() {
		Message m = this.message;
		MimePart text = (m.bodyText() != null) ? LeafPart.text(m.bodyType(), m.bodyCharset(), m.bodyOctets()) : null;
		MimePart html = (m.html() != null) ? LeafPart.text("text/html", StandardCharsets.UTF_8,
				Message.encode("html", m.html(), StandardCharsets.UTF_8)) : null;
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
		for (HeaderSpec header : this.message.headers()) {
			if (header.key().equals(key)) {
				return true;
			}
		}
		return false;
	}

	private static HeaderField addresses(String name, List<Address> addresses) {
		HeaderField field = new HeaderField(name);
		HeaderValues.addresses(field, addresses);
		return field;
	}

	private void field(HeaderField field) {
		this.headers.writeBytes(field.toBytes());
	}

	private static Address bare(Address address) {
		return new Address("from", null, address.localPart(), address.domain());
	}

	private static boolean international(Address address) {
		return address.isInternational();
	}

	private static String newMessageId(Address from) {
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		String domain = messageIdDomain(from.domain());
		return "<" + HexFormat.of().formatHex(random) + "@" + domain + ">";
	}

	private static String messageIdDomain(String domain) {
		String ascii;
		if (InputChecks.isAscii(domain)) {
			// what IDN.toASCII gives for ASCII, without its cost: the domain itself,
			// unless a label is too long
			ascii = hasLabelOver63(domain) ? null : domain;
		}
		else {
			try {
				ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
			}
			catch (IllegalArgumentException ex) {
				ascii = null;
			}
		}
		if (ascii == null || (!AddressParser.isDotAtom(ascii) && !ascii.startsWith("["))) {
			return "smtpclient.invalid";
		}
		return ascii;
	}

	private static boolean hasLabelOver63(String domain) {
		int label = 0;
		for (int i = 0; i < domain.length(); i++) {
			label = (domain.charAt(i) == '.') ? 0 : label + 1;
			if (label > 63) {
				return true;
			}
		}
		return false;
	}

}
