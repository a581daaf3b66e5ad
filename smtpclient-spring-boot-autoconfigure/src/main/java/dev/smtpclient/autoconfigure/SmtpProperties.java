package dev.smtpclient.autoconfigure;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.smtpclient.AuthMechanism;
import dev.smtpclient.TlsPolicy;

/**
 * Configuration properties for the smtpclient auto-configuration.
 */
@ConfigurationProperties("smtp")
public class SmtpProperties {

	/**
	 * SMTP server URL, 'scheme://[user:password@]host[:port]', for example
	 * 'esmtptls://me%40example.com:secret@smtp.example.com'. Schemes: smtp, smtps,
	 * smtptls, esmtp, esmtptls, esmtps. Setting it turns the auto-configuration on.
	 */
	private @Nullable String url;

	/**
	 * Login user; overrides the user of the URL.
	 */
	private @Nullable String username;

	/**
	 * Login password; overrides the password of the URL.
	 */
	private @Nullable String password;

	/**
	 * Name sent in EHLO/HELO. Defaults to the local host name.
	 */
	private @Nullable String heloName;

	/**
	 * TLS policy; overrides the one implied by the URL's scheme. NONE never uses TLS.
	 */
	private @Nullable TlsPolicy tls;

	/**
	 * Connection timeout.
	 */
	private Duration connectTimeout = Duration.ofSeconds(15);

	/**
	 * TLS handshake timeout.
	 */
	private Duration tlsHandshakeTimeout = Duration.ofSeconds(15);

	/**
	 * Time the whole reply to EHLO, STARTTLS, AUTH, RSET or NOOP may take.
	 */
	private Duration commandTimeout = Duration.ofSeconds(60);

	/**
	 * Time the server's greeting may take (RFC 5321 4.5.3.2.1).
	 */
	private Duration greetingTimeout = Duration.ofMinutes(5);

	/**
	 * Time the reply to MAIL may take (RFC 5321 4.5.3.2.2).
	 */
	private Duration mailTimeout = Duration.ofMinutes(5);

	/**
	 * Time the reply to each RCPT may take (RFC 5321 4.5.3.2.3).
	 */
	private Duration rcptTimeout = Duration.ofMinutes(5);

	/**
	 * Time the reply to DATA may take (RFC 5321 4.5.3.2.4).
	 */
	private Duration dataInitiationTimeout = Duration.ofMinutes(2);

	/**
	 * Time the reply to the end of the message data may take (RFC 5321 4.5.3.2.6).
	 */
	private Duration dataTimeout = Duration.ofMinutes(10);

	/**
	 * Time a single write may block (RFC 5321 4.5.3.2.5).
	 */
	private Duration writeTimeout = Duration.ofMinutes(3);

	/**
	 * Whether a message is sent only when every recipient is accepted.
	 */
	private boolean requireAllRecipients;

	/**
	 * Whether to stay off the network and record what would be sent instead.
	 */
	private boolean testMode;

	/**
	 * Sender address used by the JavaMailSender adapter for messages without a From
	 * header.
	 */
	private @Nullable String defaultFrom;

	/**
	 * Messages per second this client may send, across all threads; 0 for no limit.
	 */
	private double rateLimit;

	private final Ssl ssl = new Ssl();

	private final Auth auth = new Auth();

	private final Pool pool = new Pool();

	private final Retry retry = new Retry();

	private final Dkim dkim = new Dkim();

	private final Health health = new Health();

	private final MailSender mailSender = new MailSender();

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getHeloName() {
		return this.heloName;
	}

	public void setHeloName(@Nullable String heloName) {
		this.heloName = heloName;
	}

	public @Nullable TlsPolicy getTls() {
		return this.tls;
	}

	public void setTls(@Nullable TlsPolicy tls) {
		this.tls = tls;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getTlsHandshakeTimeout() {
		return this.tlsHandshakeTimeout;
	}

	public void setTlsHandshakeTimeout(Duration tlsHandshakeTimeout) {
		this.tlsHandshakeTimeout = tlsHandshakeTimeout;
	}

	public Duration getCommandTimeout() {
		return this.commandTimeout;
	}

	public void setCommandTimeout(Duration commandTimeout) {
		this.commandTimeout = commandTimeout;
	}

	public Duration getGreetingTimeout() {
		return this.greetingTimeout;
	}

	public void setGreetingTimeout(Duration greetingTimeout) {
		this.greetingTimeout = greetingTimeout;
	}

	public Duration getMailTimeout() {
		return this.mailTimeout;
	}

	public void setMailTimeout(Duration mailTimeout) {
		this.mailTimeout = mailTimeout;
	}

	public Duration getRcptTimeout() {
		return this.rcptTimeout;
	}

	public void setRcptTimeout(Duration rcptTimeout) {
		this.rcptTimeout = rcptTimeout;
	}

	public Duration getDataInitiationTimeout() {
		return this.dataInitiationTimeout;
	}

	public void setDataInitiationTimeout(Duration dataInitiationTimeout) {
		this.dataInitiationTimeout = dataInitiationTimeout;
	}

	public Duration getDataTimeout() {
		return this.dataTimeout;
	}

	public void setDataTimeout(Duration dataTimeout) {
		this.dataTimeout = dataTimeout;
	}

	public Duration getWriteTimeout() {
		return this.writeTimeout;
	}

	public void setWriteTimeout(Duration writeTimeout) {
		this.writeTimeout = writeTimeout;
	}

	public boolean isRequireAllRecipients() {
		return this.requireAllRecipients;
	}

	public void setRequireAllRecipients(boolean requireAllRecipients) {
		this.requireAllRecipients = requireAllRecipients;
	}

	public boolean isTestMode() {
		return this.testMode;
	}

	public void setTestMode(boolean testMode) {
		this.testMode = testMode;
	}

	public @Nullable String getDefaultFrom() {
		return this.defaultFrom;
	}

	public void setDefaultFrom(@Nullable String defaultFrom) {
		this.defaultFrom = defaultFrom;
	}

	public double getRateLimit() {
		return this.rateLimit;
	}

	public void setRateLimit(double rateLimit) {
		this.rateLimit = rateLimit;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Auth getAuth() {
		return this.auth;
	}

	public Pool getPool() {
		return this.pool;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Dkim getDkim() {
		return this.dkim;
	}

	public Health getHealth() {
		return this.health;
	}

	public MailSender getMailSender() {
		return this.mailSender;
	}

	public static class Ssl {

		/**
		 * SSL bundle whose trust material verifies the server (and whose key material, if
		 * any, is the client certificate). Defaults to the JDK trust store.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	public static class Auth {

		/**
		 * SASL mechanisms the client may use; the strongest one the server also offers is
		 * chosen.
		 */
		private Set<AuthMechanism> mechanisms = EnumSet.allOf(AuthMechanism.class);

		/**
		 * Whether credentials may be sent over a connection without TLS.
		 */
		private boolean allowPlaintext;

		public Set<AuthMechanism> getMechanisms() {
			return this.mechanisms;
		}

		public void setMechanisms(Set<AuthMechanism> mechanisms) {
			this.mechanisms = mechanisms;
		}

		public boolean isAllowPlaintext() {
			return this.allowPlaintext;
		}

		public void setAllowPlaintext(boolean allowPlaintext) {
			this.allowPlaintext = allowPlaintext;
		}

	}

	public static class Pool {

		/**
		 * Maximum number of connections open at once.
		 */
		private int maxSize = 8;

		/**
		 * Number of idle connections kept open.
		 */
		private int minIdle;

		/**
		 * Time a connection may stay idle before it is closed.
		 */
		private Duration idleTimeout = Duration.ofSeconds(60);

		/**
		 * Time after which a connection is retired (give or take 2.5%).
		 */
		private Duration maxLifetime = Duration.ofMinutes(10);

		/**
		 * Number of messages after which a connection is retired.
		 */
		private int maxMessagesPerConnection = 100;

		/**
		 * Time a send waits for a free connection.
		 */
		private Duration acquireTimeout = Duration.ofSeconds(30);

		/**
		 * Idle time after which a connection is checked with NOOP before it is used.
		 */
		private Duration validateAfterIdle = Duration.ofSeconds(10);

		/**
		 * Interval between two runs of the housekeeper that closes idle and expired
		 * connections.
		 */
		private Duration housekeepingInterval = Duration.ofSeconds(15);

		public int getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(int maxSize) {
			this.maxSize = maxSize;
		}

		public int getMinIdle() {
			return this.minIdle;
		}

		public void setMinIdle(int minIdle) {
			this.minIdle = minIdle;
		}

		public Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

		public Duration getMaxLifetime() {
			return this.maxLifetime;
		}

		public void setMaxLifetime(Duration maxLifetime) {
			this.maxLifetime = maxLifetime;
		}

		public int getMaxMessagesPerConnection() {
			return this.maxMessagesPerConnection;
		}

		public void setMaxMessagesPerConnection(int maxMessagesPerConnection) {
			this.maxMessagesPerConnection = maxMessagesPerConnection;
		}

		public Duration getAcquireTimeout() {
			return this.acquireTimeout;
		}

		public void setAcquireTimeout(Duration acquireTimeout) {
			this.acquireTimeout = acquireTimeout;
		}

		public Duration getValidateAfterIdle() {
			return this.validateAfterIdle;
		}

		public void setValidateAfterIdle(Duration validateAfterIdle) {
			this.validateAfterIdle = validateAfterIdle;
		}

		public Duration getHousekeepingInterval() {
			return this.housekeepingInterval;
		}

		public void setHousekeepingInterval(Duration housekeepingInterval) {
			this.housekeepingInterval = housekeepingInterval;
		}

	}

	public static class Retry {

		/**
		 * Number of attempts in all; 1 means no retry. Only failures that left the
		 * message undelivered for sure (4xx replies, connections lost before the end of
		 * the message) are retried.
		 */
		private int maxAttempts = 1;

		/**
		 * Wait before the second attempt.
		 */
		private Duration initialBackoff = Duration.ofSeconds(1);

		/**
		 * Factor by which each wait grows.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(30);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	/**
	 * DKIM signing of every message sent by the client.
	 */
	public static class Dkim {

		/**
		 * Whether to sign every message with DKIM (RSA-SHA256 or Ed25519-SHA256 by the
		 * key's type, relaxed/relaxed). Needs domain, selector and private-key.
		 */
		private boolean enabled;

		/**
		 * Signing domain (the d= tag).
		 */
		private @Nullable String domain;

		/**
		 * Selector (the s= tag): the public key is published at
		 * selector._domainkey.domain.
		 */
		private @Nullable String selector;

		/**
		 * Location of the PEM private key (PKCS#8, or PKCS#1 for RSA), for example
		 * "file:/etc/dkim/mail.pem" or "classpath:dkim.pem".
		 */
		private @Nullable String privateKey;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getDomain() {
			return this.domain;
		}

		public void setDomain(@Nullable String domain) {
			this.domain = domain;
		}

		public @Nullable String getSelector() {
			return this.selector;
		}

		public void setSelector(@Nullable String selector) {
			this.selector = selector;
		}

		public @Nullable String getPrivateKey() {
			return this.privateKey;
		}

		public void setPrivateKey(@Nullable String privateKey) {
			this.privateKey = privateKey;
		}

	}

	public static class Health {

		/**
		 * Time the whole health check may take; also the connect, TLS handshake and
		 * command timeout of its connection.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Time between two background checks of the server; health requests get the last
		 * result at once.
		 */
		private Duration interval = Duration.ofSeconds(30);

		/**
		 * Whether the health check also logs in (AUTH). By default it checks greeting,
		 * EHLO and TLS only.
		 */
		private boolean authenticate;

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public boolean isAuthenticate() {
			return this.authenticate;
		}

		public void setAuthenticate(boolean authenticate) {
			this.authenticate = authenticate;
		}

	}

	public static class MailSender {

		/**
		 * Whether to expose a Spring JavaMailSender backed by the pooled client when
		 * Jakarta Mail and spring-context-support are on the class path and the
		 * application defines no MailSender.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
