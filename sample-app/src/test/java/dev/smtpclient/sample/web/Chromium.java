package dev.smtpclient.sample.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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

	/**
	 * Starts a headless browser with a profile of its own, or skips (fails in CI) where
	 * Chromium is missing.
	 * @param profile the directory for the browser's profile
	 * @return the browser
	 * @throws IOException if the profile directory cannot be made
	 */
	static WebDriver start(Path profile) throws IOException {
		require();
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1200,1500", "--user-data-dir=" + Files.createDirectories(profile));
		return new ChromeDriver(service, options);
	}

	private static void require() {
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
