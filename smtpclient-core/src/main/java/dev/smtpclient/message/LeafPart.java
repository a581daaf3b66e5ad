package dev.smtpclient.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Base64;

/**
 * A part with data: a text body, an inline part or an attachment. Data held in memory is encoded as
 * {@link TransferEncoding#choose chosen}; a file or data source is always base64, encoded while it is read.
 */
final class LeafPart extends MimePart {

	private static final int BUFFER = 16 * 1024;

	private final byte[] headers;

	private final PartData data;

	private final TransferEncoding encoding;

	private LeafPart(byte[] headers, PartData data, TransferEncoding encoding) {
		this.headers = headers;
		this.data = data;
		this.encoding = encoding;
	}

	/**
	 * A text part: the text with CRLF line endings in the charset.
	 */
	static LeafPart text(String mimeType, Charset charset, byte[] encodedText) {
		TransferEncoding encoding = TransferEncoding.choose(encodedText, true);
		HeaderField type = new HeaderField("Content-Type").word(mimeType);
		MimeParameters.add(type, "charset", charset.name(), false);
		return new LeafPart(concat(type.toBytes(), transferEncoding(encoding)), PartData.of(encodedText), encoding);
	}

	/**
	 * An attachment ({@code inline} false) or an inline part.
	 */
	static LeafPart data(String mimeType, PartData data, String fileName, String contentId, boolean inline) {
		byte[] bytes = data.inMemory();
		TransferEncoding encoding = (bytes != null) ? TransferEncoding.choose(bytes, false) : TransferEncoding.BASE64;
		if (encoding == TransferEncoding.SEVEN_BIT && !mimeType.startsWith("text/")) {
			encoding = TransferEncoding.BASE64;
		}
		HeaderField type = new HeaderField("Content-Type").word(mimeType);
		if (fileName != null) {
			MimeParameters.add(type, "name", fileName, false);
		}
		byte[] headers = concat(type.toBytes(), transferEncoding(encoding));
		HeaderField disposition = new HeaderField("Content-Disposition").word(inline ? "inline" : "attachment");
		if (fileName != null) {
			MimeParameters.add(disposition, "filename", fileName, true);
		}
		headers = concat(headers, disposition.toBytes());
		if (contentId != null) {
			headers = concat(headers, new HeaderField("Content-ID").word("<" + contentId + ">").toBytes());
		}
		return new LeafPart(headers, data, encoding);
	}

	private static byte[] transferEncoding(TransferEncoding encoding) {
		return new HeaderField("Content-Transfer-Encoding").word(encoding.token()).toBytes();
	}

	private static byte[] concat(byte[] first, byte[] second) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + second.length);
		out.writeBytes(first);
		out.writeBytes(second);
		return out.toByteArray();
	}

	@Override
	void writeTo(OutputStream out) throws IOException {
		out.write(this.headers);
		out.write('\r');
		out.write('\n');
		switch (this.encoding) {
			case SEVEN_BIT:
				out.write(this.data.inMemory());
				break;
			case QUOTED_PRINTABLE:
				QuotedPrintable.encode(this.data.inMemory(), out);
				break;
			default:
				try (InputStream in = this.data.open();
						OutputStream base64 = Base64.getMimeEncoder().wrap(MimeStreams.nonClosing(out))) {
					byte[] buffer = new byte[BUFFER];
					int read;
					while ((read = in.read(buffer)) >= 0) {
						base64.write(buffer, 0, read);
					}
				}
		}
	}

	@Override
	boolean isStreamed() {
		return this.data.inMemory() == null;
	}

	@Override
	boolean contains(byte[] text) {
		return this.encoding == TransferEncoding.SEVEN_BIT && contains(this.data.inMemory(), text);
	}

}
