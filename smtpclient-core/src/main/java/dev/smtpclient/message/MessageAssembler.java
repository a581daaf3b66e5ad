package dev.smtpclient.message;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 *
 * The header section is rendered into one lent text and made octets once, in an array of
 * exactly its length.
 */
final class MessageAssembler {

	private final Message message;

	MessageAssembler(Message message) {
		this.message = message;
	}

	ComposedMessage assemble() {
		StringBuilder section = ScratchBuffers.takeText();
		try {
			boolean smtpUtf8 = headers(section);
			byte[] headers = HeaderField.toCheckedBytes(section);
			Message m = this.message;
			return new ComposedMessage(m.getFrom(), m.to(), m.cc(), m.bcc(), m.getSubject(), headers, body(), smtpUtf8);
		}
		finally {
			ScratchBuffers.release(section);
		}
	}

	/**
	 * Renders the header section.
	 * @return whether it holds an internationalised address (and so needs SMTPUTF8)
	 */
	private boolean headers(StringBuilder section) {
		Message m = this.message;
		HeaderField field = null;
		if (!hasHeader("date")) {
			field = new HeaderField(section, "Date").word(DateHeader.now(m.clock()));
			field.end();
		}
		Address from = m.getFrom();
		field = (field != null) ? field.start("From") : new HeaderField(section, "From");
		HeaderValues.addresses(field, List.of(from));
		field.end();
		List<Address> to = m.to();
		List<Address> cc = m.cc();
		if (!to.isEmpty()) {
			addresses(field.start("To"), to);
		}
		if (!cc.isEmpty()) {
			addresses(field.start("Cc"), cc);
		}
		HeaderValues.unstructured(field.start("Subject"), m.getSubject());
		field.end();
		if (!hasHeader("message-id")) {
			messageId(field.start("Message-ID"), from);
		}
		Importance importance = m.getImportance();
		if (importance != Importance.NORMAL) {
			field.start("Importance").word(importance.importance()).end();
			field.start("X-Priority").word(importance.xPriority()).end();
			field.start("Priority").word(importance.priority()).end();
		}
		if (m.isDeliveryReceipt() && !hasHeader("return-receipt-to")) {
			addresses(field.start("Return-Receipt-To"), List.of(bare(from)));
		}
		if (m.isReadReceipt() && !hasHeader("disposition-notification-to")) {
			addresses(field.start("Disposition-Notification-To"), List.of(bare(from)));
		}
		boolean smtpUtf8 = from.isInternational() || anyInternational(to) || anyInternational(cc);
		List<HeaderSpec> headers = m.headers();
		for (int i = 0; i < headers.size(); i++) {
			HeaderSpec header = headers.get(i);
			header.render(section);
			if (header.addresses != null) {
				smtpUtf8 |= anyInternational(header.addresses);
			}
		}
		field.start("MIME-Version").word("1.0").end();
		return smtpUtf8;
	}

	private MimePart body() {
		Message m = this.message;
		MimePart text = (m.bodyText() != null) ? LeafPart.text(m.bodyType(), m.bodyCharset(), m.body()) : null;
		MimePart html = (m.html() != null) ? LeafPart.text("text/html", StandardCharsets.UTF_8,
				TextBody.of("html", m.html(), StandardCharsets.UTF_8)) : null;
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
		List<HeaderSpec> headers = this.message.headers();
		for (int i = 0; i < headers.size(); i++) {
			if (headers.get(i).key().equals(key)) {
				return true;
			}
		}
		return false;
	}

	private static void addresses(HeaderField field, List<Address> addresses) {
		HeaderValues.addresses(field, addresses);
		field.end();
	}

	private static Address bare(Address address) {
		return new Address("from", null, address.localPart(), address.domain());
	}

	private static boolean anyInternational(List<Address> addresses) {
		for (int i = 0; i < addresses.size(); i++) {
			if (addresses.get(i).isInternational()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A new Message-ID, {@code <32 hex digits@domain>}, written straight into the field.
	 */
	private static void messageId(HeaderField field, Address from) {
		String domain = messageIdDomain(from.domain());
		StringBuilder text = field.token(2 * MessageIds.OCTETS + domain.length() + 3).append('<');
		MessageIds.appendHex(text);
		text.append('@').append(domain).append('>');
		field.end();
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
