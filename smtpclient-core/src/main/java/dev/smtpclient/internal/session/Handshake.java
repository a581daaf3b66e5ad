package dev.smtpclient.internal.session;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.ServerCapabilities;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.SmtpTlsException;
import dev.smtpclient.TlsPolicy;
import dev.smtpclient.internal.protocol.BareCommand;
import dev.smtpclient.internal.protocol.Ehlo;
import dev.smtpclient.internal.protocol.Helo;
import dev.smtpclient.internal.protocol.HeloName;
import dev.smtpclient.internal.protocol.ProtocolLog;

/**
 * Brings a fresh connection to the point where it can carry mail: greeting, EHLO (HELO
 * for old servers), STARTTLS per the TLS policy with a second EHLO, then AUTH.
 */
public final class Handshake {

	private final CommandChannel channel;

	private final ConnectionSettings settings;

	private final ProtocolLog log;

	private @Nullable String heloName;

	private @Nullable SmtpReply greeting;

	private ServerCapabilities capabilities = ServerCapabilities.none();

	private boolean authenticated;

	public Handshake(CommandChannel channel, ConnectionSettings settings, ProtocolLog log) {
		this.channel = channel;
		this.settings = settings;
		this.log = log;
	}

	public void run() {
		greet();
		hello();
		negotiateTls();
		if (this.settings.hasCredentials()) {
			if (this.settings.testMode()) {
				this.log.info("test mode: AUTH skipped, credentials are never recorded");
			}
			else {
				new Authenticator(this.channel, this.settings, this.capabilities, this.log).authenticate();
				this.authenticated = true;
			}
		}
	}

	/**
	 * The server's greeting.
	 * @return the greeting, or {@code null} when none was read
	 */
	public @Nullable SmtpReply greeting() {
		return this.greeting;
	}

	/**
	 * What the server offers, as learnt from the last EHLO.
	 * @return the capabilities
	 */
	public ServerCapabilities capabilities() {
		return this.capabilities;
	}

	public boolean authenticated() {
		return this.authenticated;
	}

	private void greet() {
		SmtpReply greeting = this.channel.read("greeting", SmtpPhase.GREETING);
		this.greeting = greeting;
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
			this.channel.write(BareCommand.QUIT);
			this.channel.flush(SmtpPhase.QUIT);
			this.channel.read("QUIT", SmtpPhase.QUIT);
		}
		catch (SmtpException ex) {
			// we are leaving anyway
		}
	}

	private void hello() {
		if (this.heloName == null) {
			this.heloName = (this.settings.heloName() != null) ? this.settings.heloName()
					: HeloName.defaultFor(this.channel.localAddress());
		}
		SmtpReply ehlo = this.channel.command(new Ehlo(this.heloName));
		if (ehlo.code() == 250) {
			this.capabilities = ServerCapabilities.parse(ehlo);
			return;
		}
		if (ehlo.code() != 500 && ehlo.code() != 502) {
			throw new SmtpReplyException(SmtpPhase.EHLO, ehlo);
		}
		this.log.info("server does not understand EHLO (" + ehlo.code() + "), falling back to HELO");
		SmtpReply helo = this.channel.command(new Helo(this.heloName));
		if (helo.code() != 250) {
			throw new SmtpReplyException(SmtpPhase.HELO, helo);
		}
		this.capabilities = ServerCapabilities.none();
	}

	private void negotiateTls() {
		TlsPolicy policy = this.settings.tlsPolicy();
		if (policy == TlsPolicy.NONE || policy == TlsPolicy.IMPLICIT || this.settings.testMode()) {
			return;
		}
		if (!this.capabilities.startTls()) {
			if (policy == TlsPolicy.REQUIRED) {
				this.channel.markBroken();
				throw new SmtpTlsException(SmtpPhase.STARTTLS, "the TLS policy requires STARTTLS but "
						+ this.channel.info() + " does not offer it (" + this.capabilities + ")");
			}
			this.log.info("server does not offer STARTTLS: continuing without TLS");
			return;
		}
		SmtpReply reply = this.channel.command(BareCommand.STARTTLS);
		if (reply.code() != 220) {
			if (policy == TlsPolicy.REQUIRED || reply.code() == 421) {
				this.channel.markBroken();
				throw new SmtpTlsException(reply);
			}
			this.log.info("STARTTLS refused (" + reply + "): continuing without TLS");
			return;
		}
		if (this.channel.hasUnreadInput()) {
			// bytes after the 220 were not sent by the server we will verify: a
			// man-in-the-middle injection
			this.channel.markBroken();
			throw new SmtpTlsException(SmtpPhase.STARTTLS,
					"the server sent data after its 220 reply to STARTTLS, before the TLS handshake; refusing it");
		}
		this.channel.startTls();
		// RFC 3207: forget everything learnt before TLS and ask again
		this.capabilities = ServerCapabilities.none();
		hello();
	}

}
