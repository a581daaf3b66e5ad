package dev.smtpclient.sample.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send page with {@code sample.outbox=true}, in a real browser: a message sent from
 * the page is queued, and its row in the Outbox card follows it to SENT with the server's
 * reply, also after a reload.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "sample.outbox=true",
		"logging.level.org.openqa.selenium.devtools=ERROR", "logging.level.org.openqa.selenium.chromium=ERROR" })
class OutboxBrowserTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:mem:sample-outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}

	@LocalServerPort
	private int port;

	@TempDir
	Path dir;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void browser() throws Exception {
		this.browser = Chromium.start(this.dir.resolve("profile"));
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void quit() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void thePageFollowsTheQueuedMessageToSent() throws Exception {
		String subject = "Outbox " + UUID.randomUUID();
		this.browser.get("http://localhost:" + this.port + "/");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outbox")));
		this.browser.findElement(By.id("to")).sendKeys("bob@example.com");
		this.browser.findElement(By.id("subject")).sendKeys(subject);
		this.browser.findElement(By.id("text")).sendKeys("Through the outbox.");
		this.browser.findElement(By.id("send")).click();

		this.wait.until(ExpectedConditions.textToBe(By.id("result-title"), "Queued"));
		By row = By.xpath("//tr[contains(@class,'outbox-message')][td[1][text()='" + subject + "']]");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "SENT"));
		WebElement sent = this.browser.findElement(row);
		assertThat(sent.getText()).contains("bob@example.com", " 1 ", "250");
		Files.write(Path.of("target", "sample-app-outbox.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));

		this.browser.navigate().refresh();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "SENT"));
	}

}
