package dev.smtpclient.message;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.smtpclient.InvalidInputException;

/**
 * A header field added by the caller, checked when it is set: the name is an RFC 5322
 * field name, fields the message writes itself are refused, address fields are parsed,
 * structured fields are printable ASCII that is only ever folded, and all other values
 * are unstructured text (encoded when needed).
 * <p>
 * Structured fields (RFC 2047 5 allows encoded words only in text, comments and phrases,
 * and their readers, such as RFC 2369 list clients, take the value literally) are never
 * encoded: a value that is not printable ASCII, or a word that cannot fit a 998-octet
 * line, is refused when it is set.
 */
final class HeaderSpec {

	private static final Pattern NAME = Pattern.compile("[!-9;-~]{1,76}");

	private static final Set<String> USE_A_METHOD = Set.of("from", "to", "cc", "bcc", "subject");

	private static final Set<String> WRITTEN_BY_THE_MESSAGE = Set.of("mime-version", "content-type",
			"content-transfer-encoding", "content-disposition", "content-id");

	private static final Set<String> ADDRESS_FIELDS = Set.of("reply-to", "sender", "return-receipt-to",
			"disposition-notification-to", "mail-followup-to", "resent-from", "resent-to", "resent-cc",
			"resent-sender");

	private static final Set<String> ASCII_FIELDS = Set.of("date", "message-id", "in-reply-to", "references",
			"resent-date", "resent-message-id", "return-path", "received", "dkim-signature", "domainkey-signature",
			"authentication-results", "arc-seal", "arc-message-signature", "arc-authentication-results", "feedback-id",
			"auto-submitted", "precedence");

	/**
	 * Prefixes of structured field families: the RFC 2369 and RFC 2919 list fields, RFC
	 * 8058 included.
	 */
	private static final List<String> ASCII_FIELD_PREFIXES = List.of("list-");

	final String name;

	final String value;

	final List<Address> addresses;

	HeaderSpec(String name, String value) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new InvalidInputException("header.name", "'" + ((name != null) ? escape(name) : null)
					+ "' is not a header name (1 to 76 printable ASCII characters, no ':' or space)");
		}
		String key = key(name);
		String field = "header." + name;
		if (USE_A_METHOD.contains(key)) {
			throw new InvalidInputException(field,
					name + " is set by its own method (from, addTo, addCc, addBcc, " + "subject), not as a header");
		}
		if (WRITTEN_BY_THE_MESSAGE.contains(key)) {
			throw new InvalidInputException(field, name + " is written by the message from its parts");
		}
		InputChecks.noControls(field, value);
		this.name = name;
		this.value = value;
		if (ADDRESS_FIELDS.contains(key)) {
			this.addresses = AddressParser.parseList(field, value);
		}
		else {
			this.addresses = null;
			if (isStructured(key)) {
				InputChecks.printableAscii(field, value, true);
				if (value.isBlank()) {
					throw new InvalidInputException(field, "must not be blank");
				}
				HeaderValues.checkStructured(field, name, value);
			}
		}
	}

	static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private static boolean isStructured(String key) {
		return ASCII_FIELDS.contains(key) || ASCII_FIELD_PREFIXES.stream().anyMatch(key::startsWith);
	}

	String key() {
		return key(this.name);
	}

	/**
	 * Renders the field into a header section.
	 * @param section the section's text
	 */
	void render(StringBuilder section) {
		HeaderField field = new HeaderField(section, this.name);
		render(field);
		field.end();
	}

	private void render(HeaderField field) {
		if (this.addresses != null) {
			HeaderValues.addresses(field, this.addresses);
		}
		else if (isStructured(key())) {
			HeaderValues.ascii(field, "header." + this.name, this.value);
		}
		else {
			HeaderValues.unstructured(field, this.value);
		}
	}

	private static String escape(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			out.append((c < 0x20 || c == 0x7f) ? String.format("\\x%02x", (int) c) : String.valueOf(c));
		}
		return out.toString();
	}

}
