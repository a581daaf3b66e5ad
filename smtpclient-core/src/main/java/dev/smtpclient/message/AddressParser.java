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

	static Address parseMailbox(String field, String text) {
		List<Address> addresses = parseList(field, text);
		if (addresses.size() != 1) {
			throw new InvalidInputException(field, "expected one address but found " + addresses.size());
		}
		return addresses.get(0);
	}

	static List<Address> parseList(String field, String text) {
		InputChecks.noControls(field, text);
		AddressParser parser = new AddressParser(field, text);
		List<Address> addresses = new ArrayList<>();
		do {
			parser.skipCfws();
			if (parser.atEnd() || parser.peek() == ',') {
				continue; // an empty list element, allowed by the obsolete syntax
			}
			addresses.add(parser.mailbox());
			parser.skipCfws();
		}
		while (parser.consume(','));
		if (!parser.atEnd()) {
			throw parser.error("unexpected '" + parser.peek() + "'");
		}
		if (addresses.isEmpty()) {
			throw new InvalidInputException(field, "no address in '" + text + "'");
		}
		return addresses;
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
		List<Word> words = new ArrayList<>();
		while (true) {
			skipCfws();
			if (atEnd()) {
				break;
			}
			char c = peek();
			if (c == '"') {
				words.add(new Word(quotedString(), true));
			}
			else if (isAtext(c) || c == '.') {
				words.add(new Word(atomWithDots(), false));
			}
			else {
				break;
			}
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
			return new Address(this.field, displayName(words), addrSpec[0], addrSpec[1]);
		}
		if (c == '@') {
			if (words.size() != 1) {
				throw error("the local part is not a single word or quoted string");
			}
			String localPart = localPart(words.get(0));
			this.pos++;
			return new Address(this.field, null, localPart, domain());
		}
		if (c == ':') {
			throw error("address groups are not supported");
		}
		throw error("unexpected '" + c + "'");
	}

	private String displayName(List<Word> words) {
		StringBuilder name = new StringBuilder();
		for (Word word : words) {
			if (name.length() > 0) {
				name.append(' ');
			}
			name.append(word.text);
		}
		return name.toString();
	}

	private String localPart(Word word) {
		if (!word.quoted && !isDotAtom(word.text)) {
			throw error("'" + word.text + "' is not a valid local part (quote it)");
		}
		return word.text;
	}

	private String[] addrSpec() {
		skipCfws();
		if (atEnd()) {
			throw error("empty address");
		}
		boolean quoted = peek() == '"';
		String localPart = quoted ? quotedString() : atomWithDots();
		if (!quoted && !isDotAtom(localPart)) {
			throw error("'" + localPart + "' is not a valid local part");
		}
		skipCfws();
		if (!consume('@')) {
			throw error("missing '@'");
		}
		return new String[] { localPart, domain() };
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

	private static final class Word {

		private final String text;

		private final boolean quoted;

		Word(String text, boolean quoted) {
			this.text = text;
			this.quoted = quoted;
		}

	}

}
