package dev.smtpclient;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The URL schemes understood by {@link SmtpUrl}, with their default port and TLS policy.
 */
public enum SmtpScheme {

	SMTP("smtp", 25, TlsPolicy.OPPORTUNISTIC),

	SMTPS("smtps", 465, TlsPolicy.IMPLICIT),

	SMTPTLS("smtptls", 25, TlsPolicy.REQUIRED),

	ESMTP("esmtp", 587, TlsPolicy.OPPORTUNISTIC),

	ESMTPTLS("esmtptls", 587, TlsPolicy.REQUIRED),

	ESMTPS("esmtps", 465, TlsPolicy.IMPLICIT);

	private final String scheme;

	private final int defaultPort;

	private final TlsPolicy tlsPolicy;

	SmtpScheme(String scheme, int defaultPort, TlsPolicy tlsPolicy) {
		this.scheme = scheme;
		this.defaultPort = defaultPort;
		this.tlsPolicy = tlsPolicy;
	}

	public String scheme() {
		return this.scheme;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

	public TlsPolicy tlsPolicy() {
		return this.tlsPolicy;
	}

	public static Optional<SmtpScheme> of(String scheme) {
		String lower = scheme.toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((candidate) -> candidate.scheme.equals(lower)).findFirst();
	}

	static String known() {
		return Arrays.stream(values()).map(SmtpScheme::scheme).collect(Collectors.joining(", "));
	}

}
