package dev.smtpclient.internal.session;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.AuthMechanism;
import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.InvalidInputException;
import dev.smtpclient.SmtpAuthenticationException;

/**
 * The client side of one SASL mechanism's exchange. Responses are raw bytes; the caller
 * base64-encodes them and keeps them out of every log.
 */
abstract class SaslExchange {

	/**
	 * The response to send with the AUTH command, or {@code null} if the mechanism waits
	 * for a challenge.
	 */
	byte @Nullable [] initialResponse() {
		return null;
	}

	/**
	 * Told when the initial response went with the AUTH command.
	 */
	void initialResponseSent() {
	}

	/**
	 * The response to a 334 challenge.
	 */
	abstract byte[] respond(byte[] challenge);

	/**
	 * Whether every credential has been sent, so a 235 now is the expected end.
	 */
	abstract boolean isComplete();

	static SaslExchange create(AuthMechanism mechanism, ConnectionSettings settings) {
		return switch (mechanism) {
			case PLAIN -> new Plain(SaslPrep.prepare("username", settings.username()),
					SaslPrep.prepare("password", SettingsSecrets.password(settings)));
			case LOGIN -> new Login(settings.username(), SettingsSecrets.password(settings));
			case CRAM_MD5 -> new CramMd5(settings.username(), SettingsSecrets.password(settings));
			case XOAUTH2 -> new XOAuth2(settings.username(), OAuth2Token.fetch(settings));
		};
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A mechanism whose whole client side is one message, sent with AUTH or at the first
	 * challenge, once.
	 */
	abstract static class SingleMessage extends SaslExchange {

		private final byte[] message;

		private boolean sent;

		SingleMessage(byte[] message) {
			this.message = message;
		}

		@Override
		final byte[] initialResponse() {
			return this.message;
		}

		@Override
		final void initialResponseSent() {
			this.sent = true;
		}

		@Override
		final byte[] respond(byte[] challenge) {
			if (!this.sent) {
				this.sent = true;
				return this.message;
			}
			return respondAfterMessage(challenge);
		}

		/**
		 * A challenge after the message: never answered with the credentials again.
		 */
		abstract byte[] respondAfterMessage(byte[] challenge);

		@Override
		final boolean isComplete() {
			return this.sent;
		}

	}

	/**
	 * RFC 4616, with SASLprep'd credentials (the caller prepares them) and an empty
	 * authorisation identity (the seed sent the user twice, which some servers treat as a
	 * request to act as another user).
	 */
	static final class Plain extends SingleMessage {

		Plain(String username, String password) {
			super(utf8("\0" + username + "\0" + password));
		}

		@Override
		byte[] respondAfterMessage(byte[] challenge) {
			throw new SmtpAuthenticationException("PLAIN: the server sent a challenge after the credentials");
		}

	}

	/**
	 * The LOGIN mechanism: user, then password, each at a challenge. The prompts' text is
	 * not relied on, as servers word them differently.
	 */
	static final class Login extends SaslExchange {

		private final String username;

		private final String password;

		private int step;

		Login(String username, String password) {
			this.username = username;
			this.password = password;
		}

		@Override
		byte[] respond(byte[] challenge) {
			this.step++;
			return switch (this.step) {
				case 1 -> utf8(this.username);
				case 2 -> utf8(this.password);
				default ->
					throw new SmtpAuthenticationException("LOGIN: the server asked for more than user and password");
			};
		}

		@Override
		boolean isComplete() {
			return this.step >= 2;
		}

	}

	/**
	 * RFC 2195: the password keys an HMAC-MD5 of the server's challenge and never crosses
	 * the wire.
	 */
	static final class CramMd5 extends SaslExchange {

		private final String username;

		private final String password;

		private boolean answered;

		CramMd5(String username, String password) {
			if (password.isEmpty()) {
				// HMAC needs a key; the JDK's refusal would surface as a bare
				// IllegalArgumentException mid-exchange
				throw new InvalidInputException("password", "CRAM-MD5 cannot use an empty password");
			}
			this.username = username;
			this.password = password;
		}

		@Override
		byte[] respond(byte[] challenge) {
			if (this.answered) {
				throw new SmtpAuthenticationException("CRAM-MD5: the server sent a second challenge");
			}
			this.answered = true;
			try {
				Mac mac = Mac.getInstance("HmacMD5");
				mac.init(new SecretKeySpec(utf8(this.password), "HmacMD5"));
				return utf8(this.username + " " + HexFormat.of().formatHex(mac.doFinal(challenge)));
			}
			catch (NoSuchAlgorithmException | InvalidKeyException ex) {
				throw new SmtpAuthenticationException("CRAM-MD5 is not available in this JVM: " + ex.getMessage());
			}
		}

		@Override
		boolean isComplete() {
			return this.answered;
		}

	}

	/**
	 * Google's and Microsoft's XOAUTH2. A 334 after the initial response carries an error
	 * (JSON); the client answers it with an empty line and the server then fails the
	 * AUTH.
	 */
	static final class XOAuth2 extends SingleMessage {

		XOAuth2(String username, String token) {
			super(utf8("user=" + username + "\u0001auth=Bearer " + token + "\u0001\u0001"));
		}

		@Override
		byte[] respondAfterMessage(byte[] challenge) {
			return new byte[0];
		}

	}

	static final class OAuth2Token {

		private OAuth2Token() {
		}

		static String fetch(ConnectionSettings settings) {
			String token;
			try {
				token = SettingsSecrets.oauth2TokenSupplier(settings).get();
			}
			catch (RuntimeException ex) {
				throw new SmtpAuthenticationException("the OAuth2 token supplier failed: " + ex.getClass().getName());
			}
			if (token == null || token.isBlank()) {
				throw new SmtpAuthenticationException("the OAuth2 token supplier returned no token");
			}
			for (int i = 0; i < token.length(); i++) {
				if (token.charAt(i) < 0x20 || token.charAt(i) == 0x7f) {
					throw new SmtpAuthenticationException("the OAuth2 token has a control character");
				}
			}
			return token;
		}

	}

}
