package dev.smtpclient.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A part with data: a text body, an inline part or an attachment. Data held in memory is
 * encoded as {@link TransferEncoding#choose chosen}; a file or data source is always
 * base64, encoded while it is read.
 * <p>
 * 7bit data is written as it is held and quoted-printable as encoded once when the part
 * is made; base64 is encoded line by line as it is written, so no encoded copy of a large
 * attachment is ever held.
 */
final class LeafPart extends MimePart {

	private static final byte[] CRLF = { '\r', '\n' };

	private static final int MAX_CACHED_TEXT_HEADERS = 64;

	private static final Map<String, byte[]> TEXT_HEADERS = new ConcurrentHashMap<>();

	/** The header fields and the empty line after them. */
	private final byte[] headers;

	private final TransferEncoding encoding;

	/**
	 * 7bit: the data; quoted-printable: its encoding; base64: the data to encode; null
	 * when streamed.
	 */
	private final byte[] octets;

	/** Where streamed data comes from, or null. */
	private final PartData streamed;

	private LeafPart(byte[] headers, TransferEncoding encoding, byte[] octets, PartData streamed) {
		this.headers = headers;
		this.encoding = encoding;
		this.octets = octets;
		this.streamed = streamed;
	}

	/**
	 * A text part.
	 * @param mimeType the type
	 * @param charset the charset of the text
	 * @param encodedText the text with CRLF line endings in the charset; kept, not
	 * copied, so never to be changed
	 */
	static LeafPart text(String mimeType, Charset charset, byte[] encodedText) {
		TransferEncoding encoding = TransferEncoding.choose(encodedText, true);
		return inMemory(textHeaders(mimeType, charset, encoding), encoding, encodedText);
	}

	/**
	 * The header fields of a text part, rendered once for each type, charset and
	 * encoding: a few combinations serve nearly every message. The arrays are shared and
	 * never changed.
	 */
	private static byte[] textHeaders(String mimeType, Charset charset, TransferEncoding encoding) {
		String key = mimeType + ';' + charset.name() + ';' + encoding.token();
		byte[] headers = TEXT_HEADERS.get(key);
		if (headers == null) {
			HeaderField type = new HeaderField("Content-Type").word(mimeType);
			MimeParameters.add(type, "charset", charset.name(), false);
			headers = concat(type.toBytes(), transferEncoding(encoding), CRLF);
			if (TEXT_HEADERS.size() < MAX_CACHED_TEXT_HEADERS) {
				TEXT_HEADERS.putIfAbsent(key, headers);
			}
		}
		return headers;
	}

	/**
	 * An attachment ({@code inline} false) or an inline part.
	 */
	static LeafPart data(String mimeType, PartData data, String fileName, String contentId, boolean inline) {
		byte[] bytes = data.inMemory();
		// only text may go as 7bit or quoted-printable: other types are base64 whatever
		// they hold
		TransferEncoding encoding = (bytes != null && mimeType.startsWith("text/"))
				? TransferEncoding.choose(bytes, false) : TransferEncoding.BASE64;
		HeaderField type = new HeaderField("Content-Type").word(mimeType);
		if (fileName != null) {
			MimeParameters.add(type, "name", fileName, false);
		}
		HeaderField disposition = new HeaderField("Content-Disposition").word(inline ? "inline" : "attachment");
		if (fileName != null) {
			MimeParameters.add(disposition, "filename", fileName, true);
		}
		byte[] contentIdField = (contentId != null)
				? new HeaderField("Content-ID").word("<" + contentId + ">").toBytes() : new byte[0];
		byte[] headers = concat(type.toBytes(), transferEncoding(encoding), disposition.toBytes(), contentIdField,
				CRLF);
		return (bytes != null) ? inMemory(headers, encoding, bytes) : new LeafPart(headers, encoding, null, data);
	}

	private static LeafPart inMemory(byte[] headers, TransferEncoding encoding, byte[] data) {
		byte[] octets = (encoding == TransferEncoding.QUOTED_PRINTABLE) ? QuotedPrintable.encode(data) : data;
		return new LeafPart(headers, encoding, octets, null);
	}

	private static byte[] transferEncoding(TransferEncoding encoding) {
		return new HeaderField("Content-Transfer-Encoding").word(encoding.token()).toBytes();
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(length);
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	@Override
	void writeTo(OutputStream out) throws IOException {
		out.write(this.headers);
		if (this.streamed != null) {
			try (InputStream in = this.streamed.open()) {
				Base64Lines.encode(in, out);
			}
		}
		else if (this.encoding == TransferEncoding.BASE64) {
			Base64Lines.encode(this.octets, out);
		}
		else if (this.octets.length > 0) {
			out.write(this.octets);
		}
	}

	@Override
	long length() {
		long body = (this.encoding == TransferEncoding.BASE64) ? Base64Lines.length(this.octets.length)
				: this.octets.length;
		return this.headers.length + body;
	}

	@Override
	boolean endsWithLineBreak() {
		if (this.streamed != null) {
			return false;
		}
		// base64 output never ends with CRLF; 7bit and quoted-printable end with one when
		// the data does
		return this.octets.length == 0
				|| (this.encoding != TransferEncoding.BASE64 && this.octets[this.octets.length - 1] == '\n');
	}

	@Override
	boolean isStreamed() {
		return this.streamed != null;
	}

	@Override
	boolean contains(byte[] text) {
		return this.encoding == TransferEncoding.SEVEN_BIT && contains(this.octets, text);
	}

}
