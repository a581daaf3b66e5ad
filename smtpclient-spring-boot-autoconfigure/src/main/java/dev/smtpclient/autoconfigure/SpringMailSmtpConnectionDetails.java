package dev.smtpclient.autoconfigure;

import java.time.Duration;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.SmtpUrl;
import dev.smtpclient.TlsPolicy;

/**
 * Adapts the {@code spring.mail.*} properties of an application migrating from Spring
 * Boot's own mail sender to {@link SmtpConnectionDetails}, used when
 * {@code spring.mail.host} is set and {@code smtp.url} is not. The {@code smtp.*}
 * properties still apply on top ({@code smtp.tls}, {@code smtp.username}, the pool, and
 * so on).
 */
class SpringMailSmtpConnectionDetails implements SmtpConnectionDetails {

	private static final Log logger = LogFactory.getLog(SpringMailSmtpConnectionDetails.class);

	private final SpringMailProperties mail;

	private final SmtpProperties properties;

	private final @Nullable SslBundles sslBundles;

	private final SmtpUrl url;

	SpringMailSmtpConnectionDetails(SpringMailProperties mail, SmtpProperties properties,
			@Nullable SslBundles sslBundles) {
		this.mail = mail;
		this.properties = properties;
		this.sslBundles = sslBundles;
		String host = mail.getHost().strip();
		String authority = (host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host;
		try {
			this.url = SmtpUrl.parse("smtp://" + authority + ":" + mail.getPort());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					"spring.mail.host and spring.mail.port do not name a server: " + ex.getMessage(), ex);
		}
		warnAboutUnsupportedProperties(mail.getUnsupportedPropertyNames());
	}

	private static void warnAboutUnsupportedProperties(Set<String> names) {
		if (!names.isEmpty()) {
			// names only: a value may be a secret
			logger
				.warn("Ignoring spring.mail.properties that smtpclient does not support: " + String.join(", ", names));
		}
	}

	@Override
	public SmtpUrl getUrl() {
		return this.url;
	}

	@Override
	public TlsPolicy getTlsPolicy() {
		TlsPolicy tls = this.properties.getTls();
		return (tls != null) ? tls : this.mail.getTlsPolicy();
	}

	@Override
	public @Nullable String getUsername() {
		String username = this.properties.getUsername();
		return (username != null) ? username : this.mail.getUsername();
	}

	@Override
	public @Nullable String getPassword() {
		String password = this.properties.getPassword();
		return (password != null) ? password : this.mail.getPassword();
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		String bundle = this.properties.getSsl().getBundle();
		String property = "smtp.ssl.bundle";
		if (bundle == null) {
			bundle = this.mail.getSslBundle();
			property = "spring.mail.ssl.bundle";
		}
		if (bundle == null) {
			return null;
		}
		if (this.sslBundles == null) {
			throw new IllegalStateException(property + " is set to '" + bundle + "' but no SslBundles bean exists");
		}
		return this.sslBundles.getBundle(bundle);
	}

	/**
	 * Applies what {@code spring.mail.properties} says beyond the connection details:
	 * timeouts, the EHLO name, and Angus Mail's rule that a message some recipients
	 * refused goes to nobody (unless {@code sendpartial}).
	 * @param connection the settings to change
	 */
	void applyTo(ConnectionSettings.Builder connection) {
		Duration connectTimeout = this.mail.getConnectTimeout();
		if (connectTimeout != null) {
			connection.connectTimeout(connectTimeout);
		}
		Duration readTimeout = this.mail.getReadTimeout();
		if (readTimeout != null) {
			connection.tlsHandshakeTimeout(readTimeout).commandTimeout(readTimeout).dataTimeout(readTimeout);
		}
		Duration writeTimeout = this.mail.getWriteTimeout();
		if (writeTimeout != null) {
			connection.writeTimeout(writeTimeout);
		}
		String heloName = this.mail.getHeloName();
		if (heloName != null && this.properties.getHeloName() == null) {
			connection.heloName(heloName);
		}
		connection.requireAllRecipients(this.properties.isRequireAllRecipients() || !this.mail.isSendPartial());
	}

}
