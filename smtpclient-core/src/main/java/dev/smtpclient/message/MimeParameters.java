package dev.smtpclient.message;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * MIME header parameters, above all file names. A short printable-ASCII name is written
 * plain ({@code filename="notes.txt"}); any other in RFC 2231 form,
 * {@code filename*=UTF-8''...}, split into {@code filename*0*=}, {@code filename*1*=} ...
 * when long, with an ASCII-only stand-in as the plain {@code name="..."} of the
 * Content-Type for readers that do not know RFC 2231.
 * <p>
 * The stand-in is deliberately not a second {@code filename=} next to {@code filename*}:
 * readers disagree on which of the two wins (Angus Mail takes the last, Python's email
 * package the first and flags a duplicate), so no order gives every reader the real name;
 * a reader only falls back to the Content-Type's {@code name} when the disposition has no
 * file name at all.
 */
final class MimeParameters {

	/**
	 * The longest section of an RFC 2231 value, so that "filename*NN*=" and it fit in a
	 * folded line.
	 */
	private static final int MAX_SECTION = 60;

	/** The longest plain value written as a single quoted string. */
	private static final int MAX_PLAIN = 60;

	private static final String ATTRIBUTE_CHARS = "!#$&+-.^_`|~";

	private MimeParameters() {
	}

	/**
	 * Adds the parameter, as {@code ; name="value"} tokens of the field, in RFC 2231 form
	 * when needed.
	 * @param field the field
	 * @param name the parameter name ({@code filename} or {@code name})
	 * @param value the value, any text without controls
	 * @param extended whether to write the RFC 2231 form when the value needs it (else
	 * the ASCII stand-in)
	 */
	static void add(HeaderField field, String name, String value, boolean extended) {
		field.append(";");
		if (isSimple(value) || !extended) {
			field.word(name + "=" + Address.quote(isSimple(value) ? value : asciiFallback(value)));
			return;
		}
		List<String> sections = sections(value);
		if (sections.size() == 1) {
			field.word(name + "*=" + sections.get(0));
		}
		else {
			for (int i = 0; i < sections.size(); i++) {
				field.word(name + "*" + i + "*=" + sections.get(i));
				if (i < sections.size() - 1) {
					field.append(";");
				}
			}
		}
	}

	private static boolean isSimple(String value) {
		if (value.isEmpty() || value.length() > MAX_PLAIN || value.contains("=?")) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7e || c == '"' || c == '\\' || (c == ' ' && (i == 0 || value.charAt(i - 1) == ' '))) {
				return false;
			}
		}
		return !value.endsWith(" ");
	}

	/**
	 * The value percent-encoded as UTF-8, the first section prefixed with
	 * {@code UTF-8''}, cut between characters.
	 */
	private static List<String> sections(String value) {
		List<String> sections = new ArrayList<>();
		StringBuilder section = new StringBuilder("UTF-8''");
		int i = 0;
		while (i < value.length()) {
			int codePoint = value.codePointAt(i);
			String encoded = percentEncode(new String(Character.toChars(codePoint)));
			if (section.length() + encoded.length() > MAX_SECTION) {
				sections.add(section.toString());
				section.setLength(0);
			}
			section.append(encoded);
			i += Character.charCount(codePoint);
		}
		sections.add(section.toString());
		return sections;
	}

	private static String percentEncode(String text) {
		StringBuilder out = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int octet = b & 0xff;
			if ((octet >= 'a' && octet <= 'z') || (octet >= 'A' && octet <= 'Z') || (octet >= '0' && octet <= '9')
					|| (octet < 0x80 && ATTRIBUTE_CHARS.indexOf(octet) >= 0)) {
				out.append((char) octet);
			}
			else {
				out.append('%')
					.append(Character.toUpperCase(Character.forDigit(octet >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(octet & 0xf, 16)));
			}
		}
		return out.toString();
	}

	/**
	 * An ASCII stand-in: accents dropped, anything else outside printable ASCII (and
	 * quotes, backslashes and runs of spaces) replaced by "_", cut to {@value #MAX_PLAIN}
	 * characters keeping the extension.
	 */
	static String asciiFallback(String value) {
		String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				continue;
			}
			boolean ok = c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' && c != '=' && c != '?';
			if (c == ' ' && (out.length() == 0 || out.charAt(out.length() - 1) == ' ')) {
				ok = false;
			}
			if (Character.isLowSurrogate(c)) {
				continue;
			}
			out.append(ok ? c : '_');
		}
		String fallback = out.toString().trim();
		if (fallback.length() > MAX_PLAIN) {
			int dot = fallback.lastIndexOf('.');
			String extension = (dot > 0 && fallback.length() - dot <= 10) ? fallback.substring(dot) : "";
			fallback = fallback.substring(0, MAX_PLAIN - extension.length()).trim() + extension;
		}
		return fallback.isEmpty() ? "attachment" : fallback;
	}

}
