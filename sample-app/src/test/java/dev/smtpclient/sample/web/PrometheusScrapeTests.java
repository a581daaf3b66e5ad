package dev.smtpclient.sample.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /actuator/prometheus} after a send: the SMTP meters under the names the
 * README promises, each unit once, with the outcome vocabulary the observation also uses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PrometheusScrapeTests {

	@LocalServerPort
	private int port;

	@Test
	void scrapeShowsTheSmtpMetersUnderTheirDocumentedNames() {
		RestClient client = RestClient.create("http://127.0.0.1:" + this.port);
		client.post()
			.uri("/api/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("from", "ann@example.com", "to", List.of("bob@example.com"), "subject", "scrape", "text",
					"body"))
			.retrieve()
			.toBodilessEntity();
		String scrape = client.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape).contains("smtp_client_sent_bytes_total{")
			.contains("smtp_client_received_bytes_total{")
			.contains("smtp_client_commands_total{")
			.contains("smtp_client_connect_seconds_count{")
			.contains("smtp_client_transaction_seconds_count{")
			.contains("smtp_client_send_seconds_count{")
			.contains("smtp_client_connections{")
			.contains("smtp_client_connections_pending{")
			.contains("smtp_client_connections_max{")
			.doesNotContain("bytes_bytes")
			.doesNotContain("smtp_client_bytes_");
		assertThat(lines(scrape, "smtp_client_transaction_seconds_count{"))
			.anySatisfy((line) -> assertThat(line).contains("outcome=\"SUCCESS\"").contains("error_type=\"none\""));
		assertThat(lines(scrape, "smtp_client_send_seconds_count{"))
			.anySatisfy((line) -> assertThat(line).contains("outcome=\"SUCCESS\"").contains("error_type=\"none\""));
		assertThat(lines(scrape, "smtp_client_connections{"))
			.anySatisfy((line) -> assertThat(line).contains("state=\"idle\"").contains("name=\"smtpClient\""));
		assertThat(scrape).as("no address is a label").doesNotContain("bob@example.com").doesNotContain("ann@");
	}

	private static List<String> lines(String scrape, String prefix) {
		return scrape.lines().filter((line) -> line.startsWith(prefix)).toList();
	}

}
