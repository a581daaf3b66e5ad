package dev.smtpclient.internal.protocol;

import dev.smtpclient.SmtpPhase;

/**
 * HELO (RFC 5321 4.1.1.1), for servers that do not understand EHLO.
 *
 * @param name a domain or an address literal, checked by {@link HeloName#check(String)}
 */
public record Helo(String name) implements SmtpCommand {

	public Helo {
		HeloName.check(name);
	}

	@Override
	public String verb() {
		return "HELO";
	}

	@Override
	public SmtpPhase phase() {
		return SmtpPhase.HELO;
	}

	@Override
	public String line() {
		return "HELO " + this.name;
	}

}
