package dev.smtpclient;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link SmtpClient}: the URL plus every connection and pool setting. Not
 * thread-safe; the client it builds is, and its configuration cannot change.
 */
public final class SmtpClientBuilder {

	private final ConnectionSettings.Builder connection;

	private PoolSettings pool = PoolSettings.defaults();

	private RetryPolicy retryPolicy = RetryPolicy.NONE;

	private double rateLimit;

	private @Nullable SendRateLimiter rateLimiter;

	private @Nullable Executor executor;

	private Clock clock = Clock.systemUTC();

	private boolean housekeeping = true;

	private dev.smtpclient.dkim.@Nullable DkimSigner dkimSigner;

	SmtpClientBuilder(ConnectionSettings.Builder connection) {
		this.connection = connection;
	}

	/**
	 * Changes connection settings not covered by a shortcut below.
	 * @param customizer receives the connection settings builder
	 * @return this builder
	 */
	public SmtpClientBuilder connection(Consumer<ConnectionSettings.Builder> customizer) {
		customizer.accept(this.connection);
		return this;
	}

	public SmtpClientBuilder tlsPolicy(TlsPolicy tlsPolicy) {
		this.connection.tlsPolicy(tlsPolicy);
		return this;
	}

	public SmtpClientBuilder sslContext(SSLContext sslContext) {
		this.connection.sslContext(sslContext);
		return this;
	}

	/**
	 * User and password; overrides the URL's.
	 * @param username the user
	 * @param password the password
	 * @return this builder
	 */
	public SmtpClientBuilder credentials(String username, String password) {
		this.connection.credentials(username, password);
		return this;
	}

	public SmtpClientBuilder oauth2(String username, Supplier<String> tokenSupplier) {
		this.connection.oauth2(username, tokenSupplier);
		return this;
	}

	public SmtpClientBuilder authMechanisms(Set<AuthMechanism> mechanisms) {
		this.connection.authMechanisms(mechanisms);
		return this;
	}

	public SmtpClientBuilder allowPlaintextAuth(boolean allowPlaintextAuth) {
		this.connection.allowPlaintextAuth(allowPlaintextAuth);
		return this;
	}

	public SmtpClientBuilder heloName(String heloName) {
		this.connection.heloName(heloName);
		return this;
	}

	public SmtpClientBuilder connectTimeout(Duration timeout) {
		this.connection.connectTimeout(timeout);
		return this;
	}

	public SmtpClientBuilder commandTimeout(Duration timeout) {
		this.connection.commandTimeout(timeout);
		return this;
	}

	/**
	 * See {@link ConnectionSettings.Builder#tlsHandshakeTimeout(Duration)}.
	 * @param timeout how long the TLS handshake may take
	 * @return this builder
	 */
	public SmtpClientBuilder tlsHandshakeTimeout(Duration timeout) {
		this.connection.tlsHandshakeTimeout(timeout);
		return this;
	}

	/**
	 * See {@link ConnectionSettings.Builder#greetingTimeout(Duration)}.
	 * @param timeout how long the greeting may take
	 * @return this builder
	 */
	public SmtpClientBuilder greetingTimeout(Duration timeout) {
		this.connection.greetingTimeout(timeout);
		return this;
	}

	/**
	 * See {@link ConnectionSettings.Builder#mailTimeout(Duration)}.
	 * @param timeout how long the reply to MAIL may take
	 * @return this builder
	 */
	public SmtpClientBuilder mailTimeout(Duration timeout) {
		this.connection.mailTimeout(timeout);
		return this;
	}

	/**
	 * See {@link ConnectionSettings.Builder#rcptTimeout(Duration)}.
	 * @param timeout how long the reply to each RCPT may take
	 * @return this builder
	 */
	public SmtpClientBuilder rcptTimeout(Duration timeout) {
		this.connection.rcptTimeout(timeout);
		return this;
	}

	/**
	 * See {@link ConnectionSettings.Builder#dataInitiationTimeout(Duration)}.
	 * @param timeout how long the reply to DATA may take
	 * @return this builder
	 */
	public SmtpClientBuilder dataInitiationTimeout(Duration timeout) {
		this.connection.dataInitiationTimeout(timeout);
		return this;
	}

	/**
	 * See {@link ConnectionSettings.Builder#dataTimeout(Duration)}.
	 * @param timeout how long the reply to the end of the data may take
	 * @return this builder
	 */
	public SmtpClientBuilder dataTimeout(Duration timeout) {
		this.connection.dataTimeout(timeout);
		return this;
	}

	/**
	 * See {@link ConnectionSettings.Builder#writeTimeout(Duration)}.
	 * @param timeout how long one write may take
	 * @return this builder
	 */
	public SmtpClientBuilder writeTimeout(Duration timeout) {
		this.connection.writeTimeout(timeout);
		return this;
	}

	public SmtpClientBuilder infoLog(Consumer<String> infoLog) {
		this.connection.infoLog(infoLog);
		return this;
	}

	public SmtpClientBuilder debugLog(Consumer<String> debugLog) {
		this.connection.debugLog(debugLog);
		return this;
	}

	public SmtpClientBuilder eventListener(SmtpEventListener eventListener) {
		this.connection.eventListener(eventListener);
		return this;
	}

	/**
	 * Test mode (the seed's {@code test(true)}): no network; see
	 * {@link ConnectionSettings.Builder#testMode}.
	 * @param testMode whether to stay off the network
	 * @return this builder
	 */
	public SmtpClientBuilder test(boolean testMode) {
		this.connection.testMode(testMode);
		return this;
	}

	public SmtpClientBuilder pool(PoolSettings pool) {
		this.pool = pool;
		return this;
	}

	public SmtpClientBuilder pool(Consumer<PoolSettings.Builder> customizer) {
		PoolSettings.Builder builder = this.pool.toBuilder();
		customizer.accept(builder);
		this.pool = builder.build();
		return this;
	}

	public SmtpClientBuilder retry(RetryPolicy retryPolicy) {
		this.retryPolicy = retryPolicy;
		return this;
	}

	/**
	 * At most this many messages per second from this client, across all threads.
	 * @param messagesPerSecond the rate, or 0 for none
	 * @return this builder
	 */
	public SmtpClientBuilder rateLimit(double messagesPerSecond) {
		if (messagesPerSecond < 0) {
			throw new InvalidInputException("rateLimit", "must not be negative");
		}
		this.rateLimit = messagesPerSecond;
		return this;
	}

	/**
	 * A limiter of the application's own, one permit per message, in place of
	 * {@link #rateLimit(double)}: for example a budget shared by every instance of the
	 * application.
	 * @param rateLimiter the limiter, or {@code null} for the local one
	 * @return this builder
	 */
	public SmtpClientBuilder rateLimiter(@Nullable SendRateLimiter rateLimiter) {
		this.rateLimiter = rateLimiter;
		return this;
	}

	/**
	 * The executor of {@link SmtpClient#sendAsync} and {@link SmtpClient#sendAll}; by
	 * default virtual threads on Java 21+, else a pool of daemon threads the size of the
	 * connection pool. An executor given here is not shut down by the client.
	 * @param executor the executor
	 * @return this builder
	 */
	public SmtpClientBuilder executor(Executor executor) {
		this.executor = executor;
		return this;
	}

	/**
	 * The clock for idle times and lifetimes (tests inject their own).
	 * @param clock the clock
	 * @return this builder
	 */
	public SmtpClientBuilder clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * Whether a background thread evicts idle and expired connections (on by default).
	 * Off, expired connections are still never used: they are closed when next borrowed.
	 * @param housekeeping whether to run the housekeeper
	 * @return this builder
	 */
	public SmtpClientBuilder housekeeping(boolean housekeeping) {
		this.housekeeping = housekeeping;
		return this;
	}

	/**
	 * Signs every message with DKIM before it is sent.
	 * @param signer the signer, or {@code null} for none
	 * @return this builder
	 */
	public SmtpClientBuilder dkim(dev.smtpclient.dkim.@Nullable DkimSigner signer) {
		this.dkimSigner = signer;
		return this;
	}

	public SmtpClient build() {
		return new SmtpClient(this);
	}

	ConnectionSettings connectionSettings() {
		return this.connection.build();
	}

	PoolSettings poolSettings() {
		return this.pool;
	}

	RetryPolicy retryPolicy() {
		return this.retryPolicy;
	}

	double rateLimit() {
		return this.rateLimit;
	}

	@Nullable SendRateLimiter rateLimiter() {
		return this.rateLimiter;
	}

	@Nullable Executor executor() {
		return this.executor;
	}

	Clock clock() {
		return this.clock;
	}

	boolean housekeeping() {
		return this.housekeeping;
	}

	dev.smtpclient.dkim.@Nullable DkimSigner dkimSigner() {
		return this.dkimSigner;
	}

}
