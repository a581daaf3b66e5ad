package dev.smtpclient.autoconfigure.mail;

import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpPoolTimeoutException;

/**
 * Tells a failure to reach the server from a failure of one message.
 */
final class ConnectionFailure {

	private ConnectionFailure() {
	}

	/**
	 * Whether the failure happened before any mail transaction began: the connection
	 * could not be opened, secured or greeted, or no connection was free. The next
	 * message of the same call would fail the same way.
	 * @param failure the failure
	 * @return whether it is a connection failure
	 */
	static boolean isConnectionFailure(SmtpException failure) {
		if (failure instanceof SmtpPoolTimeoutException) {
			return true;
		}
		SmtpPhase phase = failure.phase();
		return phase == SmtpPhase.CONNECT || phase == SmtpPhase.GREETING || phase == SmtpPhase.EHLO
				|| phase == SmtpPhase.HELO || phase == SmtpPhase.STARTTLS || phase == SmtpPhase.TLS_HANDSHAKE;
	}

}
