package dev.smtpclient.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

import dev.smtpclient.SmtpUrl;
import dev.smtpclient.TlsPolicy;

/**
 * Details required to establish a connection to an SMTP server. Everything derives from
 * {@link #getUrl()} by default; implementations may override any part.
 */
public interface SmtpConnectionDetails extends ConnectionDetails {

	/**
	 * The server URL; its {@code toString()} masks the password.
	 * @return the URL
	 */
	SmtpUrl getUrl();

	default String getHost() {
		return getUrl().host();
	}

	default int getPort() {
		return getUrl().port();
	}

	default TlsPolicy getTlsPolicy() {
		return getUrl().tlsPolicy();
	}

	default @Nullable String getUsername() {
		return getUrl().username().orElse(null);
	}

	default @Nullable String getPassword() {
		return getUrl().password().orElse(null);
	}

	/**
	 * The SSL bundle whose trust (and key) material the connection uses, or {@code null}
	 * for the JDK's defaults.
	 * @return the SSL bundle or {@code null}
	 */
	default @Nullable SslBundle getSslBundle() {
		return null;
	}

}
