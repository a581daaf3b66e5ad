package dev.smtpclient.internal.session;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.AuthMechanism;
import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.InvalidInputException;
import dev.smtpclient.ServerCapabilities;
import dev.smtpclient.SmtpAuthenticationException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpProtocolException;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.internal.protocol.Auth;
import dev.smtpclient.internal.protocol.AuthResponse;
import dev.smtpclient.internal.protocol.ProtocolLog;

/**
 * Chooses a mechanism and runs the AUTH exchange. Credentials go to the wire only; the
 * transcript shows a placeholder for every client response, and no exception carries one.
 */
final class Authenticator {

	private static final int MAX_CHALLENGES = 8;

	private final CommandChannel channel;

	private final ConnectionSettings settings;

	private final ServerCapabilities capabilities;

	private final ProtocolLog log;

	Authenticator(CommandChannel channel, ConnectionSettings settings, ServerCapabilities capabilities,
			ProtocolLog log) {
		this.channel = channel;
		this.settings = settings;
		this.capabilities = capabilities;
		this.log = log;
	}

	void authenticate() {
		if (!this.channel.isSecure() && !this.settings.allowPlaintextAuth()) {
			throw new SmtpAuthenticationException("refusing to send credentials to " + this.channel.info()
					+ " over a connection without TLS (the server "
					+ (this.capabilities.startTls() ? "refused STARTTLS" : "does not offer STARTTLS")
					+ "); use a TLS URL, or set allowPlaintextAuth only if the network is trusted");
		}
		List<AuthMechanism> candidates = candidates();
		AuthMechanism first = candidates.get(0);
		SmtpReply refused = attempt(first);
		if (refused == null) {
			return;
		}
		// servers that store hashed passwords offer CRAM-MD5 yet cannot check it: one
		// more try with the next
		if (first == AuthMechanism.CRAM_MD5 && refused.code() == 535 && candidates.size() > 1
				&& this.channel.isUsable()) {
			AuthMechanism next = candidates.get(1);
			this.log.info("CRAM-MD5 was refused (" + refused.code() + "); trying " + next.saslName());
			refused = attempt(next);
			if (refused == null) {
				return;
			}
			throw failure(next, refused);
		}
		throw failure(first, refused);
	}

	private SmtpAuthenticationException failure(AuthMechanism mechanism, SmtpReply reply) {
		return new SmtpAuthenticationException(
				mechanism.saslName() + " authentication as " + this.settings.username() + " failed", reply);
	}

	/**
	 * Runs one AUTH exchange.
	 * @return {@code null} when authenticated, else the server's final refusal
	 */
	private @Nullable SmtpReply attempt(AuthMechanism mechanism) {
		SaslExchange exchange = SaslExchange.create(mechanism, this.settings);
		Auth command = Auth.of(mechanism.saslName(), exchange.initialResponse());
		this.channel.write(command);
		if (command.initialResponse() != null) {
			exchange.initialResponseSent();
		}
		this.channel.flush(SmtpPhase.AUTH);
		for (int round = 0;; round++) {
			SmtpReply reply = this.channel.read("AUTH", SmtpPhase.AUTH);
			if (reply.code() == 235) {
				if (!exchange.isComplete()) {
					this.channel.markBroken();
					throw new SmtpProtocolException(SmtpPhase.AUTH,
							"the server reported success before all credentials were sent");
				}
				this.log.info("authenticated as " + this.settings.username() + " with " + mechanism.saslName());
				return null;
			}
			if (reply.code() != 334) {
				return reply;
			}
			if (round >= MAX_CHALLENGES) {
				this.channel.markBroken();
				throw new SmtpProtocolException(SmtpPhase.AUTH,
						"the server sent more than " + MAX_CHALLENGES + " AUTH challenges");
			}
			byte[] challenge;
			try {
				challenge = Base64.getMimeDecoder().decode(reply.text().trim());
			}
			catch (IllegalArgumentException ex) {
				this.channel.markBroken();
				throw new SmtpProtocolException(SmtpPhase.AUTH, "the server's AUTH challenge is not base64");
			}
			byte[] response = exchange.respond(challenge);
			this.channel.write(new AuthResponse(response));
			this.channel.flush(SmtpPhase.AUTH);
		}
	}

	/**
	 * The usable mechanisms that both sides allow, best first. Over TLS, PLAIN and LOGIN
	 * come before CRAM-MD5: the channel already hides the password, and CRAM-MD5 fails on
	 * servers that store only password hashes. Without TLS (where plaintext AUTH was
	 * explicitly allowed) CRAM-MD5 comes first, as it never sends the password.
	 */
	private List<AuthMechanism> candidates() {
		Set<String> offered = this.capabilities.authMechanisms();
		if (offered.isEmpty()) {
			throw new SmtpAuthenticationException("credentials are configured but " + this.channel.info()
					+ " offers no AUTH mechanism" + (this.channel.isSecure() ? "" : " without TLS"));
		}
		List<AuthMechanism> order = new ArrayList<>(List.of(AuthMechanism.values()));
		if (this.channel.isSecure()) {
			order.remove(AuthMechanism.CRAM_MD5);
			order.add(AuthMechanism.CRAM_MD5);
		}
		List<AuthMechanism> candidates = new ArrayList<>();
		boolean cramMd5WithoutPassword = false;
		for (AuthMechanism mechanism : order) {
			boolean usable = (mechanism == AuthMechanism.XOAUTH2)
					? SettingsSecrets.oauth2TokenSupplier(this.settings) != null
					: SettingsSecrets.password(this.settings) != null;
			if (usable && this.settings.authMechanisms().contains(mechanism)
					&& offered.contains(mechanism.saslName())) {
				if (mechanism == AuthMechanism.CRAM_MD5 && SettingsSecrets.password(this.settings).isEmpty()) {
					cramMd5WithoutPassword = true;
				}
				else {
					candidates.add(mechanism);
				}
			}
		}
		if (candidates.isEmpty() && cramMd5WithoutPassword) {
			throw new InvalidInputException("password",
					"CRAM-MD5, the only mechanism in common with the server, " + "cannot use an empty password");
		}
		if (candidates.isEmpty()) {
			throw new SmtpAuthenticationException("no AUTH mechanism in common: the server offers " + offered
					+ ", this client allows " + this.settings.authMechanisms()
					+ (SettingsSecrets.oauth2TokenSupplier(this.settings) != null ? " with a token"
							: " with a password"));
		}
		return candidates;
	}

}
