package dev.smtpclient.internal.protocol;

import dev.smtpclient.SmtpPhase;

/**
 * BDAT (RFC 3030): the size of the chunk of message data that follows the line, and
 * whether it is the last.
 *
 * @param size the chunk's size in octets
 * @param last whether this is the LAST chunk
 */
public record Bdat(int size, boolean last) implements SmtpCommand {

	public Bdat {
		if (size < 0) {
			throw new IllegalArgumentException("a chunk cannot have a negative size: " + size);
		}
	}

	@Override
	public String verb() {
		return "BDAT";
	}

	@Override
	public SmtpPhase phase() {
		return SmtpPhase.MESSAGE;
	}

	@Override
	public String line() {
		return "BDAT " + this.size + (this.last ? " LAST" : "");
	}

}
