package dev.smtpclient.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

import dev.smtpclient.InvalidInputException;
import dev.smtpclient.SmtpUrl;
import dev.smtpclient.TlsPolicy;

/**
 * Adapts {@link SmtpProperties} to {@link SmtpConnectionDetails}: the URL, with the user,
 * password and TLS policy overridden by their own properties when set.
 */
class PropertiesSmtpConnectionDetails implements SmtpConnectionDetails {

	private final SmtpProperties properties;

	private final SmtpUrl url;

	private final @Nullable SslBundles sslBundles;

	PropertiesSmtpConnectionDetails(SmtpProperties properties, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.url = parse(properties.getUrl());
		this.sslBundles = sslBundles;
	}

	private static SmtpUrl parse(@Nullable String url) {
		try {
			return SmtpUrl.parse(url);
		}
		catch (InvalidInputException ex) {
			throw new InvalidSmtpUrlException(url, ex);
		}
	}

	@Override
	public SmtpUrl getUrl() {
		return this.url;
	}

	@Override
	public TlsPolicy getTlsPolicy() {
		TlsPolicy tls = this.properties.getTls();
		return (tls != null) ? tls : this.url.tlsPolicy();
	}

	@Override
	public @Nullable String getUsername() {
		String username = this.properties.getUsername();
		return (username != null) ? username : this.url.username().orElse(null);
	}

	@Override
	public @Nullable String getPassword() {
		String password = this.properties.getPassword();
		return (password != null) ? password : this.url.password().orElse(null);
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		String bundle = this.properties.getSsl().getBundle();
		if (bundle == null) {
			return null;
		}
		if (this.sslBundles == null) {
			throw new IllegalStateException("smtp.ssl.bundle is set to '" + bundle + "' but no SslBundles bean exists");
		}
		return this.sslBundles.getBundle(bundle);
	}

}
