package dev.smtpclient.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the output of the Python parser script (objects, arrays,
 * strings, numbers, true, false, null).
 */
final class Json {

	private final String text;

	private int pos;

	private Json(String text) {
		this.text = text;
	}

	static Object parse(String text) {
		Json json = new Json(text);
		Object value = json.value();
		json.skipSpace();
		if (json.pos != text.length()) {
			throw new IllegalArgumentException("trailing data at " + json.pos);
		}
		return value;
	}

	private Object value() {
		skipSpace();
		char c = this.text.charAt(this.pos);
		switch (c) {
			case '{':
				return object();
			case '[':
				return array();
			case '"':
				return string();
			case 't':
				return literal("true", Boolean.TRUE);
			case 'f':
				return literal("false", Boolean.FALSE);
			case 'n':
				return literal("null", null);
			default:
				int start = this.pos;
				while (this.pos < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.pos)) >= 0) {
					this.pos++;
				}
				return Double.parseDouble(this.text.substring(start, this.pos));
		}
	}

	private Object literal(String word, Object value) {
		if (!this.text.startsWith(word, this.pos)) {
			throw new IllegalArgumentException("bad literal at " + this.pos);
		}
		this.pos += word.length();
		return value;
	}

	private Map<String, Object> object() {
		Map<String, Object> map = new LinkedHashMap<>();
		this.pos++;
		skipSpace();
		if (this.text.charAt(this.pos) == '}') {
			this.pos++;
			return map;
		}
		while (true) {
			skipSpace();
			String key = string();
			skipSpace();
			expect(':');
			map.put(key, value());
			skipSpace();
			if (this.text.charAt(this.pos) == ',') {
				this.pos++;
				continue;
			}
			expect('}');
			return map;
		}
	}

	private List<Object> array() {
		List<Object> list = new ArrayList<>();
		this.pos++;
		skipSpace();
		if (this.text.charAt(this.pos) == ']') {
			this.pos++;
			return list;
		}
		while (true) {
			list.add(value());
			skipSpace();
			if (this.text.charAt(this.pos) == ',') {
				this.pos++;
				continue;
			}
			expect(']');
			return list;
		}
	}

	private String string() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = this.text.charAt(this.pos++);
			if (c == '"') {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char escape = this.text.charAt(this.pos++);
			switch (escape) {
				case 'n':
					out.append('\n');
					break;
				case 'r':
					out.append('\r');
					break;
				case 't':
					out.append('\t');
					break;
				case 'b':
					out.append('\b');
					break;
				case 'f':
					out.append('\f');
					break;
				case 'u':
					out.append((char) Integer.parseInt(this.text.substring(this.pos, this.pos + 4), 16));
					this.pos += 4;
					break;
				default:
					out.append(escape);
			}
		}
	}

	private void expect(char c) {
		if (this.text.charAt(this.pos) != c) {
			throw new IllegalArgumentException("expected '" + c + "' at " + this.pos);
		}
		this.pos++;
	}

	private void skipSpace() {
		while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
			this.pos++;
		}
	}

}
