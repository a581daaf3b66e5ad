package dev.smtpclient.message;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A part of the MIME tree, immutable once built: its own header fields (Content-Type and so on), an empty line
 * and its encoded body. The body never ends with a line ending of its own: the CRLF before the next boundary (or
 * at the end of the message) belongs to the enclosing structure.
 */
abstract class MimePart {

	/**
	 * Writes the part's header fields, the empty line and the encoded body.
	 */
	abstract void writeTo(OutputStream out) throws IOException;

	/**
	 * Whether some data is read from a file or data source as it is written (so the size is not known).
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
