package dev.smtpclient;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * The bytes of a message (headers and body) as it is handed to the server after DATA.
 * Line endings may be CRLF, LF or CR: the engine writes CRLF and dot-stuffs on the way
 * out, so content never needs to do either.
 * <p>
 * No line may be longer than 998 octets (RFC 5322 2.1.1): relays break such lines and
 * signatures over them fail. Content from {@link #ofBytes(byte[])} and
 * {@link #ofString(String)} knows its lines, and {@link #checkSendable()} refuses it
 * before anything of its message is written. Content written by another implementation is
 * checked as it is written: at the first line over the limit the engine stops, never
 * writes the end of the data (so the server cannot deliver anything), closes the
 * connection and throws {@link InvalidInputException}.
 */
public interface MessageContent {

	/**
	 * Writes the content. May be called more than once (a retry), and must write the same
	 * bytes each time.
	 * @param out the stream to write to; not to be closed
	 * @throws IOException when the content cannot be read
	 */
	void writeTo(OutputStream out) throws IOException;

	/**
	 * The size in octets if known in advance, for the SIZE parameter of MAIL FROM.
	 * @return the size, or empty
	 */
	default OptionalLong size() {
		return OptionalLong.empty();
	}

	/**
	 * Whether the content has octets above 127 and so needs BODY=8BITMIME.
	 * @return whether the content is 8-bit
	 */
	boolean isEightBit();

	/**
	 * Whether the headers carry UTF-8 (internationalised addresses, or any octet above
	 * 127 in the header section), which needs SMTPUTF8 (RFC 6531, RFC 6532).
	 * @return whether SMTPUTF8 is needed
	 */
	default boolean needsSmtpUtf8() {
		return false;
	}

	/**
	 * Checks that the content can be sent as it is. Called before anything of the message
	 * goes on the wire (and before an outbox stores it), so that content known to be bad
	 * costs no connection and no half-written transaction. The default checks nothing:
	 * such content is checked as it is written.
	 * @throws InvalidInputException (field {@code content}) when the content cannot be
	 * sent, for example a line longer than 998 octets
	 */
	default void checkSendable() {
	}

	/**
	 * Content from ready-made bytes, for example a message written by another MIME
	 * library.
	 * @param bytes the message
	 * @return the content, which {@link #checkSendable()} refuses if a line is longer
	 * than 998 octets
	 */
	static MessageContent ofBytes(byte[] bytes) {
		return new ByteArrayContent(bytes);
	}

	/**
	 * Content from text, encoded as UTF-8.
	 * @param message the message, headers and body
	 * @return the content, which {@link #checkSendable()} refuses if a line is longer
	 * than 998 octets in UTF-8
	 */
	static MessageContent ofString(String message) {
		return new ByteArrayContent(message.getBytes(StandardCharsets.UTF_8));
	}

}
