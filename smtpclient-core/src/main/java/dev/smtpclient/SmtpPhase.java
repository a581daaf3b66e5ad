package dev.smtpclient;

/**
 * Where in a session something happened. Carried by every {@link SmtpException}.
 */
public enum SmtpPhase {

	CONNECT, GREETING, EHLO, HELO, STARTTLS, TLS_HANDSHAKE, AUTH, MAIL, RCPT, DATA,

	/**
	 * Sending the message content and waiting for the reply to the final ".".
	 */
	MESSAGE,

	RSET, NOOP, QUIT

}
