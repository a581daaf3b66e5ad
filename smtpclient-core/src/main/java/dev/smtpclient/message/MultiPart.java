package dev.smtpclient.message;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@code multipart/*} part (RFC 2046 section 5.1): its children between boundary lines.
 * The boundary is random and starts with "=_", which neither quoted-printable nor base64
 * output can hold; it is also checked against every part written unencoded.
 */
final class MultiPart extends MimePart {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final int BOUNDARY_CHARS = 30;

	private final byte[] headers;

	private final byte[] delimiter;

	private final byte[] closeDelimiter;

	private final List<MimePart> children;

	MultiPart(String subtype, List<MimePart> children) {
		this(subtype, children, null);
	}

	/**
	 * @param subtype the subtype
	 * @param children the parts
	 * @param rootType the media type of the first part, for the {@code type} parameter
	 * that multipart/related must carry (RFC 2387 3.1); {@code null} for other subtypes
	 */
	MultiPart(String subtype, List<MimePart> children, String rootType) {
		this.children = List.copyOf(children);
		String boundary = newBoundary();
		while (containedInChildren(("--" + boundary).getBytes(StandardCharsets.US_ASCII))) {
			boundary = newBoundary();
		}
		HeaderField type = new HeaderField("Content-Type").word("multipart/" + subtype);
		MimeParameters.add(type, "boundary", boundary, false);
		if (rootType != null) {
			MimeParameters.add(type, "type", rootType, false);
		}
		this.headers = type.toBytes();
		this.delimiter = ("\r\n--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII);
		this.closeDelimiter = ("\r\n--" + boundary + "--").getBytes(StandardCharsets.US_ASCII);
	}

	private static String newBoundary() {
		byte[] random = new byte[BOUNDARY_CHARS];
		RandomOctets.fill(random);
		char[] boundary = new char[2 + BOUNDARY_CHARS];
		boundary[0] = '=';
		boundary[1] = '_';
		for (int i = 0; i < BOUNDARY_CHARS; i++) {
			boundary[2 + i] = ALPHABET[(random[i] & 0xff) % ALPHABET.length];
		}
		return new String(boundary);
	}

	private boolean containedInChildren(byte[] text) {
		return this.children.stream().anyMatch((child) -> child.contains(text));
	}

	@Override
	void writeTo(OutputStream out) throws IOException {
		out.write(this.headers);
		// the first delimiter's leading CRLF is the end of the (empty) preamble's line
		for (MimePart child : this.children) {
			out.write(this.delimiter);
			child.writeTo(out);
		}
		out.write(this.closeDelimiter);
	}

	@Override
	long length() {
		long length = this.headers.length + this.closeDelimiter.length;
		for (MimePart child : this.children) {
			length += this.delimiter.length + child.length();
		}
		return length;
	}

	@Override
	boolean endsWithLineBreak() {
		return false;
	}

	@Override
	boolean isStreamed() {
		for (MimePart child : this.children) {
			if (child.isStreamed()) {
				return true;
			}
		}
		return false;
	}

	@Override
	boolean contains(byte[] text) {
		return containedInChildren(text);
	}

}
