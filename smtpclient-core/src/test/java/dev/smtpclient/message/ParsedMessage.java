package dev.smtpclient.message;

import java.util.List;

/**
 * A message as an independent parser (Angus Mail or Python's email package) saw it.
 */
final class ParsedMessage {

	/** Parser name, for assertion messages. */
	final String parser;

	final List<String> defects;

	/** Each address as "display name" + " <" + address + ">", or the bare address. */
	final List<String> from;

	final List<String> to;

	final List<String> cc;

	final List<String> bcc;

	final String subject;

	/** Header fields as "Name: decoded value". */
	final List<String> headers;

	final List<Part> parts;

	ParsedMessage(String parser, List<String> defects, List<String> from, List<String> to, List<String> cc,
			List<String> bcc, String subject, List<String> headers, List<Part> parts) {
		this.parser = parser;
		this.defects = defects;
		this.from = from;
		this.to = to;
		this.cc = cc;
		this.bcc = bcc;
		this.subject = subject;
		this.headers = headers;
		this.parts = parts;
	}

	static String mailbox(String name, String address) {
		return (name == null || name.isEmpty()) ? address : name + " <" + address + ">";
	}

	/**
	 * A leaf part: type without parameters, disposition, file name, Content-ID (without
	 * brackets), decoded data.
	 */
	static final class Part {

		final String type;

		final String disposition;

		final String fileName;

		final String contentId;

		final byte[] data;

		Part(String type, String disposition, String fileName, String contentId, byte[] data) {
			this.type = type;
			this.disposition = disposition;
			this.fileName = fileName;
			this.contentId = (contentId != null) ? contentId.replaceAll("^<|>$", "") : null;
			this.data = data;
		}

		@Override
		public String toString() {
			return this.type + " " + this.disposition + " " + this.fileName + " " + this.contentId + " ("
					+ this.data.length + " bytes)";
		}

	}

}
