package dev.smtpclient;

import java.util.Locale;
import java.util.Optional;

/**
 * The SASL mechanisms this client speaks. When several are offered and allowed, the first
 * one in this order is used, except that over TLS PLAIN and LOGIN come before CRAM-MD5
 * (the channel already hides the password, and servers that store password hashes offer
 * CRAM-MD5 yet fail it). After a 535 reply to CRAM-MD5 the next mechanism is tried once.
 */
public enum AuthMechanism {

	/**
	 * OAuth 2.0 bearer token (Google, Microsoft). Used only when a token supplier is
	 * configured.
	 */
	XOAUTH2("XOAUTH2"),

	/**
	 * Challenge-response: the password itself never crosses the wire. Preferred without
	 * TLS; needs a non-empty password.
	 */
	CRAM_MD5("CRAM-MD5"),

	/**
	 * User and password in one message (RFC 4616), both prepared with SASLprep (RFC
	 * 4013).
	 */
	PLAIN("PLAIN"),

	LOGIN("LOGIN");

	private final String saslName;

	AuthMechanism(String saslName) {
		this.saslName = saslName;
	}

	/**
	 * The name used in the EHLO reply and the AUTH command.
	 * @return the SASL name
	 */
	public String saslName() {
		return this.saslName;
	}

	public static Optional<AuthMechanism> ofSaslName(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		for (AuthMechanism mechanism : values()) {
			if (mechanism.saslName.equals(upper)) {
				return Optional.of(mechanism);
			}
		}
		return Optional.empty();
	}

}
