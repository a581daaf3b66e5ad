package dev.smtpclient.internal.protocol;

import dev.smtpclient.SmtpPhase;

/**
 * The commands that take no parameter.
 */
public enum BareCommand implements SmtpCommand {

	/**
	 * DATA (RFC 5321 4.1.1.4): the message follows a 354.
	 */
	DATA("DATA", SmtpPhase.DATA, "DATA", "DATA"),

	/**
	 * The end of data right after a 354 that should not have come (a pipelined DATA
	 * accepted although the transaction failed): an empty message nobody receives.
	 */
	ABANDON_DATA("DATA", SmtpPhase.DATA, ".", "<empty data, transaction abandoned>"),

	/**
	 * RSET (RFC 5321 4.1.1.5).
	 */
	RSET("RSET", SmtpPhase.RSET, "RSET", "RSET"),

	/**
	 * NOOP (RFC 5321 4.1.1.9).
	 */
	NOOP("NOOP", SmtpPhase.NOOP, "NOOP", "NOOP"),

	/**
	 * QUIT (RFC 5321 4.1.1.10).
	 */
	QUIT("QUIT", SmtpPhase.QUIT, "QUIT", "QUIT"),

	/**
	 * STARTTLS (RFC 3207).
	 */
	STARTTLS("STARTTLS", SmtpPhase.STARTTLS, "STARTTLS", "STARTTLS");

	private final String verb;

	private final SmtpPhase phase;

	private final String line;

	private final String loggedLine;

	BareCommand(String verb, SmtpPhase phase, String line, String loggedLine) {
		this.verb = verb;
		this.phase = phase;
		this.line = line;
		this.loggedLine = loggedLine;
	}

	@Override
	public String verb() {
		return this.verb;
	}

	@Override
	public SmtpPhase phase() {
		return this.phase;
	}

	@Override
	public String line() {
		return this.line;
	}

	@Override
	public String loggedLine() {
		return this.loggedLine;
	}

}
