package dev.smtpclient;

import java.time.Duration;

/**
 * No connection became free in time: every connection was busy and the pool was at its
 * maximum size.
 */
public class SmtpPoolTimeoutException extends SmtpException {

	public SmtpPoolTimeoutException(Duration waited, PoolStats stats) {
		super(SmtpPhase.CONNECT, "no connection free after waiting " + waited.toMillis() + " ms (" + stats.active()
				+ " of " + stats.max() + " connections busy, " + stats.pending() + " sends waiting)");
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
