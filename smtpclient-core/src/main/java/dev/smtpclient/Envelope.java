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

	/** Recipients up to this many are compared pairwise to drop duplicates. */
	private static final int SHORT_LIST = 16;

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
		for (String recipient : recipients) {
			checkMailbox("recipient", recipient);
		}
		return new Envelope(sender, unique(recipients), null);
	}

	/**
	 * The recipients without duplicates, the first of each kept: compared pairwise for a
	 * short list, which needs no key per address, and by key for a long one.
	 */
	private static List<String> unique(List<String> recipients) {
		int count = recipients.size();
		if (count > SHORT_LIST) {
			Map<String, String> unique = new LinkedHashMap<>();
			for (String recipient : recipients) {
				unique.putIfAbsent(dedupKey(recipient), recipient);
			}
			return List.copyOf(new ArrayList<>(unique.values()));
		}
		for (int i = 1; i < count; i++) {
			for (int j = 0; j < i; j++) {
				if (sameMailbox(recipients.get(j), recipients.get(i))) {
					return withoutDuplicates(recipients);
				}
			}
		}
		// no copy when the list is already immutable
		return List.copyOf(recipients);
	}

	private static List<String> withoutDuplicates(List<String> recipients) {
		List<String> unique = new ArrayList<>(recipients.size());
		next: for (String recipient : recipients) {
			for (String kept : unique) {
				if (sameMailbox(kept, recipient)) {
					continue next;
				}
			}
			unique.add(recipient);
		}
		return List.copyOf(unique);
	}

	/**
	 * Whether two checked addresses have the same {@link #dedupKey}, without making the
	 * keys unless a domain is not ASCII.
	 */
	private static boolean sameMailbox(String a, String b) {
		int atA = a.lastIndexOf('@');
		int atB = b.lastIndexOf('@');
		// a domain has no '@': keys are equal only with the local parts
		if (atA != atB || !a.regionMatches(0, b, 0, atA)) {
			return false;
		}
		if (a.length() == b.length() && WireText.isAscii(a) && WireText.isAscii(b)) {
			return a.regionMatches(true, atA + 1, b, atA + 1, a.length() - atA - 1);
		}
		return dedupKey(a).equals(dedupKey(b));
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
		for (int i = at + 1; i < address.length(); i++) {
			char c = address.charAt(i);
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
