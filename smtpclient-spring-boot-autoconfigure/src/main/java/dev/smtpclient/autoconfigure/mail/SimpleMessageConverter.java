package dev.smtpclient.autoconfigure.mail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Enumeration;

import jakarta.activation.CommandMap;
import jakarta.activation.DataHandler;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Turns a {@link SimpleMailMessage} into a {@link MimeMessage} through Spring's own
 * {@link MimeMailMessage}, as {@code JavaMailSenderImpl} does, with the default encoding,
 * for the messages {@link SimpleMessageComposer} leaves to Jakarta Mail; but into a
 * message that avoids the locks Jakarta Mail shares between all messages of the JVM (the
 * date format and the default command map), which queued senders on many threads behind
 * each other.
 */
final class SimpleMessageConverter {

	private final Session session;

	private final String defaultEncoding;

	private final CommandMap commandMap = new CachingCommandMap(CommandMap.getDefaultCommandMap());

	SimpleMessageConverter(Session session, String defaultEncoding) {
		this.session = session;
		this.defaultEncoding = defaultEncoding;
	}

	/**
	 * Converts a message.
	 * @param simpleMessage the message
	 * @return the MIME message
	 * @throws org.springframework.mail.MailParseException when an address cannot be
	 * parsed
	 */
	MimeMessage convert(SimpleMailMessage simpleMessage) {
		SimpleMimeMessage message = new SimpleMimeMessage(this.session, this.commandMap);
		simpleMessage.copyTo(new MimeMailMessage(new SimpleMessageHelper(message, this.defaultEncoding)));
		return message;
	}

	/**
	 * A message whose content finds its handler without the shared lock, whose sent date
	 * is formatted without it, and whose plain text, when it needs no transfer encoding,
	 * is written without Jakarta Mail's stream provider: Jakarta Mail looks that up with
	 * a {@code ServiceLoader} twice for every message it writes, which was the largest
	 * cost left. The octets are those {@code MimeBodyPart.writeTo} writes.
	 */
	private static final class SimpleMimeMessage extends MimeMessage {

		private static final byte[] CRLF = { '\r', '\n' };

		private final CommandMap commandMap;

		private final boolean utf8Headers;

		private @Nullable DataHandler textHandler;

		private byte @Nullable [] text;

		SimpleMimeMessage(Session session, CommandMap commandMap) {
			super(session);
			this.commandMap = commandMap;
			this.utf8Headers = Boolean.parseBoolean(session.getProperty("mail.mime.allowutf8"));
		}

		@Override
		public void setDataHandler(DataHandler handler) throws MessagingException {
			handler.setCommandMap(this.commandMap);
			super.setDataHandler(handler);
			this.textHandler = null;
			try {
				ContentType type = new ContentType(handler.getContentType());
				if (type.match("text/plain") && handler.getContent() instanceof String content) {
					String charset = type.getParameter("charset");
					this.text = content
						.getBytes(Charset.forName(MimeUtility.javaCharset((charset != null) ? charset : "us-ascii")));
					this.textHandler = handler;
					if (isSevenBit(this.text)) {
						// Jakarta Mail's own choice, without writing the text once more
						// to
						// make it
						setHeader("Content-Transfer-Encoding", "7bit");
					}
				}
			}
			catch (IOException | MessagingException | IllegalArgumentException ex) {
				// written by Jakarta Mail, which reports the problem
			}
		}

		@Override
		public void setSentDate(Date date) throws MessagingException {
			if (date == null) {
				removeHeader("Date");
			}
			else {
				setHeader("Date", MimeMessageMail.date(date));
			}
		}

		@Override
		public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
			if (!this.saved) {
				saveChanges();
			}
			String encoding = getEncoding();
			boolean unencoded = "7bit".equalsIgnoreCase(encoding) || "8bit".equalsIgnoreCase(encoding);
			if (!this.modified || this.dh != this.textHandler || this.text == null || !unencoded) {
				super.writeTo(out, ignoreList);
				return;
			}
			Enumeration<String> lines = getNonMatchingHeaderLines(ignoreList);
			while (lines.hasMoreElements()) {
				out.write(headerBytes(lines.nextElement()));
				out.write(CRLF);
			}
			out.write(CRLF);
			out.write(this.text);
			out.flush();
		}

		/**
		 * Whether Jakarta Mail would send the text as 7bit
		 * ({@code MimeUtility.getEncoding}): only printable US-ASCII, tabs and line
		 * breaks, no line over 998 octets.
		 */
		private static boolean isSevenBit(byte[] text) {
			int line = 0;
			for (byte b : text) {
				if (b == '\r' || b == '\n') {
					line = 0;
					continue;
				}
				if (++line > MimeMessageContent.MAX_LINE_OCTETS || b >= 0177 || (b < 040 && b != '\t')) {
					return false;
				}
			}
			return true;
		}

		/**
		 * A header line's octets as Jakarta Mail's {@code LineOutputStream} writes them.
		 */
		private byte[] headerBytes(String line) {
			if (this.utf8Headers) {
				return line.getBytes(StandardCharsets.UTF_8);
			}
			byte[] bytes = new byte[line.length()];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = (byte) line.charAt(i);
			}
			return bytes;
		}

	}

	/**
	 * A helper with the default encoding that skips the file type map: a simple message
	 * has no attachments to type, and a new map would parse {@code mime.types} for every
	 * message.
	 */
	private static final class SimpleMessageHelper extends MimeMessageHelper {

		private static final FileTypeMap NO_FILE_TYPES = new FileTypeMap() {

			@Override
			public String getContentType(File file) {
				return "application/octet-stream";
			}

			@Override
			public String getContentType(String filename) {
				return "application/octet-stream";
			}

		};

		SimpleMessageHelper(MimeMessage message, String encoding) {
			super(message, encoding);
		}

		@Override
		protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
			return NO_FILE_TYPES;
		}

	}

}
