package dev.smtpclient.sample.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium and chromedriver ({@code .ci/install} installs both). Where they are
 * missing the browser tests are skipped, except in CI
 * ({@code SMTP_TEST_REQUIRE_SERVERS=true}), where they fail.
 */
final class Chromium {

	static final String BROWSER = "/usr/bin/chromium";

	static final String DRIVER = "/usr/bin/chromedriver";

	private Chromium() {
	}

	static void require() {
		if (Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER))) {
			return;
		}
		String message = "Chromium is not installed (" + BROWSER + ", " + DRIVER + "); install Debian's chromium and "
				+ "chromium-driver (bash .ci/install)";
		if ("true".equalsIgnoreCase(System.getenv("SMTP_TEST_REQUIRE_SERVERS"))) {
			throw new IllegalStateException(message);
		}
		Assumptions.abort(message);
	}

}
