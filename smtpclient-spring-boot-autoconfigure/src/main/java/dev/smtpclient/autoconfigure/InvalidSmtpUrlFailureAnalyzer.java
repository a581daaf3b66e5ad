package dev.smtpclient.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a malformed {@code smtp.url} at start-up, without the password.
 */
class InvalidSmtpUrlFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSmtpUrlException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSmtpUrlException cause) {
		String url = cause.getMaskedUrl();
		String description = "The 'smtp.url' property " + ((url != null) ? "'" + url + "' " : "") + "is invalid: "
				+ cause.getProblem();
		String action = "Set 'smtp.url' to scheme://[user:password@]host[:port], for example "
				+ "esmtptls://me%40example.com:secret@smtp.example.com (schemes: smtp, smtps, smtptls, esmtp, esmtptls, "
				+ "esmtps). Percent-encode '@', ':' and '%' in the user and password, or set them with "
				+ "'smtp.username' and 'smtp.password'.";
		return new FailureAnalysis(description, action, cause);
	}

}
