package dev.smtpclient.sample.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real browser (Debian's headless Chromium through its chromedriver):
 * compose a message with an attachment, send it, see the result, then find it in the
 * inbox and download the attachment intact; on the Dashboard, send a test batch and see
 * the charts and the server's health.
 */
// Selenium warns that it has no DevTools (CDP) binding for this Chromium; the test does
// not use CDP
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"logging.level.org.openqa.selenium.devtools=ERROR", "logging.level.org.openqa.selenium.chromium=ERROR" })
class BrowserTests {

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
	void sendsFromThePageAndFindsItInTheInbox() throws Exception {
		String subject = "Browser " + UUID.randomUUID();
		byte[] data = new byte[12_345];
		new Random(42).nextBytes(data);
		Path attachment = Files.write(this.dir.resolve("quarterly-report.pdf"), data);

		this.browser.get(url("/"));
		field("to").sendKeys("Ann <ann@example.com>, bob@example.com");
		field("cc").sendKeys("carl@example.com");
		field("subject").sendKeys(subject);
		field("text").sendKeys("Hello from the browser test.\nSecond line.");
		field("html").sendKeys("<p>Hello from the <b>browser</b> test.</p>");
		field("attachments").sendKeys(attachment.toString());
		this.browser.findElement(By.id("send")).click();

		this.wait.until(ExpectedConditions.textToBe(By.id("result-title"), "Sent"));
		assertThat(this.browser.findElement(By.id("final-reply")).getText()).startsWith("250");
		assertThat(this.browser.findElement(By.id("recipients")).getText()).contains("ann@example.com",
				"bob@example.com", "carl@example.com");
		screenshot("sample-app-sent.png");

		this.browser.findElement(By.linkText("Inbox")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("message-subject"), subject));
		assertThat(this.browser.findElement(By.id("message-text")).getText()).contains("Hello from the browser test.");
		WebElement download = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#attachments a[data-file-name='quarterly-report.pdf']")));
		assertThat(download.getText()).contains("application/pdf");
		screenshot("sample-app-inbox.png");

		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(download.getAttribute("href"))).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).contains("quarterly-report.pdf"));
		assertThat(response.body()).isEqualTo(data);
	}

	@Test
	void dashboardChartsATestBatchAndShowsTheServersHealth() throws Exception {
		this.browser.get(url("/dashboard.html"));
		this.wait.until(ExpectedConditions.textMatches(By.id("health-status"), Pattern.compile("UP · TLSv1\\.[23]")));
		assertThat(this.browser.findElement(By.cssSelector("#health-details tr[data-detail='extensions']")).getText())
			.contains("STARTTLS", "AUTH");

		this.browser.findElement(By.id("send-batch")).click();

		this.wait.until(ExpectedConditions.textToBe(By.id("batch-status"), "100 sent, 0 failed of 100 (done)"));
		assertThat(this.browser.findElement(By.id("batch-progress")).getAttribute("value")).isEqualTo("100");
		for (String chart : new String[] { "chart-sends", "chart-latency", "chart-bytes", "chart-pool" }) {
			this.wait.withMessage(chart + " has a data series with a value above zero")
				.until((browser) -> Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
						"return Chart.getChart(arguments[0]).data.datasets.some((d) => d.data.some((v) => v > 0))",
						chart)));
		}
		assertThat(seriesNames("chart-latency")).contains("p50", "p95", "p99");
		assertThat(seriesNames("chart-sends")).contains("SUCCESS");
		assertThat(seriesNames("chart-pool")).contains("active", "idle", "pending", "max");
		// a few more points, for a screenshot that shows the batch as a peak
		this.wait.until((browser) -> ((Number) ((JavascriptExecutor) browser)
			.executeScript("return Chart.getChart('chart-sends').data.labels.length")).intValue() >= 6);
		screenshot("sample-app-dashboard.png");
	}

	@SuppressWarnings("unchecked")
	private List<String> seriesNames(String chart) {
		return (List<String>) ((JavascriptExecutor) this.browser)
			.executeScript("return Chart.getChart(arguments[0]).data.datasets.map((d) => d.label)", chart);
	}

	@Test
	void showsTheProblemAndMarksTheField() {
		this.browser.get(url("/"));
		field("to").sendKeys("not an address");
		field("text").sendKeys("body");
		this.browser.findElement(By.id("send")).click();

		this.wait.until(ExpectedConditions.textToBe(By.id("result-title"), "Not sent: invalid input"));
		assertThat(this.browser.findElement(By.id("result")).getText()).contains("Field", "to");
		assertThat(field("to").getAttribute("class")).contains("invalid");
	}

	private WebElement field(String id) {
		return this.browser.findElement(By.id(id));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private void screenshot(String name) throws Exception {
		byte[] png = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES);
		Path target = Path.of("target");
		Files.createDirectories(target);
		Files.write(target.resolve(name), png);
	}

}
