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
 * 7bit data is written as it is held, and so is a text body, which is quoted-printable
 * encoded when it is made ({@link TextBody}) and holds only that encoding. The data of an
 * attachment or inline part is quoted-printable or base64 encoded as it is written,
 * straight into the stream, its length counted when the part is made.
 */
final class LeafPart extends MimePart {

	private static final byte[] CRLF = { '\r', '\n' };

	private static final int MAX_CACHED_TEXT_HEADERS = 64;

	private static final Map<TextType, byte[]> TEXT_HEADERS = new ConcurrentHashMap<>();

	/** The header fields and the empty line after them. */
	private final byte[] headers;

	private final TransferEncoding encoding;

	/** The data to write (as it is, or encoded); null when streamed. */
	private final byte[] octets;

	/** Whether the octets are written as they are (7bit data, or encoded already). */
	private final boolean asIs;

	/** Where streamed data comes from, or null. */
	private final PartData streamed;

	/** The octets the body takes written, or -1 when streamed. */
	private final long bodyLength;

	/**
	 * The quoted-printable encoding, made at the second write: a message sent once (the
	 * common case) never holds one, one sent over and over writes it in one go.
	 */
	private volatile byte[] encoded;

	private volatile boolean written;

	private LeafPart(byte[] headers, TransferEncoding encoding, byte[] octets, PartData streamed, boolean asIs) {
		this.headers = headers;
		this.encoding = encoding;
		this.octets = octets;
		this.streamed = streamed;
		this.asIs = asIs || encoding == TransferEncoding.SEVEN_BIT;
		this.bodyLength = (octets == null) ? -1 : this.asIs ? octets.length : switch (encoding) {
			case SEVEN_BIT -> octets.length;
			case QUOTED_PRINTABLE -> QuotedPrintable.length(octets);
			case BASE64 -> Base64Lines.length(octets.length);
		};
	}

	/**
	 * A text part.
	 * @param mimeType the type
	 * @param charset the charset of the text
	 * @param body the text as written; its octets are kept, not copied, so never to be
	 * changed
	 */
	static LeafPart text(String mimeType, Charset charset, TextBody body) {
		TransferEncoding encoding = body.encoding;
		return new LeafPart(textHeaders(mimeType, charset, encoding), encoding, body.octets, null,
				encoding == TransferEncoding.QUOTED_PRINTABLE);
	}

	/**
	 * The header fields of a text part, rendered once for each type, charset and
	 * encoding: a few combinations serve nearly every message. The arrays are shared and
	 * never changed.
	 */
	private static byte[] textHeaders(String mimeType, Charset charset, TransferEncoding encoding) {
		TextType key = new TextType(mimeType, charset, encoding);
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
		return (bytes != null) ? inMemory(headers, encoding, bytes)
				: new LeafPart(headers, encoding, null, data, false);
	}

	private static LeafPart inMemory(byte[] headers, TransferEncoding encoding, byte[] data) {
		return new LeafPart(headers, encoding, data, null, false);
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
		else if (this.asIs) {
			if (this.octets.length > 0) {
				out.write(this.octets);
			}
		}
		else if (this.encoding == TransferEncoding.BASE64) {
			Base64Lines.encode(this.octets, out);
		}
		else {
			writeQuotedPrintable(out);
		}
	}

	private void writeQuotedPrintable(OutputStream out) throws IOException {
		byte[] encoded = this.encoded;
		if (encoded == null && this.written) {
			// threads that race here make equal arrays
			encoded = QuotedPrintable.encode(this.octets, this.bodyLength);
			this.encoded = encoded;
		}
		if (encoded != null) {
			out.write(encoded);
			return;
		}
		this.written = true;
		QuotedPrintable.encode(this.octets, out);
	}

	@Override
	long length() {
		return this.headers.length + this.bodyLength;
	}

	@Override
	boolean endsWithLineBreak() {
		if (this.streamed != null) {
			return false;
		}
		// base64 output never ends with CRLF; 7bit data or an encoding held (whose line
		// breaks are all CRLF, a bare LF being encoded) ends with one when it ends with
		// LF; quoted-printable only when the data ends with CRLF
		int length = this.octets.length;
		if (this.asIs) {
			return length == 0 || this.octets[length - 1] == '\n';
		}
		return switch (this.encoding) {
			case BASE64 -> length == 0;
			case SEVEN_BIT -> throw new IllegalStateException("7bit data is written as it is");
			case QUOTED_PRINTABLE ->
				length == 0 || (length >= 2 && this.octets[length - 2] == '\r' && this.octets[length - 1] == '\n');
		};
	}

	@Override
	boolean isStreamed() {
		return this.streamed != null;
	}

	@Override
	boolean contains(byte[] text) {
		return this.encoding == TransferEncoding.SEVEN_BIT && contains(this.octets, text);
	}

	private record TextType(String mimeType, Charset charset, TransferEncoding encoding) {
	}

}
