package dev.smtpclient.sample.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import dev.smtpclient.sample.inbox.Inbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dashboard's "Send 100 test messages": the batch runs in the background with its
 * progress to poll, every message reaches the embedded server, and the send latency's
 * percentiles are published for the charts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TestBatchTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private Inbox inbox;

	private RestClient client;

	@BeforeEach
	void client() {
		this.client = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void sendsAHundredMessagesAndReportsProgress() throws InterruptedException {
		long before = this.inbox.receivedCount();

		ResponseEntity<Map<String, Object>> started = this.client.post()
			.uri("/api/test-batch")
			.retrieve()
			.toEntity(JSON);

		assertThat(started.getStatusCode().value()).isEqualTo(202);
		assertThat(started.getBody()).containsEntry("total", 100).containsEntry("running", true);
		Map<String, Object> progress = awaitFinished(Duration.ofSeconds(60));
		assertThat(progress).containsEntry("sent", 100).containsEntry("failed", 0);
		assertThat(this.inbox.receivedCount()).isEqualTo(before + 100);
		// the Dashboard's latency chart reads the published percentiles where Prometheus
		// sees them
		String scrape = this.client.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape)
			.containsPattern("smtp_client_transaction_seconds\\{[^}]*outcome=\"SUCCESS\"[^}]*quantile=\"0\\.5\"")
			.containsPattern("smtp_client_transaction_seconds\\{[^}]*quantile=\"0\\.99\"");
	}

	@Test
	void servesTheChartLibraryFromTheApp() {
		ResponseEntity<String> script = this.client.get()
			.uri("/vendor/chart.js-4.6.1/chart.umd.min.js")
			.retrieve()
			.toEntity(String.class);
		assertThat(script.getStatusCode().value()).isEqualTo(200);
		assertThat(script.getBody()).startsWith("/*!\n * Chart.js v4.6.1");
		String page = this.client.get().uri("/dashboard.html").retrieve().body(String.class);
		assertThat(page).contains("src=\"vendor/chart.js-4.6.1/chart.umd.min.js\"").doesNotContain("https://");
	}

	private Map<String, Object> awaitFinished(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Map<String, Object> progress = Map.of();
		while (System.nanoTime() < deadline) {
			progress = this.client.get().uri("/api/test-batch").retrieve().body(JSON);
			if (Boolean.FALSE.equals(progress.get("running"))) {
				return progress;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the batch did not finish in " + timeout + ": " + progress);
	}

}
