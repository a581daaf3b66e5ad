package dev.smtpclient.message;

import java.util.ArrayList;
import java.util.List;

import dev.smtpclient.InvalidInputException;

/**
 * A recursive-descent parser for RFC 5322 mailboxes and mailbox lists (section 3.4), with
 * the UTF-8 extensions of RFC 6532 and the obsolete phrase form that allows "." in
 * display names. Comments and folding white space are skipped wherever CFWS is allowed.
 */
final class AddressParser {

	private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

	private final String field;

	private final String text;

	private int pos;

	private AddressParser(String field, String text) {
		this.field = field;
		this.text = text;
	}

	/**
	 * The last mailbox parsed and its text: a sender is the same for most of an
	 * application's messages, and parsing gives the same immutable address for the same
	 * text, whatever the field.
	 */
	private static volatile Parsed last;

	static Address parseMailbox(String field, String text) {
		Parsed parsed = last;
		if (parsed != null && parsed.text.equals(text)) {
			return parsed.address;
		}
		List<Address> addresses = parseList(field, text);
		if (addresses.size() != 1) {
			throw new InvalidInputException(field, "expected one address but found " + addresses.size());
		}
		Address address = addresses.get(0);
		last = new Parsed(text, address);
		return address;
	}

	static List<Address> parseList(String field, String text) {
		InputChecks.noControls(field, text);
		AddressParser parser = new AddressParser(field, text);
		// one mailbox, by far the most common list, goes into a list of one
		Address first = null;
		List<Address> addresses = null;
		do {
			parser.skipCfws();
			if (parser.atEnd() || parser.peek() == ',') {
				continue; // an empty list element, allowed by the obsolete syntax
			}
			Address address = parser.mailbox();
			if (first == null) {
				first = address;
			}
			else {
				if (addresses == null) {
					addresses = new ArrayList<>();
					addresses.add(first);
				}
				addresses.add(address);
			}
			parser.skipCfws();
		}
		while (parser.consume(','));
		if (!parser.atEnd()) {
			throw parser.error("unexpected '" + parser.peek() + "'");
		}
		if (first == null) {
			throw new InvalidInputException(field, "no address in '" + text + "'");
		}
		return (addresses != null) ? addresses : List.of(first);
	}

	static boolean isAtext(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| ATEXT_SPECIALS.indexOf(c) >= 0 || (c >= 0x80 && !InputChecks.isControl(c));
	}

	static boolean isDotAtom(String text) {
		if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '.' && !isAtext(c)) {
				return false;
			}
		}
		return true;
	}

	private Address mailbox() {
		// the words before '<' or '@': the first as it is, more only joined into a name
		String firstWord = null;
		boolean firstQuoted = false;
		StringBuilder name = null;
		int words = 0;
		while (true) {
			skipCfws();
			if (atEnd()) {
				break;
			}
			char c = peek();
			boolean quoted = c == '"';
			String word;
			if (quoted) {
				word = quotedString();
			}
			else if (isAtext(c) || c == '.') {
				word = atomWithDots();
			}
			else {
				break;
			}
			if (words == 0) {
				firstWord = word;
				firstQuoted = quoted;
			}
			else {
				if (name == null) {
					name = new StringBuilder(firstWord);
				}
				// as joining with single spaces, an empty quoted word adding none
				if (name.length() > 0) {
					name.append(' ');
				}
				name.append(word);
			}
			words++;
		}
		if (atEnd()) {
			throw error("no '@' or '<' in the address");
		}
		char c = peek();
		if (c == '<') {
			this.pos++;
			String[] addrSpec = addrSpec();
			skipCfws();
			if (!consume('>')) {
				throw error("missing '>'");
			}
			String displayName = (name != null) ? name.toString() : firstWord;
			return new Address(this.field, displayName, addrSpec[0], addrSpec[1], addrSpec[2]);
		}
		if (c == '@') {
			if (words != 1) {
				throw error("the local part is not a single word or quoted string");
			}
			String localPart = localPart(firstWord, firstQuoted);
			int start = this.pos - localPart.length();
			this.pos++;
			String domain = domain();
			boolean plain = !firstQuoted && this.text.regionMatches(start, localPart, 0, localPart.length())
					&& this.text.regionMatches(start + localPart.length() + 1, domain, 0, domain.length());
			String address = plain ? this.text.substring(start, start + localPart.length() + 1 + domain.length())
					: null;
			return new Address(this.field, null, localPart, domain, address);
		}
		if (c == ':') {
			throw error("address groups are not supported");
		}
		throw error("unexpected '" + c + "'");
	}

	private String localPart(String word, boolean quoted) {
		if (!quoted && !isDotAtom(word)) {
			throw error("'" + word + "' is not a valid local part (quote it)");
		}
		return word;
	}

	private String[] addrSpec() {
		skipCfws();
		if (atEnd()) {
			throw error("empty address");
		}
		int start = this.pos;
		boolean quoted = peek() == '"';
		String localPart = quoted ? quotedString() : atomWithDots();
		if (!quoted && !isDotAtom(localPart)) {
			throw error("'" + localPart + "' is not a valid local part");
		}
		skipCfws();
		if (!consume('@')) {
			throw error("missing '@'");
		}
		String domain = domain();
		// written as a plain local@domain, the address is that text: no second string
		int length = localPart.length() + 1 + domain.length();
		int at = start + localPart.length();
		boolean plain = !quoted && at < this.text.length() && this.text.charAt(at) == '@'
				&& this.text.regionMatches(at + 1, domain, 0, domain.length());
		return new String[] { localPart, domain, plain ? this.text.substring(start, start + length) : null };
	}

	private String domain() {
		skipCfws();
		if (atEnd()) {
			throw error("missing domain");
		}
		String domain;
		if (peek() == '[') {
			int start = this.pos;
			while (!atEnd() && peek() != ']') {
				char c = peek();
				if ((c == '[' && this.pos != start) || c == '\\' || c == ' ') {
					throw error("invalid domain literal");
				}
				this.pos++;
			}
			if (!consume(']')) {
				throw error("unterminated domain literal");
			}
			domain = this.text.substring(start, this.pos);
		}
		else {
			domain = atomWithDots();
			if (!isDotAtom(domain)) {
				throw error("'" + domain + "' is not a valid domain");
			}
		}
		skipCfws();
		return domain;
	}

	private String atomWithDots() {
		int start = this.pos;
		while (!atEnd() && (isAtext(peek()) || peek() == '.')) {
			this.pos++;
		}
		return this.text.substring(start, this.pos);
	}

	private String quotedString() {
		this.pos++; // the opening quote
		StringBuilder content = new StringBuilder();
		while (!atEnd()) {
			char c = this.text.charAt(this.pos++);
			if (c == '"') {
				return content.toString();
			}
			if (c == '\\') {
				if (atEnd()) {
					break;
				}
				c = this.text.charAt(this.pos++);
			}
			content.append(c);
		}
		throw error("unterminated quoted string");
	}

	private void skipCfws() {
		while (!atEnd()) {
			char c = peek();
			if (c == ' ' || c == '\t') {
				this.pos++;
			}
			else if (c == '(') {
				skipComment();
			}
			else {
				return;
			}
		}
	}

	private void skipComment() {
		int depth = 0;
		while (!atEnd()) {
			char c = this.text.charAt(this.pos++);
			if (c == '\\') {
				this.pos++;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return;
			}
		}
		throw error("unterminated comment");
	}

	private boolean atEnd() {
		return this.pos >= this.text.length();
	}

	private char peek() {
		return this.text.charAt(this.pos);
	}

	private boolean consume(char c) {
		if (!atEnd() && peek() == c) {
			this.pos++;
			return true;
		}
		return false;
	}

	private InvalidInputException error(String problem) {
		return new InvalidInputException(this.field, problem + " at index " + this.pos + " of '" + this.text + "'");
	}

	private record Parsed(String text, Address address) {
	}

}
