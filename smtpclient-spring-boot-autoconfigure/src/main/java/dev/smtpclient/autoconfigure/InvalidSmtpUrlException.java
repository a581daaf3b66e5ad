package dev.smtpclient.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.InvalidInputException;

/**
 * The {@code smtp.url} property cannot be parsed. The message names what is wrong and
 * never holds the password.
 */
public class InvalidSmtpUrlException extends IllegalStateException {

	private final @Nullable String maskedUrl;

	private final String problem;

	InvalidSmtpUrlException(@Nullable String url, InvalidInputException cause) {
		super("smtp.url is invalid: " + SecretMasking.mask(cause.getMessage(), url));
		this.maskedUrl = SecretMasking.maskUrl(url);
		this.problem = SecretMasking.mask(cause.getMessage(), url);
	}

	/**
	 * The URL as configured, with anything between the user's ':' and the last '@'
	 * replaced by {@code ****}.
	 * @return the masked URL, or {@code null} if none was set
	 */
	public @Nullable String getMaskedUrl() {
		return this.maskedUrl;
	}

	/**
	 * What is wrong, as {@code field: problem}.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

}
