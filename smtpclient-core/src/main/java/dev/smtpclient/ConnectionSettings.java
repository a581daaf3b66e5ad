package dev.smtpclient;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.internal.protocol.HeloName;
import dev.smtpclient.internal.protocol.ProtocolLog;
import dev.smtpclient.internal.protocol.WireText;
import dev.smtpclient.internal.session.SettingsSecrets;

/**
 * Everything one connection needs, immutable once built. Start from a URL:
 * {@code ConnectionSettings.builder("esmtptls://user:secret@mail.example.com").build()}.
 * <p>
 * Every timeout has a finite default. Where RFC 5321 4.5.3.2 sets a minimum for a reply,
 * the default is that minimum, because a client that gives up sooner can abandon a
 * message the server is still working on: the greeting 5 min, MAIL 5 min, RCPT 5 min,
 * DATA 2 min, each write of the data 3 min, the reply to the final "." 10 min. Connect
 * and TLS handshake have no RFC minimum and stay short (15 s), and so do the other
 * commands (EHLO, STARTTLS, AUTH, RSET, NOOP: 60 s).
 */
public final class ConnectionSettings {

	static {
		// the engine reads the password and token through this, so neither is on the
		// public API
		SettingsSecrets.install(new SettingsSecrets.Reader() {

			@Override
			public @Nullable String password(ConnectionSettings settings) {
				return settings.password();
			}

			@Override
			public @Nullable Supplier<String> oauth2TokenSupplier(ConnectionSettings settings) {
				return settings.oauth2TokenSupplier();
			}

		});
	}

	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);

	public static final Duration DEFAULT_TLS_HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);

	/** EHLO, HELO, STARTTLS, AUTH, RSET, NOOP: no RFC minimum. */
	public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(60);

	/** RFC 5321 4.5.3.2.1, initial 220 message. */
	public static final Duration DEFAULT_GREETING_TIMEOUT = Duration.ofMinutes(5);

	/** RFC 5321 4.5.3.2.2, MAIL command. */
	public static final Duration DEFAULT_MAIL_TIMEOUT = Duration.ofMinutes(5);

	/** RFC 5321 4.5.3.2.3, RCPT command. */
	public static final Duration DEFAULT_RCPT_TIMEOUT = Duration.ofMinutes(5);

	/** RFC 5321 4.5.3.2.4, DATA initiation (the 354). */
	public static final Duration DEFAULT_DATA_INITIATION_TIMEOUT = Duration.ofMinutes(2);

	/** RFC 5321 4.5.3.2.6, DATA termination (the reply to the final "."). */
	public static final Duration DEFAULT_DATA_TIMEOUT = Duration.ofMinutes(10);

	/** RFC 5321 4.5.3.2.5, data block: any single write. */
	public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofMinutes(3);

	private final String host;

	private final int port;

	private final TlsPolicy tlsPolicy;

	private final @Nullable SSLContext sslContext;

	private final @Nullable String heloName;

	private final @Nullable String username;

	private final @Nullable String password;

	private final @Nullable Supplier<String> oauth2TokenSupplier;

	private final Set<AuthMechanism> authMechanisms;

	private final boolean allowPlaintextAuth;

	private final Duration connectTimeout;

	private final Duration tlsHandshakeTimeout;

	private final Duration commandTimeout;

	private final Duration greetingTimeout;

	private final Duration mailTimeout;

	private final Duration rcptTimeout;

	private final Duration dataInitiationTimeout;

	private final Duration dataTimeout;

	private final Duration writeTimeout;

	private final Consumer<String> infoLog;

	private final Consumer<String> debugLog;

	private final SmtpEventListener eventListener;

	private final boolean testMode;

	private final boolean requireAllRecipients;

	private final boolean chunking;

	private ConnectionSettings(Builder builder) {
		this.host = builder.host;
		this.port = builder.port;
		this.tlsPolicy = builder.tlsPolicy;
		this.sslContext = builder.sslContext;
		this.heloName = builder.heloName;
		this.username = builder.username;
		this.password = builder.password;
		this.oauth2TokenSupplier = builder.oauth2TokenSupplier;
		this.authMechanisms = Set.copyOf(builder.authMechanisms);
		this.allowPlaintextAuth = builder.allowPlaintextAuth;
		this.connectTimeout = builder.connectTimeout;
		this.tlsHandshakeTimeout = builder.tlsHandshakeTimeout;
		this.commandTimeout = builder.commandTimeout;
		this.greetingTimeout = builder.greetingTimeout;
		this.mailTimeout = builder.mailTimeout;
		this.rcptTimeout = builder.rcptTimeout;
		this.dataInitiationTimeout = builder.dataInitiationTimeout;
		this.dataTimeout = builder.dataTimeout;
		this.writeTimeout = builder.writeTimeout;
		this.infoLog = builder.infoLog;
		this.debugLog = builder.debugLog;
		this.eventListener = builder.eventListener;
		this.testMode = builder.testMode;
		this.requireAllRecipients = builder.requireAllRecipients;
		this.chunking = builder.chunking;
	}

	/**
	 * A builder preset from a URL (host, port, TLS policy, credentials).
	 * @param url the URL, see {@link SmtpUrl}
	 * @return the builder
	 */
	public static Builder builder(String url) {
		return builder(SmtpUrl.parse(url));
	}

	public static Builder builder(SmtpUrl url) {
		return new Builder().url(url);
	}

	/**
	 * A builder with no target yet: set {@link Builder#host(String)} and
	 * {@link Builder#port(int)}.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding these settings, to derive changed settings from.
	 * @return the builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public TlsPolicy tlsPolicy() {
		return this.tlsPolicy;
	}

	/**
	 * The custom SSL context, or {@code null} for the JDK's default (its trust store).
	 * @return the SSL context
	 */
	public @Nullable SSLContext sslContext() {
		return this.sslContext;
	}

	/**
	 * The name sent in EHLO/HELO, or {@code null} to use the local host name (or the
	 * local address as a literal).
	 * @return the HELO name
	 */
	public @Nullable String heloName() {
		return this.heloName;
	}

	public @Nullable String username() {
		return this.username;
	}

	@Nullable String password() {
		return this.password;
	}

	@Nullable Supplier<String> oauth2TokenSupplier() {
		return this.oauth2TokenSupplier;
	}

	/**
	 * Whether credentials (a password or a token supplier) are configured.
	 * @return whether the connection authenticates
	 */
	public boolean hasCredentials() {
		return this.username != null && (this.password != null || this.oauth2TokenSupplier != null);
	}

	public Set<AuthMechanism> authMechanisms() {
		return this.authMechanisms;
	}

	public boolean allowPlaintextAuth() {
		return this.allowPlaintextAuth;
	}

	public Duration connectTimeout() {
		return this.connectTimeout;
	}

	public Duration tlsHandshakeTimeout() {
		return this.tlsHandshakeTimeout;
	}

	/**
	 * The reply timeout of the commands without an RFC 5321 minimum: EHLO, HELO,
	 * STARTTLS, AUTH, RSET, NOOP.
	 * @return the timeout
	 */
	public Duration commandTimeout() {
		return this.commandTimeout;
	}

	public Duration greetingTimeout() {
		return this.greetingTimeout;
	}

	public Duration mailTimeout() {
		return this.mailTimeout;
	}

	public Duration rcptTimeout() {
		return this.rcptTimeout;
	}

	public Duration dataInitiationTimeout() {
		return this.dataInitiationTimeout;
	}

	public Duration dataTimeout() {
		return this.dataTimeout;
	}

	/**
	 * How long the reply in a phase may take.
	 * @param phase the phase
	 * @return the greeting, MAIL, RCPT or DATA timeout for those phases, the data timeout
	 * for the reply to the message data, else the command timeout
	 */
	public Duration replyTimeout(SmtpPhase phase) {
		return switch (phase) {
			case GREETING -> this.greetingTimeout;
			case MAIL -> this.mailTimeout;
			case RCPT -> this.rcptTimeout;
			case DATA -> this.dataInitiationTimeout;
			case MESSAGE -> this.dataTimeout;
			default -> this.commandTimeout;
		};
	}

	public Duration writeTimeout() {
		return this.writeTimeout;
	}

	public Consumer<String> infoLog() {
		return this.infoLog;
	}

	public Consumer<String> debugLog() {
		return this.debugLog;
	}

	public SmtpEventListener eventListener() {
		return this.eventListener;
	}

	public boolean testMode() {
		return this.testMode;
	}

	public boolean requireAllRecipients() {
		return this.requireAllRecipients;
	}

	public boolean chunking() {
		return this.chunking;
	}

	@Override
	public String toString() {
		return "ConnectionSettings[" + (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port
				+ ", tls=" + this.tlsPolicy + ", user=" + this.username + ", password="
				+ ((this.password != null) ? "****" : "none") + ", oauth2="
				+ ((this.oauth2TokenSupplier != null) ? "****" : "none") + ", mechanisms=" + this.authMechanisms
				+ ", allowPlaintextAuth=" + this.allowPlaintextAuth + ", testMode=" + this.testMode + "]";
	}

	/**
	 * Builds {@link ConnectionSettings}. Not thread-safe.
	 */
	public static final class Builder {

		private @Nullable String host;

		private int port;

		private TlsPolicy tlsPolicy = TlsPolicy.OPPORTUNISTIC;

		private @Nullable SSLContext sslContext;

		private @Nullable String heloName;

		private @Nullable String username;

		private @Nullable String password;

		private @Nullable Supplier<String> oauth2TokenSupplier;

		private Set<AuthMechanism> authMechanisms = EnumSet.allOf(AuthMechanism.class);

		private boolean allowPlaintextAuth;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private Duration tlsHandshakeTimeout = DEFAULT_TLS_HANDSHAKE_TIMEOUT;

		private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;

		private Duration greetingTimeout = DEFAULT_GREETING_TIMEOUT;

		private Duration mailTimeout = DEFAULT_MAIL_TIMEOUT;

		private Duration rcptTimeout = DEFAULT_RCPT_TIMEOUT;

		private Duration dataInitiationTimeout = DEFAULT_DATA_INITIATION_TIMEOUT;

		private Duration dataTimeout = DEFAULT_DATA_TIMEOUT;

		private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;

		private Consumer<String> infoLog = ProtocolLog.DISCARD;

		private Consumer<String> debugLog = ProtocolLog.DISCARD;

		private SmtpEventListener eventListener = SmtpEventListener.NONE;

		private boolean testMode;

		private boolean requireAllRecipients;

		private boolean chunking;

		private Builder() {
		}

		private Builder(ConnectionSettings settings) {
			this.host = settings.host;
			this.port = settings.port;
			this.tlsPolicy = settings.tlsPolicy;
			this.sslContext = settings.sslContext;
			this.heloName = settings.heloName;
			this.username = settings.username;
			this.password = settings.password;
			this.oauth2TokenSupplier = settings.oauth2TokenSupplier;
			this.authMechanisms = EnumSet.noneOf(AuthMechanism.class);
			this.authMechanisms.addAll(settings.authMechanisms);
			this.allowPlaintextAuth = settings.allowPlaintextAuth;
			this.connectTimeout = settings.connectTimeout;
			this.tlsHandshakeTimeout = settings.tlsHandshakeTimeout;
			this.commandTimeout = settings.commandTimeout;
			this.greetingTimeout = settings.greetingTimeout;
			this.mailTimeout = settings.mailTimeout;
			this.rcptTimeout = settings.rcptTimeout;
			this.dataInitiationTimeout = settings.dataInitiationTimeout;
			this.dataTimeout = settings.dataTimeout;
			this.writeTimeout = settings.writeTimeout;
			this.infoLog = settings.infoLog;
			this.debugLog = settings.debugLog;
			this.eventListener = settings.eventListener;
			this.testMode = settings.testMode;
			this.requireAllRecipients = settings.requireAllRecipients;
			this.chunking = settings.chunking;
		}

		/**
		 * Takes host, port, TLS policy and (if present) credentials from a URL.
		 * @param url the URL
		 * @return this builder
		 */
		public Builder url(SmtpUrl url) {
			this.host = url.host();
			this.port = url.port();
			this.tlsPolicy = url.tlsPolicy();
			if (url.username().isPresent()) {
				this.username = url.username().get();
				this.password = url.password().orElse(null);
			}
			return this;
		}

		public Builder url(String url) {
			return url(SmtpUrl.parse(url));
		}

		public Builder host(String host) {
			this.host = WireText.requireNoControls("host", host);
			return this;
		}

		public Builder port(int port) {
			if (port < 1 || port > 65535) {
				throw new InvalidInputException("port", port + " is outside 1-65535");
			}
			this.port = port;
			return this;
		}

		public Builder tlsPolicy(TlsPolicy tlsPolicy) {
			this.tlsPolicy = Objects.requireNonNull(tlsPolicy, "tlsPolicy");
			return this;
		}

		/**
		 * Uses this SSL context instead of the JDK default, for example one that trusts a
		 * private CA. Host names are verified whatever the context.
		 * @param sslContext the context
		 * @return this builder
		 */
		public Builder sslContext(@Nullable SSLContext sslContext) {
			this.sslContext = sslContext;
			return this;
		}

		/**
		 * The name to send in EHLO/HELO: a domain name or an address literal such as
		 * {@code [192.0.2.1]}.
		 * @param heloName the name
		 * @return this builder
		 */
		public Builder heloName(@Nullable String heloName) {
			this.heloName = (heloName != null) ? HeloName.check(heloName) : null;
			return this;
		}

		/**
		 * User and password for AUTH.
		 * @param username the user
		 * @param password the password
		 * @return this builder
		 */
		public Builder credentials(String username, String password) {
			this.username = WireText.requireNoControls("username", username);
			this.password = requireNoLineBreaks(Objects.requireNonNull(password, "password"));
			return this;
		}

		/**
		 * AUTH XOAUTH2 with a token from the supplier, asked anew for every connection so
		 * tokens can be refreshed.
		 * @param username the user (the mailbox the token is for)
		 * @param tokenSupplier supplies the access token
		 * @return this builder
		 */
		public Builder oauth2(String username, Supplier<String> tokenSupplier) {
			this.username = WireText.requireNoControls("username", username);
			this.oauth2TokenSupplier = Objects.requireNonNull(tokenSupplier, "tokenSupplier");
			return this;
		}

		/**
		 * The mechanisms this client may use; the strongest one the server also offers is
		 * chosen.
		 * @param mechanisms the allowed mechanisms
		 * @return this builder
		 */
		public Builder authMechanisms(Set<AuthMechanism> mechanisms) {
			if (mechanisms.isEmpty()) {
				throw new InvalidInputException("authMechanisms", "at least one mechanism is required");
			}
			this.authMechanisms = EnumSet.copyOf(mechanisms);
			return this;
		}

		public Builder authMechanisms(AuthMechanism first, AuthMechanism... rest) {
			return authMechanisms(EnumSet.of(first, rest));
		}

		/**
		 * Allows sending credentials over a connection without TLS, where anyone on the
		 * path can read them. Off by default; turn it on only for a server on a trusted
		 * network that cannot do TLS.
		 * @param allowPlaintextAuth whether to authenticate without TLS
		 * @return this builder
		 */
		public Builder allowPlaintextAuth(boolean allowPlaintextAuth) {
			this.allowPlaintextAuth = allowPlaintextAuth;
			return this;
		}

		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = positive("connectTimeout", timeout);
			return this;
		}

		public Builder tlsHandshakeTimeout(Duration timeout) {
			this.tlsHandshakeTimeout = positive("tlsHandshakeTimeout", timeout);
			return this;
		}

		/**
		 * How long a command's whole reply may take, from the command until its last
		 * line: a server that trickles a byte at a time is cut off here too. Sets the
		 * timeout of every reply but the one to the message data: the greeting, MAIL,
		 * RCPT and DATA too, so one call bounds a whole session (a health check, a test).
		 * To keep the RFC 5321 values for those, or give them others, call
		 * {@link #greetingTimeout}, {@link #mailTimeout}, {@link #rcptTimeout} and
		 * {@link #dataInitiationTimeout} after this method.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder commandTimeout(Duration timeout) {
			this.commandTimeout = positive("commandTimeout", timeout);
			this.greetingTimeout = timeout;
			this.mailTimeout = timeout;
			this.rcptTimeout = timeout;
			this.dataInitiationTimeout = timeout;
			return this;
		}

		/**
		 * How long the server's greeting may take (RFC 5321 4.5.3.2.1: at least 5 min).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder greetingTimeout(Duration timeout) {
			this.greetingTimeout = positive("greetingTimeout", timeout);
			return this;
		}

		/**
		 * How long the reply to MAIL may take (RFC 5321 4.5.3.2.2: at least 5 min).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder mailTimeout(Duration timeout) {
			this.mailTimeout = positive("mailTimeout", timeout);
			return this;
		}

		/**
		 * How long the reply to each RCPT may take (RFC 5321 4.5.3.2.3: at least 5 min).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder rcptTimeout(Duration timeout) {
			this.rcptTimeout = positive("rcptTimeout", timeout);
			return this;
		}

		/**
		 * How long the reply to DATA may take (RFC 5321 4.5.3.2.4: at least 2 min).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder dataInitiationTimeout(Duration timeout) {
			this.dataInitiationTimeout = positive("dataInitiationTimeout", timeout);
			return this;
		}

		/**
		 * How long the reply to the final "." (or to the last BDAT chunk) may take (RFC
		 * 5321 4.5.3.2.6: at least 10 min, as the server may be filtering or delivering
		 * the message meanwhile).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder dataTimeout(Duration timeout) {
			this.dataTimeout = positive("dataTimeout", timeout);
			return this;
		}

		/**
		 * How long one write may block (a server that stops reading); RFC 5321 4.5.3.2.5
		 * gives each data block at least 3 min.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder writeTimeout(Duration timeout) {
			this.writeTimeout = positive("writeTimeout", timeout);
			return this;
		}

		/**
		 * Receives one line per notable step (connected, TLS, authenticated, message
		 * accepted, failures).
		 * @param infoLog the consumer
		 * @return this builder
		 */
		public Builder infoLog(Consumer<String> infoLog) {
			this.infoLog = Objects.requireNonNull(infoLog, "infoLog");
			return this;
		}

		/**
		 * Receives the protocol transcript, AUTH payloads masked and message data
		 * summarised.
		 * @param debugLog the consumer
		 * @return this builder
		 */
		public Builder debugLog(Consumer<String> debugLog) {
			this.debugLog = Objects.requireNonNull(debugLog, "debugLog");
			return this;
		}

		public Builder eventListener(SmtpEventListener eventListener) {
			this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
			return this;
		}

		/**
		 * Test mode (the seed's {@code test(true)}): no network at all; the commands and
		 * data that would be sent are recorded instead, and every command is answered as
		 * a well-behaved server would.
		 * @param testMode whether to stay off the network
		 * @return this builder
		 */
		public Builder testMode(boolean testMode) {
			this.testMode = testMode;
			return this;
		}

		/**
		 * Send a message only if every recipient is accepted. Off by default: the message
		 * goes to the accepted recipients and the rejected ones are reported in the
		 * {@link SendResult}.
		 * @param requireAllRecipients whether one rejected recipient stops the message
		 * @return this builder
		 */
		public Builder requireAllRecipients(boolean requireAllRecipients) {
			this.requireAllRecipients = requireAllRecipients;
			return this;
		}

		/**
		 * Send message data with BDAT (RFC 3030 CHUNKING) where the server offers it: the
		 * data goes in counted chunks, with no dot-stuffing and no scanning for the end.
		 * Off by default; DATA works everywhere.
		 * @param chunking whether to use BDAT when offered
		 * @return this builder
		 */
		public Builder chunking(boolean chunking) {
			this.chunking = chunking;
			return this;
		}

		public ConnectionSettings build() {
			if (this.host == null) {
				throw new InvalidInputException("host", "no host configured");
			}
			if (this.port == 0) {
				throw new InvalidInputException("port", "no port configured");
			}
			return new ConnectionSettings(this);
		}

		private static Duration positive(String field, Duration timeout) {
			if (timeout == null || timeout.isZero() || timeout.isNegative()) {
				throw new InvalidInputException(field, "must be a positive duration");
			}
			return timeout;
		}

		private static String requireNoLineBreaks(String password) {
			if (password.indexOf('\r') >= 0 || password.indexOf('\n') >= 0 || password.indexOf('\0') >= 0) {
				throw new InvalidInputException("password", "CR, LF and NUL are not allowed");
			}
			return password;
		}

	}

}
