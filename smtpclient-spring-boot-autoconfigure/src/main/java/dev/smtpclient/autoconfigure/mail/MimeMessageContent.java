package dev.smtpclient.autoconfigure.mail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.OptionalLong;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import dev.smtpclient.InvalidInputException;
import dev.smtpclient.MessageContent;

/**
 * A {@link MimeMessage} as content, without the Bcc header. Line endings, dot-stuffing
 * and the line limit are the engine's on the way out, as for any content.
 * <p>
 * What must be known before MAIL FROM (the size for SIZE, 8-bit content, UTF-8 in the
 * header section) comes from writing the message once to a counter, which also refuses a
 * line over {@value #MAX_LINE_OCTETS} octets before anything is sent, as
 * {@link MessageContent#ofBytes(byte[])} does. The counter keeps the octets of a message
 * up to {@value #KEPT_OCTETS} of them, which are then sent as they are; a larger message
 * (attachments) is not held in memory but written by Jakarta Mail again, straight into
 * the data stream. Jakarta Mail writes a saved message the same way every time, which a
 * retry needs too.
 */
final class MimeMessageContent implements MessageContent {

	/** The longest line, without its CRLF (RFC 5322 2.1.1). */
	static final int MAX_LINE_OCTETS = 998;

	/** The largest message kept in memory between measuring and sending it. */
	static final int KEPT_OCTETS = 64 * 1024;

	private static final String[] HIDDEN_HEADERS = { "Bcc" };

	private final MimeMessage message;

	private final StreamProviderLookup streamProviders;

	private final byte @Nullable [] kept;

	private final int keptLength;

	private final long size;

	private final boolean eightBit;

	private final boolean eightBitHeaders;

	private MimeMessageContent(MimeMessage message, StreamProviderLookup streamProviders, Measure measure) {
		this.message = message;
		this.streamProviders = streamProviders;
		this.kept = measure.kept;
		this.keptLength = measure.keptLength;
		this.size = measure.size();
		this.eightBit = measure.eightBit;
		this.eightBitHeaders = measure.eightBitHeaders;
	}

	/**
	 * Measures a saved message.
	 * @param message the message, with its changes saved
	 * @param streamProviders the look-up to write it with
	 * @return the content
	 * @throws MessagingException when the message cannot be written
	 * @throws IOException when the message cannot be written
	 * @throws InvalidInputException (field {@code content}) if a line is longer than
	 * {@value #MAX_LINE_OCTETS} octets
	 */
	static MimeMessageContent of(MimeMessage message, StreamProviderLookup streamProviders)
			throws MessagingException, IOException {
		Measure measure = new Measure();
		streamProviders.run(() -> {
			message.writeTo(measure, HIDDEN_HEADERS);
			return null;
		});
		return new MimeMessageContent(message, streamProviders, measure);
	}

	@Override
	public void writeTo(OutputStream out) throws IOException {
		if (this.kept != null) {
			out.write(this.kept, 0, this.keptLength);
			return;
		}
		// Jakarta Mail writes text a byte at a time: gather it before the engine's
		// encoder
		BufferedOutputStream buffered = new BufferedOutputStream(out, 8192);
		try {
			this.streamProviders.run(() -> {
				this.message.writeTo(buffered, HIDDEN_HEADERS);
				return null;
			});
		}
		catch (MessagingException ex) {
			throw new IOException("could not write the message: " + ex.getMessage(), ex);
		}
		buffered.flush();
	}

	@Override
	public OptionalLong size() {
		return OptionalLong.of(this.size);
	}

	@Override
	public boolean isEightBit() {
		return this.eightBit;
	}

	@Override
	public boolean needsSmtpUtf8() {
		return this.eightBitHeaders;
	}

	@Override
	public String toString() {
		return "MessageContent[MIME message, " + this.size + " octets]";
	}

	/**
	 * Counts what the message would be on the wire: the size as RFC 1870 counts it (every
	 * line ending as CRLF, a CRLF after an unterminated last line, no stuffing dots),
	 * whether any octet is above 127, and whether one is in the header section (up to the
	 * first empty line). Keeps the octets while there are few.
	 */
	private static final class Measure extends OutputStream {

		byte @Nullable [] kept = new byte[2048];

		int keptLength;

		private long octets;

		private long line = 1;

		private int lineOctets;

		private boolean atLineStart = true;

		private boolean pendingCr;

		private boolean inHeaders = true;

		boolean eightBit;

		boolean eightBitHeaders;

		@Override
		public void write(int b) {
			keep(b);
			count(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			keep(bytes, offset, length);
			for (int i = offset; i < offset + length; i++) {
				count(bytes[i]);
			}
		}

		private void keep(int b) {
			if (this.kept != null && room(1)) {
				this.kept[this.keptLength++] = (byte) b;
			}
		}

		private void keep(byte[] bytes, int offset, int length) {
			if (this.kept != null && room(length)) {
				System.arraycopy(bytes, offset, this.kept, this.keptLength, length);
				this.keptLength += length;
			}
		}

		/**
		 * Makes room for more octets, or gives up keeping them past the limit.
		 */
		private boolean room(int length) {
			int needed = this.keptLength + length;
			if (needed > KEPT_OCTETS) {
				this.kept = null;
				return false;
			}
			if (needed > this.kept.length) {
				this.kept = Arrays.copyOf(this.kept, Math.min(KEPT_OCTETS, Math.max(needed, 2 * this.kept.length)));
			}
			return true;
		}

		private void count(int b) {
			if (this.pendingCr) {
				this.pendingCr = false;
				if (b == '\n') {
					return;
				}
			}
			if (b == '\r' || b == '\n') {
				this.octets += 2;
				this.inHeaders &= this.lineOctets > 0;
				this.line++;
				this.lineOctets = 0;
				this.atLineStart = true;
				this.pendingCr = b == '\r';
				return;
			}
			this.atLineStart = false;
			this.octets++;
			if (++this.lineOctets > MAX_LINE_OCTETS) {
				throw new InvalidInputException("content",
						"line " + this.line + " is longer than " + MAX_LINE_OCTETS
								+ " octets (RFC 5322 2.1.1); encode the body as quoted-printable "
								+ "or base64, or fold the header field");
			}
			if ((b & 0x80) != 0) {
				this.eightBit = true;
				this.eightBitHeaders |= this.inHeaders;
			}
		}

		long size() {
			return this.atLineStart ? this.octets : this.octets + 2;
		}

	}

}
