package dev.smtpclient.internal.protocol;

import dev.smtpclient.SmtpPhase;

/**
 * A command the client sends, one type per command (lettre-style): each type forms its
 * line in one place and checks its parameters when it is created, so no unchecked text
 * reaches a command line. Every command is one of the types of this package; the
 * interface is not sealed only because a sealed type names its implementations, a cycle
 * the engine does not allow.
 */
public interface SmtpCommand {

	/**
	 * The text the protocol log shows in place of a credential.
	 */
	String HIDDEN = "<credentials hidden>";

	/**
	 * The verb, as events and errors name the command.
	 * @return the verb
	 */
	String verb();

	/**
	 * The phase a failure to send this command is reported in.
	 * @return the phase
	 */
	SmtpPhase phase();

	/**
	 * The command line, without CRLF.
	 * @return the line
	 */
	String line();

	/**
	 * The line as the protocol log shows it, with credentials masked.
	 * @return the logged line
	 */
	default String loggedLine() {
		return line();
	}

}
