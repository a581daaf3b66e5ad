package dev.smtpclient.internal.protocol;

import dev.smtpclient.SmtpPhase;

/**
 * EHLO (RFC 5321 4.1.1.1): the client's name, asking for the server's extensions.
 *
 * @param name a domain or an address literal, checked by {@link HeloName#check(String)}
 */
public record Ehlo(String name) implements SmtpCommand {

	public Ehlo {
		HeloName.check(name);
	}

	@Override
	public String verb() {
		return "EHLO";
	}

	@Override
	public SmtpPhase phase() {
		return SmtpPhase.EHLO;
	}

	@Override
	public String line() {
		return "EHLO " + this.name;
	}

}
