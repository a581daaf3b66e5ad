package dev.smtpclient.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.InvalidInputException;

/**
 * A mailbox: an optional display name and an address ({@code local-part@domain}), as RFC
 * 5322 defines it, with the UTF-8 local parts and domains of RFC 6532. Immutable.
 * <p>
 * Parsed, not matched with a regular expression: {@code "Doe, John" <john@example.com>},
 * {@code John Doe <john@example.com> (work)}, {@code "john doe"@example.com} and
 * {@code jöhn@exämple.com} are all understood. Comments are skipped; groups are not
 * supported.
 */
public final class Address {

	private static final int MAX_LOCAL_PART_OCTETS = 64;

	private static final int MAX_ADDRESS_OCTETS = 254;

	private final @Nullable String displayName;

	private final String localPart;

	private final String domain;

	/** The bare address, made once: it goes into a header field and into the envelope. */
	private final String address;

	Address(String field, @Nullable String displayName, String localPart, String domain) {
		this(field, displayName, localPart, domain, null);
	}

	/**
	 * @param address the bare address when the caller has it as text already (a plain
	 * {@code local@domain} in the parsed input), else null
	 */
	Address(String field, @Nullable String displayName, String localPart, String domain, @Nullable String address) {
		this.displayName = (displayName == null || displayName.isEmpty()) ? null
				: InputChecks.noControls(field, displayName);
		this.localPart = InputChecks.noControls(field, localPart);
		this.domain = InputChecks.noControls(field, domain);
		this.address = (address != null) ? address : address(localPart, domain);
		if (localPart.isEmpty() || domain.isEmpty()) {
			throw new InvalidInputException(field, "'" + address() + "' has an empty local part or domain");
		}
		if (InputChecks.utf8Length(localPart) > MAX_LOCAL_PART_OCTETS) {
			throw new InvalidInputException(field,
					"the local part is longer than " + MAX_LOCAL_PART_OCTETS + " octets");
		}
		if (InputChecks.utf8Length(this.address) > MAX_ADDRESS_OCTETS) {
			throw new InvalidInputException(field, "the address is longer than " + MAX_ADDRESS_OCTETS + " octets");
		}
	}

	/**
	 * Parses one mailbox, for example {@code The Sender <sender@email.com>} or
	 * {@code sender@email.com}.
	 * @param text the mailbox
	 * @return the address
	 * @throws InvalidInputException if the text is not exactly one valid mailbox
	 */
	public static Address parse(String text) {
		return AddressParser.parseMailbox("address", text);
	}

	/**
	 * Parses a comma-separated list of mailboxes.
	 * @param text the list
	 * @return the addresses, at least one
	 * @throws InvalidInputException if the text is not a valid list
	 */
	public static List<Address> parseList(String text) {
		return new ArrayList<>(AddressParser.parseList("address", text));
	}

	/**
	 * An address from its parts, without parsing the display name (it may hold any
	 * character but controls).
	 * @param address the bare address, {@code local-part@domain}
	 * @param displayName the display name, or null
	 * @return the address
	 */
	public static Address of(String address, @Nullable String displayName) {
		Address bare = AddressParser.parseMailbox("address", address);
		if (bare.displayName != null) {
			throw new InvalidInputException("address", "'" + address + "' must be a bare address");
		}
		return new Address("displayName", displayName, bare.localPart, bare.domain);
	}

	/**
	 * The display name, if any, as text (never encoded).
	 * @return the display name
	 */
	public Optional<String> displayName() {
		return Optional.ofNullable(this.displayName);
	}

	/**
	 * The display name, or null: for rendering, without an {@code Optional} per call.
	 */
	String name() {
		return this.displayName;
	}

	/**
	 * The local part, unquoted.
	 * @return the local part
	 */
	public String localPart() {
		return this.localPart;
	}

	public String domain() {
		return this.domain;
	}

	/**
	 * The bare address as it goes into the envelope and between angle brackets: the local
	 * part quoted when it is not a dot-atom, for example {@code "john doe"@example.com}.
	 * @return the address
	 */
	public String address() {
		return this.address;
	}

	/**
	 * Whether the local part or the domain has non-ASCII characters: a message to or from
	 * such an address needs SMTPUTF8.
	 * @return whether the address is internationalised
	 */
	public boolean isInternational() {
		return !InputChecks.isAscii(this.localPart) || !InputChecks.isAscii(this.domain);
	}

	/**
	 * The bare address, built in one go (rather than by a concatenation).
	 */
	private static String address(String localPart, String domain) {
		if (!AddressParser.isDotAtom(localPart)) {
			return quote(localPart) + "@" + domain;
		}
		return new StringBuilder(localPart.length() + 1 + domain.length()).append(localPart)
			.append('@')
			.append(domain)
			.toString();
	}

	static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				quoted.append('\\');
			}
			quoted.append(c);
		}
		return quoted.append('"').toString();
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof Address)) {
			return false;
		}
		Address that = (Address) other;
		return Objects.equals(this.displayName, that.displayName) && this.localPart.equals(that.localPart)
				&& this.domain.toLowerCase(Locale.ROOT).equals(that.domain.toLowerCase(Locale.ROOT));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.displayName, this.localPart, this.domain.toLowerCase(Locale.ROOT));
	}

	/**
	 * The mailbox as a person would write it, for example
	 * {@code John Doe <john@example.com>} (not encoded).
	 */
	@Override
	public String toString() {
		return (this.displayName != null) ? this.displayName + " <" + address() + ">" : address();
	}

}
