package dev.smtpclient.internal.protocol;

import java.util.Base64;

import dev.smtpclient.SmtpPhase;

/**
 * The client's answer to a 334 challenge in an AUTH exchange: a base64 line that the log
 * never shows.
 */
public final class AuthResponse implements SmtpCommand {

	private final String encoded;

	/**
	 * Creates the response line for the given octets.
	 * @param response the SASL response
	 */
	public AuthResponse(byte[] response) {
		this.encoded = Base64.getEncoder().encodeToString(response);
	}

	@Override
	public String verb() {
		return "AUTH";
	}

	@Override
	public SmtpPhase phase() {
		return SmtpPhase.AUTH;
	}

	@Override
	public String line() {
		return this.encoded;
	}

	@Override
	public String loggedLine() {
		return HIDDEN;
	}

	@Override
	public String toString() {
		return "AuthResponse[" + HIDDEN + "]";
	}

}
