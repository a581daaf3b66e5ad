package dev.smtpclient.message;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A part of the MIME tree, immutable once built: its own header fields (Content-Type and
 * so on), an empty line and its encoded body. The body never ends with a line ending of
 * its own: the CRLF before the next boundary (or at the end of the message) belongs to
 * the enclosing structure.
 * <p>
 * Parts write straight into the stream they are given, in as few writes as their octets
 * allow (the header section in one), and know their length without writing: a message is
 * written once per send, and its size is needed before that, for the SIZE parameter.
 */
abstract class MimePart {

	/**
	 * Writes the part's header fields, the empty line and the encoded body.
	 */
	abstract void writeTo(OutputStream out) throws IOException;

	/**
	 * The octets {@link #writeTo} writes; only for a part that is not
	 * {@link #isStreamed() streamed}.
	 */
	abstract long length();

	/**
	 * Whether the written part ends with CRLF (or with the empty line after its header
	 * fields, when its body is empty), so that the message needs no CRLF of its own after
	 * it. Only asked of the outermost part, which is never streamed.
	 */
	abstract boolean endsWithLineBreak();

	/**
	 * Whether some data is read from a file or data source as it is written (so the size
	 * is not known).
	 */
	abstract boolean isStreamed();

	/**
	 * Whether the written part could hold the text (only data written unencoded can).
	 */
	abstract boolean contains(byte[] text);

	static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
