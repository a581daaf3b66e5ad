package dev.smtpclient;

/**
 * How a connection uses TLS.
 */
public enum TlsPolicy {

	/**
	 * Upgrade with STARTTLS when the server offers it, stay in cleartext otherwise.
	 * Credentials are still never sent in cleartext unless
	 * {@link ConnectionSettings.Builder#allowPlaintextAuth(boolean)} is on.
	 */
	OPPORTUNISTIC,

	/**
	 * Upgrade with STARTTLS and fail, before anything else is sent, when the server does
	 * not offer it or does not accept it.
	 */
	REQUIRED,

	/**
	 * TLS from the first byte (often port 465, "SMTPS").
	 */
	IMPLICIT,

	/**
	 * Never use TLS. Only when asked for explicitly.
	 */
	NONE

}
