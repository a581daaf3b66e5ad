package dev.smtpclient.internal.protocol;

import java.util.Base64;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.SmtpPhase;

/**
 * AUTH (RFC 4954) with a SASL mechanism and, when it fits on the line, the initial
 * response. The log shows the mechanism only.
 *
 * @param mechanism the SASL mechanism name
 * @param initialResponse the initial response in base64 ("=" when empty), or {@code null}
 * when none goes on this line
 */
public record Auth(String mechanism, @Nullable String initialResponse) implements SmtpCommand {

	/**
	 * RFC 4954 4: servers accept AUTH lines up to 12288 octets; a longer initial response
	 * goes after a 334.
	 */
	private static final int MAX_LINE = 12288 - 2;

	public Auth {
		if (mechanism == null || !mechanism.matches("[A-Z0-9_-]{1,20}")) {
			throw new IllegalArgumentException("not a SASL mechanism name: " + mechanism);
		}
		if (initialResponse != null && !initialResponse.matches("=|[A-Za-z0-9+/]+={0,2}")) {
			throw new IllegalArgumentException("the initial response is not base64");
		}
	}

	/**
	 * AUTH with the initial response on its line when there is one and the line stays
	 * within the limit servers accept.
	 * @param mechanism the SASL mechanism name
	 * @param initialResponse the initial response, or {@code null} for none
	 * @return the command
	 */
	public static Auth of(String mechanism, byte @Nullable [] initialResponse) {
		if (initialResponse == null) {
			return new Auth(mechanism, null);
		}
		String encoded = (initialResponse.length == 0) ? "=" : Base64.getEncoder().encodeToString(initialResponse);
		boolean fits = "AUTH ".length() + mechanism.length() + 1 + encoded.length() <= MAX_LINE;
		return new Auth(mechanism, fits ? encoded : null);
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
		return "AUTH " + this.mechanism + ((this.initialResponse != null) ? " " + this.initialResponse : "");
	}

	@Override
	public String loggedLine() {
		return "AUTH " + this.mechanism + ((this.initialResponse != null) ? " " + HIDDEN : "");
	}

	@Override
	public String toString() {
		return "Auth[" + loggedLine() + "]";
	}

}
