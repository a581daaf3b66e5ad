package dev.smtpclient.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header fields of a message and their relaxed canonical form (RFC 6376 3.4.2): the
 * name in lower case, the value unfolded, runs of white space made one space, white space
 * at either end and around the colon removed.
 */
final class HeaderCanonicalizer {

	private final List<String> fields = new ArrayList<>();

	/**
	 * @param headers the header section, CRLF line endings
	 */
	HeaderCanonicalizer(byte[] headers) {
		String text = new String(headers, StandardCharsets.UTF_8);
		for (String line : text.split("\r\n")) {
			if (line.isEmpty()) {
				continue;
			}
			if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !this.fields.isEmpty()) {
				int last = this.fields.size() - 1;
				this.fields.set(last, this.fields.get(last) + "\r\n" + line);
			}
			else {
				this.fields.add(line);
			}
		}
	}

	static String name(String field) {
		int colon = field.indexOf(':');
		return ((colon < 0) ? field : field.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
	}

	static String relaxed(String field) {
		int colon = field.indexOf(':');
		String value = (colon < 0) ? "" : field.substring(colon + 1);
		value = value.replace("\r\n", "").replaceAll("[ \t]+", " ").trim();
		return name(field) + ":" + value;
	}

	int count(String name) {
		return (int) this.fields.stream().filter((field) -> name(field).equals(name)).count();
	}

	/**
	 * The canonical header data for the names of an {@code h=} tag: for each name the
	 * last instance not used yet (RFC 6376 5.4.2), each followed by CRLF; a name with no
	 * instance left contributes nothing.
	 */
	byte[] signedData(List<String> names) {
		StringBuilder data = new StringBuilder();
		boolean[] used = new boolean[this.fields.size()];
		for (String name : names) {
			for (int i = this.fields.size() - 1; i >= 0; i--) {
				if (!used[i] && name(this.fields.get(i)).equals(name)) {
					used[i] = true;
					data.append(relaxed(this.fields.get(i))).append("\r\n");
					break;
				}
			}
		}
		return data.toString().getBytes(StandardCharsets.UTF_8);
	}

}
