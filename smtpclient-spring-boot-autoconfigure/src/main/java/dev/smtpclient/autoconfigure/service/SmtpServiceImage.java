package dev.smtpclient.autoconfigure.service;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.SmtpUrl;

/**
 * The mail-catcher images that Docker Compose and Testcontainers service connections
 * know, and the port each listens for SMTP on inside its container. None asks for a
 * login.
 */
public enum SmtpServiceImage {

	/**
	 * Mailpit, SMTP on 1025, web UI on 8025.
	 */
	MAILPIT("axllent/mailpit", 1025),

	/**
	 * GreenMail standalone, SMTP on 3025 (SMTPS on 3465).
	 */
	GREENMAIL("greenmail/standalone", 3025),

	/**
	 * MailHog, SMTP on 1025, web UI on 8025.
	 */
	MAILHOG("mailhog/mailhog", 1025);

	/**
	 * The image names, as the service connection factories match them.
	 */
	public static final String[] NAMES = { MAILPIT.imageName, GREENMAIL.imageName, MAILHOG.imageName };

	private final String imageName;

	private final int smtpPort;

	SmtpServiceImage(String imageName, int smtpPort) {
		this.imageName = imageName;
		this.smtpPort = smtpPort;
	}

	public String imageName() {
		return this.imageName;
	}

	public int smtpPort() {
		return this.smtpPort;
	}

	/**
	 * The known image a reference names, whatever its registry, tag or digest:
	 * {@code axllent/mailpit}, {@code docker.io/axllent/mailpit:v1.21} and
	 * {@code ghcr.io/axllent/mailpit@sha256:...} are all Mailpit.
	 * @param reference an image reference, or {@code null}
	 * @return the image, or empty when it is none of the known ones
	 */
	public static Optional<SmtpServiceImage> of(@Nullable String reference) {
		if (reference == null || reference.isBlank()) {
			return Optional.empty();
		}
		String name = reference.trim().toLowerCase(Locale.ROOT);
		int digest = name.indexOf('@');
		if (digest >= 0) {
			name = name.substring(0, digest);
		}
		int tag = name.lastIndexOf(':');
		if (tag > name.lastIndexOf('/')) {
			name = name.substring(0, tag);
		}
		for (SmtpServiceImage image : values()) {
			if (name.equals(image.imageName) || name.endsWith("/" + image.imageName)) {
				return Optional.of(image);
			}
		}
		return Optional.empty();
	}

	/**
	 * The URL of a published SMTP port: plain SMTP that upgrades with STARTTLS when the
	 * server offers it, or STARTTLS required when the connection has an SSL bundle.
	 * @param host the host the port is published on
	 * @param port the published port
	 * @param tls whether to require STARTTLS
	 * @return the URL
	 */
	public static SmtpUrl url(String host, int port, boolean tls) {
		String authority = (host.contains(":") && !host.startsWith("[")) ? "[" + host + "]" : host;
		return SmtpUrl.parse((tls ? "smtptls" : "smtp") + "://" + authority + ":" + port);
	}

}
