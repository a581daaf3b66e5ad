package dev.smtpclient;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.internal.protocol.LogText;
import dev.smtpclient.internal.protocol.WireText;

/**
 * A parsed {@code scheme://[user:password@]host[:port]} URL, the one-line configuration
 * of a client.
 * <p>
 * Schemes and their defaults: {@code smtp} (25, STARTTLS when offered), {@code smtps}
 * (465, implicit TLS), {@code smtptls} (25, STARTTLS required), {@code esmtp} (587,
 * STARTTLS when offered), {@code esmtptls} (587, STARTTLS required), {@code esmtps} (465,
 * implicit TLS). User and password are percent-decoded, so a user {@code me@example.com}
 * is written {@code me%40example.com}. {@link #toString()} never shows the password.
 */
public final class SmtpUrl {

	private final SmtpScheme scheme;

	private final String host;

	private final int port;

	private final @Nullable String username;

	private final @Nullable String password;

	private SmtpUrl(SmtpScheme scheme, String host, int port, @Nullable String username, @Nullable String password) {
		this.scheme = scheme;
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
	}

	/**
	 * Parses a URL.
	 * @param url the URL
	 * @return the parsed URL
	 * @throws InvalidInputException naming what is wrong (the message never holds the
	 * password)
	 */
	public static SmtpUrl parse(String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidInputException("url", "must not be empty");
		}
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				throw new InvalidInputException("url",
						String.format("control character U+%04X at index %d is not allowed", (int) c, i));
			}
		}
		String trimmed = url.strip();
		int separator = trimmed.indexOf("://");
		if (separator <= 0) {
			throw new InvalidInputException("url", "expected scheme://host[:port], for example esmtptls://host; "
					+ "known schemes: " + SmtpScheme.known());
		}
		String schemeName = trimmed.substring(0, separator);
		SmtpScheme scheme = SmtpScheme.of(schemeName)
			.orElseThrow(() -> new InvalidInputException("url.scheme",
					"unknown scheme '" + LogText.escape(schemeName) + "'; known schemes: " + SmtpScheme.known()));
		String rest = trimmed.substring(separator + 3);
		if (rest.endsWith("/")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		int at = rest.lastIndexOf('@');
		String userInfo = (at >= 0) ? rest.substring(0, at) : null;
		String authority = (at >= 0) ? rest.substring(at + 1) : rest;
		if (authority.contains("/") || authority.contains("?") || authority.contains("#")) {
			throw new InvalidInputException("url", "a path, query or fragment is not allowed after host[:port]");
		}
		String username = null;
		String password = null;
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			String rawUser = (colon >= 0) ? userInfo.substring(0, colon) : userInfo;
			String rawPassword = (colon >= 0) ? userInfo.substring(colon + 1) : null;
			username = rawUser.isEmpty() ? null : WireText.requireNoControls("url.user", decode("url.user", rawUser));
			password = (rawPassword == null || rawPassword.isEmpty()) ? null
					: WireText.requireNoControls("url.password", decode("url.password", rawPassword));
			if (username != null && password == null) {
				throw new InvalidInputException("url.password",
						"the URL has a user but no password (write user:password@host)");
			}
			if (username == null && password != null) {
				throw new InvalidInputException("url.user", "the URL has a password but no user");
			}
		}
		HostAndPort hostAndPort = HostAndPort.parse(authority, scheme.defaultPort());
		return new SmtpUrl(scheme, hostAndPort.host(), hostAndPort.port(), username, password);
	}

	private static String decode(String field, String raw) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
						|| Character.digit(raw.charAt(i + 2), 16) < 0) {
					throw new InvalidInputException(field, "malformed percent-encoding at index " + i);
				}
				bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
				i += 2;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
					encoded = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
					i++;
				}
				bytes.writeBytes(encoded);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidInputException(field, "percent-encoding is not valid UTF-8");
		}
	}

	public SmtpScheme scheme() {
		return this.scheme;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public TlsPolicy tlsPolicy() {
		return this.scheme.tlsPolicy();
	}

	public Optional<String> username() {
		return Optional.ofNullable(this.username);
	}

	/**
	 * The decoded password. Keep it out of logs.
	 * @return the password
	 */
	public Optional<String> password() {
		return Optional.ofNullable(this.password);
	}

	/**
	 * The URL with the password replaced by {@code ****}.
	 */
	@Override
	public String toString() {
		StringBuilder out = new StringBuilder(this.scheme.scheme()).append("://");
		if (this.username != null) {
			out.append(UserInfo.encode(this.username)).append(":****@");
		}
		out.append(this.host.contains(":") ? "[" + this.host + "]" : this.host).append(':').append(this.port);
		return out.toString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SmtpUrl url && url.scheme == this.scheme && url.host.equals(this.host)
				&& url.port == this.port && Objects.equals(url.username, this.username)
				&& Objects.equals(url.password, this.password);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.scheme, this.host, this.port, this.username);
	}

	private record HostAndPort(String host, int port) {

		static HostAndPort parse(String authority, int defaultPort) {
			String host;
			String portText = null;
			if (authority.startsWith("[")) {
				int close = authority.indexOf(']');
				if (close < 0) {
					throw new InvalidInputException("url.host", "IPv6 literal without closing ']'");
				}
				host = authority.substring(1, close);
				String after = authority.substring(close + 1);
				if (!after.isEmpty()) {
					if (!after.startsWith(":")) {
						throw new InvalidInputException("url.host", "unexpected text after the IPv6 literal");
					}
					portText = after.substring(1);
				}
				if (!isIpv6Literal(host)) {
					throw new InvalidInputException("url.host", "'" + host + "' is not an IPv6 address");
				}
			}
			else {
				int colon = authority.lastIndexOf(':');
				if (colon >= 0 && authority.indexOf(':') != colon) {
					throw new InvalidInputException("url.host", "an IPv6 address must be written in brackets: [addr]");
				}
				host = (colon >= 0) ? authority.substring(0, colon) : authority;
				portText = (colon >= 0) ? authority.substring(colon + 1) : null;
				host = hostName(host);
			}
			return new HostAndPort(host, (portText != null) ? port(portText) : defaultPort);
		}

		private static String hostName(String host) {
			if (host.isEmpty()) {
				throw new InvalidInputException("url.host", "the host is missing");
			}
			String ascii;
			try {
				ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("url.host", "'" + LogText.escape(host) + "' is not a valid host name");
			}
			for (int i = 0; i < ascii.length(); i++) {
				char c = ascii.charAt(i);
				if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_') || c > 0x7f) {
					throw new InvalidInputException("url.host",
							"'" + LogText.escape(host) + "' is not a valid host name");
				}
			}
			return ascii;
		}

		private static boolean isIpv6Literal(String host) {
			if (host.isEmpty() || !host.contains(":")) {
				return false;
			}
			for (int i = 0; i < host.length(); i++) {
				char c = host.charAt(i);
				if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
					return false;
				}
			}
			try {
				// a literal is parsed without any lookup
				return java.net.InetAddress.getByName(host) instanceof java.net.Inet6Address;
			}
			catch (java.net.UnknownHostException ex) {
				return false;
			}
		}

		private static int port(String text) {
			if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
				throw new InvalidInputException("url.port", "'" + LogText.escape(text) + "' is not a port number");
			}
			int port = Integer.parseInt(text);
			if (port < 1 || port > 65535) {
				throw new InvalidInputException("url.port", port + " is outside 1-65535");
			}
			return port;
		}

	}

	private static final class UserInfo {

		static String encode(String value) {
			StringBuilder out = new StringBuilder();
			for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
				int c = b & 0xff;
				if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
						|| c == '_' || c == '~') {
					out.append((char) c);
				}
				else {
					out.append('%').append(String.format("%02X", c));
				}
			}
			return out.toString();
		}

	}

}
