package dev.smtpclient;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Delivery status notification requests (RFC 3461), sent with MAIL FROM and RCPT TO when the server offers DSN
 * (and left out, with an info log line, when it does not).
 *
 * @param ret how much of the message a bounce returns, or {@code null} for the server's choice
 * @param envelopeId an identifier the bounce will quote (printable ASCII, at most 100 characters), or
 * {@code null}
 * @param notifyOn when to notify, for every recipient; empty for the server's default
 */
public record DsnOptions(Ret ret, String envelopeId, Set<Notify> notifyOn) {

	public enum Ret {

		FULL, HDRS

	}

	public enum Notify {

		NEVER, SUCCESS, FAILURE, DELAY

	}

	public DsnOptions {
		notifyOn = notifyOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(notifyOn));
		if (notifyOn.contains(Notify.NEVER) && notifyOn.size() > 1) {
			throw new InvalidInputException("dsn.notify", "NEVER cannot be combined with other values");
		}
		if (envelopeId != null) {
			if (envelopeId.isEmpty() || envelopeId.length() > 100) {
				throw new InvalidInputException("dsn.envelopeId", "must be 1 to 100 characters");
			}
			for (int i = 0; i < envelopeId.length(); i++) {
				char c = envelopeId.charAt(i);
				if (c < 0x20 || c > 0x7e) {
					throw new InvalidInputException("dsn.envelopeId",
							String.format("only printable ASCII is allowed (U+%04X at index %d)", (int) c, i));
				}
			}
		}
	}

	/**
	 * The MAIL FROM parameters.
	 */
	public String mailParameters() {
		StringBuilder parameters = new StringBuilder();
		if (this.ret != null) {
			parameters.append(" RET=").append(this.ret);
		}
		if (this.envelopeId != null) {
			parameters.append(" ENVID=").append(xtext(this.envelopeId));
		}
		return parameters.toString();
	}

	/**
	 * The RCPT TO parameters.
	 */
	public String rcptParameters() {
		if (this.notifyOn.isEmpty()) {
			return "";
		}
		return " NOTIFY=" + EnumSet.copyOf(this.notifyOn).stream().map(Enum::name).collect(Collectors.joining(","));
	}

	/**
	 * RFC 3461 4: "+" and "=" and anything outside "!".."~" become "+XX", so a parameter can never hold a space,
	 * a line break or another parameter.
	 */
	static String xtext(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '!' || c > '~' || c == '+' || c == '=') {
				out.append('+').append(String.format("%02X", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
