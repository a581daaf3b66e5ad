package dev.smtpclient;

import java.util.Locale;
import java.util.Optional;

/**
 * The SASL mechanisms this client speaks, strongest first: when several are offered and allowed, the first one in
 * this order is used.
 */
public enum AuthMechanism {

	/**
	 * OAuth 2.0 bearer token (Google, Microsoft). Used only when a token supplier is configured.
	 */
	XOAUTH2("XOAUTH2"),

	/**
	 * Challenge-response: the password itself never crosses the wire.
	 */
	CRAM_MD5("CRAM-MD5"),

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
