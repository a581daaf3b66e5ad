package dev.smtpclient.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import dev.smtpclient.TlsPolicy;

/**
 * The {@code spring.mail.*} properties of an application that used Spring Boot's own mail
 * sender, read the way {@code JavaMailSenderImpl} with Angus Mail reads them. Bound from
 * the environment rather than declared as configuration properties: the namespace is
 * Spring Boot's, and its metadata comes with Spring Boot.
 */
final class SpringMailProperties {

	private static final String SMTPS = "smtps";

	/**
	 * The {@code spring.mail.properties} keys, after {@code mail.<protocol>.}, that have
	 * an equivalent here.
	 */
	private static final Set<String> SUPPORTED_KEYS = Set.of("auth", "starttls.enable", "starttls.required",
			"ssl.enable", "connectiontimeout", "timeout", "writetimeout", "localhost", "sendpartial");

	private final String host;

	private final @Nullable Integer port;

	private final @Nullable String username;

	private final @Nullable String password;

	private final String protocol;

	private final boolean sslEnabled;

	private final @Nullable String sslBundle;

	private final Map<String, String> properties;

	private SpringMailProperties(Binder binder) {
		this.host = binder.bind("spring.mail.host", String.class).orElse("");
		this.port = binder.bind("spring.mail.port", Integer.class).orElse(null);
		this.username = emptyToNull(binder.bind("spring.mail.username", String.class).orElse(null));
		this.password = emptyToNull(binder.bind("spring.mail.password", String.class).orElse(null));
		this.protocol = binder.bind("spring.mail.protocol", String.class).orElse("smtp");
		this.sslEnabled = binder.bind("spring.mail.ssl.enabled", Boolean.class).orElse(false);
		this.sslBundle = emptyToNull(binder.bind("spring.mail.ssl.bundle", String.class).orElse(null));
		this.properties = binder.bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		if (!"smtp".equals(this.protocol) && !SMTPS.equals(this.protocol)) {
			throw new IllegalStateException(
					"spring.mail.protocol must be smtp or smtps to be used by smtpclient, not '" + this.protocol + "'");
		}
	}

	static SpringMailProperties of(Environment environment) {
		return new SpringMailProperties(Binder.get(environment));
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	String getHost() {
		return this.host;
	}

	int getPort() {
		if (this.port != null) {
			return this.port;
		}
		return (getTlsPolicy() == TlsPolicy.IMPLICIT) ? 465 : 25;
	}

	@Nullable String getUsername() {
		return this.username;
	}

	@Nullable String getPassword() {
		return this.password;
	}

	@Nullable String getSslBundle() {
		return this.sslBundle;
	}

	/**
	 * The TLS policy Angus Mail would follow: implicit TLS for smtps or an SSL-enabled
	 * smtp, STARTTLS as the {@code starttls} properties ask, and none without them (Angus
	 * Mail's default).
	 * @return the TLS policy
	 */
	TlsPolicy getTlsPolicy() {
		if (SMTPS.equals(this.protocol) || this.sslEnabled || flag("ssl.enable")) {
			return TlsPolicy.IMPLICIT;
		}
		if (flag("starttls.required")) {
			return TlsPolicy.REQUIRED;
		}
		if (flag("starttls.enable")) {
			return TlsPolicy.OPPORTUNISTIC;
		}
		return TlsPolicy.NONE;
	}

	@Nullable Duration getConnectTimeout() {
		return millis("connectiontimeout");
	}

	/**
	 * Angus Mail's read timeout, which bounds every read: replies, the TLS handshake and
	 * the reply to the data.
	 * @return the timeout or {@code null}
	 */
	@Nullable Duration getReadTimeout() {
		return millis("timeout");
	}

	@Nullable Duration getWriteTimeout() {
		return millis("writetimeout");
	}

	@Nullable String getHeloName() {
		return emptyToNull(property("localhost"));
	}

	/**
	 * Whether a message goes to the accepted recipients when others are refused; Angus
	 * Mail sends it to nobody unless {@code sendpartial} is set.
	 * @return whether partial sends are allowed
	 */
	boolean isSendPartial() {
		return flag("sendpartial");
	}

	/**
	 * The names of the {@code spring.mail.properties} keys that have no equivalent here,
	 * for a warning.
	 * @return the names, sorted
	 */
	Set<String> getUnsupportedPropertyNames() {
		Set<String> unsupported = new TreeSet<>();
		String prefix = prefix();
		for (String key : this.properties.keySet()) {
			if (!key.startsWith(prefix) || !SUPPORTED_KEYS.contains(key.substring(prefix.length()))) {
				unsupported.add(key);
			}
		}
		return unsupported;
	}

	private String prefix() {
		return "mail." + this.protocol + ".";
	}

	private @Nullable String property(String key) {
		return this.properties.get(prefix() + key);
	}

	private boolean flag(String key) {
		String value = property(key);
		return value != null && Boolean.parseBoolean(value.strip());
	}

	/**
	 * A timeout in milliseconds; zero or less means none in Angus Mail, which this client
	 * does not allow, so the client's own default stays.
	 */
	private @Nullable Duration millis(String key) {
		String value = property(key);
		if (value == null || value.isBlank()) {
			return null;
		}
		long millis;
		try {
			millis = Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException(
					"spring.mail.properties." + prefix() + key + " must be a number of milliseconds", ex);
		}
		return (millis > 0) ? Duration.ofMillis(millis) : null;
	}

}
