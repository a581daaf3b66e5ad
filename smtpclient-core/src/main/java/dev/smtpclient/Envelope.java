package dev.smtpclient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.internal.protocol.WireText;

/**
 * The SMTP envelope: the reverse path (MAIL FROM) and the forward paths (RCPT TO), as
 * bare addresses ({@code user@example.com}, no display name, no angle brackets).
 * Recipients are de-duplicated (the domain compared without case, the local part
 * exactly).
 */
public final class Envelope {

	private final String sender;

	private final List<String> recipients;

	private final @Nullable DsnOptions dsn;

	private Envelope(String sender, List<String> recipients, @Nullable DsnOptions dsn) {
		this.sender = sender;
		this.recipients = recipients;
		this.dsn = dsn;
	}

	/**
	 * This envelope with delivery status notification requests.
	 * @param dsn the requests
	 * @return a new envelope
	 */
	public Envelope withDsn(DsnOptions dsn) {
		return new Envelope(this.sender, this.recipients, java.util.Objects.requireNonNull(dsn, "dsn"));
	}

	/**
	 * The delivery status notification requests, if any.
	 * @return the requests
	 */
	public java.util.Optional<DsnOptions> dsn() {
		return java.util.Optional.ofNullable(this.dsn);
	}

	/**
	 * Creates an envelope.
	 * @param sender the sender address, or an empty string for the null reverse path
	 * ({@code MAIL FROM:<>})
	 * @param recipients the recipients (To, Cc and Bcc together)
	 * @return the envelope
	 * @throws InvalidInputException if an address is malformed or there is no recipient
	 */
	public static Envelope of(String sender, List<String> recipients) {
		if (sender == null) {
			throw new InvalidInputException("sender", "must not be null (use \"\" for the null reverse path)");
		}
		if (!sender.isEmpty()) {
			checkMailbox("sender", sender);
		}
		if (recipients == null || recipients.isEmpty()) {
			throw new InvalidInputException("recipients", "at least one recipient is required");
		}
		Map<String, String> unique = new LinkedHashMap<>();
		for (String recipient : recipients) {
			checkMailbox("recipient", recipient);
			unique.putIfAbsent(dedupKey(recipient), recipient);
		}
		return new Envelope(sender, List.copyOf(new ArrayList<>(unique.values())), null);
	}

	public static Envelope of(String sender, String... recipients) {
		return of(sender, List.of(recipients));
	}

	private static String dedupKey(String address) {
		int at = address.lastIndexOf('@');
		return address.substring(0, at) + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT);
	}

	/**
	 * A structural check of an addr-spec for the envelope: enough to keep the command
	 * line well-formed. Full RFC 5322 parsing of header addresses belongs to the message
	 * layer.
	 */
	static void checkMailbox(String field, String address) {
		WireText.requireNoControls(field, address);
		int at = address.lastIndexOf('@');
		if (at <= 0 || at == address.length() - 1) {
			throw new InvalidInputException(field, "'" + address + "' is not an address of the form local@domain");
		}
		boolean quoted = false;
		for (int i = 0; i < at; i++) {
			char c = address.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '\\' && quoted) {
				i++;
			}
			else if (!quoted && (c == ' ' || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';'
					|| c == ':' || c == '[' || c == ']')) {
				throw new InvalidInputException(field, "'" + address + "' has '" + c + "' outside quotes");
			}
		}
		if (quoted) {
			throw new InvalidInputException(field, "'" + address + "' has an unterminated quoted string");
		}
		String domain = address.substring(at + 1);
		for (int i = 0; i < domain.length(); i++) {
			char c = domain.charAt(i);
			if (c == ' ' || c == '<' || c == '>' || c == '"' || c == '@' || c == ',' || c == ';' || c == '(') {
				throw new InvalidInputException(field, "'" + address + "' has '" + c + "' in its domain");
			}
		}
	}

	public String sender() {
		return this.sender;
	}

	public List<String> recipients() {
		return this.recipients;
	}

	/**
	 * Whether any address has non-ASCII characters, which needs the server's SMTPUTF8
	 * extension.
	 * @return whether SMTPUTF8 is needed
	 */
	public boolean needsSmtpUtf8() {
		return !WireText.isAscii(this.sender) || this.recipients.stream().anyMatch((r) -> !WireText.isAscii(r));
	}

	@Override
	public String toString() {
		return "Envelope[from=<" + this.sender + ">, to=" + this.recipients + "]";
	}

}
