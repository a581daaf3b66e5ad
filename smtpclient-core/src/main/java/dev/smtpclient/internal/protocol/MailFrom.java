package dev.smtpclient.internal.protocol;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.DsnOptions;
import dev.smtpclient.SmtpPhase;

/**
 * The MAIL command and its parameters: SIZE (RFC 1870), BODY=8BITMIME (RFC 6152),
 * SMTPUTF8 (RFC 6531), RET and ENVID (RFC 3461). Its line is written here and nowhere
 * else, so each parameter is formed in one place.
 *
 * @param sender the reverse path, checked by the envelope
 * @param size the message size to declare, empty when not declared
 * @param eightBitMime whether to ask for BODY=8BITMIME
 * @param smtpUtf8 whether to ask for SMTPUTF8
 * @param dsn the DSN requests, or {@code null} for none
 */
public record MailFrom(String sender, OptionalLong size, boolean eightBitMime, boolean smtpUtf8,
		@Nullable DsnOptions dsn) implements SmtpCommand {

	public MailFrom {
		WireText.requireNoControls("sender", sender);
	}

	@Override
	public String verb() {
		return "MAIL";
	}

	@Override
	public SmtpPhase phase() {
		return SmtpPhase.MAIL;
	}

	@Override
	public String line() {
		StringBuilder line = new StringBuilder("MAIL FROM:<").append(this.sender).append('>');
		if (this.size.isPresent()) {
			line.append(" SIZE=").append(this.size.getAsLong());
		}
		if (this.eightBitMime) {
			line.append(" BODY=8BITMIME");
		}
		if (this.smtpUtf8) {
			line.append(" SMTPUTF8");
		}
		if (this.dsn != null) {
			if (this.dsn.ret() != null) {
				line.append(" RET=").append(this.dsn.ret());
			}
			if (this.dsn.envelopeId() != null) {
				line.append(" ENVID=").append(xtext(this.dsn.envelopeId()));
			}
		}
		return line.toString();
	}

	/**
	 * RFC 3461 4: "+" and "=" and anything outside "!".."~" become "+XX", so a parameter
	 * can never hold a space, a line break or another parameter.
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
