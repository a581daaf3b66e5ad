package dev.smtpclient.internal.session;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.ServerCapabilities;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.SmtpTlsException;
import dev.smtpclient.TlsPolicy;

/**
 * Brings a fresh connection to the point where it can carry mail: greeting, EHLO (HELO
 * for old servers), STARTTLS per the TLS policy with a second EHLO, then AUTH.
 */
public final class Handshake {

	private final Session connection;

	private final ConnectionSettings settings;

	private String heloName;

	public Handshake(Session connection) {
		this.connection = connection;
		this.settings = connection.settings();
	}

	public void run() {
		greet();
		hello();
		negotiateTls();
		if (this.settings.hasCredentials()) {
			if (this.settings.testMode()) {
				this.connection.log().info("test mode: AUTH skipped, credentials are never recorded");
			}
			else {
				new Authenticator(this.connection).authenticate();
				this.connection.authenticated(true);
			}
		}
	}

	private void greet() {
		SmtpReply greeting = this.connection.read("greeting", SmtpPhase.GREETING);
		this.connection.greeting(greeting);
		if (greeting.code() != 220) {
			if (greeting.code() != 421) {
				quietQuit();
			}
			throw new SmtpReplyException(SmtpPhase.GREETING, greeting);
		}
	}

	/**
	 * A server that refuses us at the greeting (554) still expects QUIT; its answer does
	 * not matter.
	 */
	private void quietQuit() {
		try {
			this.connection.write("QUIT", "QUIT", "QUIT");
			this.connection.flush(SmtpPhase.QUIT);
			this.connection.read("QUIT", SmtpPhase.QUIT);
		}
		catch (SmtpException ex) {
			// we are leaving anyway
		}
	}

	private void hello() {
		if (this.heloName == null) {
			this.heloName = (this.settings.heloName() != null) ? this.settings.heloName()
					: HeloName.defaultFor(this.connection.transport().localAddress());
		}
		SmtpReply ehlo = this.connection.command("EHLO", "EHLO " + this.heloName, SmtpPhase.EHLO);
		if (ehlo.code() == 250) {
			this.connection.capabilities(ServerCapabilities.parse(ehlo));
			return;
		}
		if (ehlo.code() != 500 && ehlo.code() != 502) {
			throw new SmtpReplyException(SmtpPhase.EHLO, ehlo);
		}
		this.connection.log().info("server does not understand EHLO (" + ehlo.code() + "), falling back to HELO");
		SmtpReply helo = this.connection.command("HELO", "HELO " + this.heloName, SmtpPhase.HELO);
		if (helo.code() != 250) {
			throw new SmtpReplyException(SmtpPhase.HELO, helo);
		}
		this.connection.capabilities(ServerCapabilities.none());
	}

	private void negotiateTls() {
		TlsPolicy policy = this.settings.tlsPolicy();
		if (policy == TlsPolicy.NONE || policy == TlsPolicy.IMPLICIT || this.settings.testMode()) {
			return;
		}
		if (!this.connection.capabilities().startTls()) {
			if (policy == TlsPolicy.REQUIRED) {
				this.connection.markBroken();
				throw new SmtpTlsException(SmtpPhase.STARTTLS, "the TLS policy requires STARTTLS but "
						+ this.connection.info() + " does not offer it (" + this.connection.capabilities() + ")");
			}
			this.connection.log().info("server does not offer STARTTLS: continuing without TLS");
			return;
		}
		SmtpReply reply = this.connection.command("STARTTLS", "STARTTLS", SmtpPhase.STARTTLS);
		if (reply.code() != 220) {
			if (policy == TlsPolicy.REQUIRED || reply.code() == 421) {
				this.connection.markBroken();
				throw new SmtpTlsException(reply);
			}
			this.connection.log().info("STARTTLS refused (" + reply + "): continuing without TLS");
			return;
		}
		if (this.connection.hasUnreadInput()) {
			// bytes after the 220 were not sent by the server we will verify: a
			// man-in-the-middle injection
			this.connection.markBroken();
			throw new SmtpTlsException(SmtpPhase.STARTTLS,
					"the server sent data after its 220 reply to STARTTLS, before the TLS handshake; refusing it");
		}
		this.connection.startTls();
		// RFC 3207: forget everything learnt before TLS and ask again
		this.connection.capabilities(ServerCapabilities.none());
		hello();
	}

}
