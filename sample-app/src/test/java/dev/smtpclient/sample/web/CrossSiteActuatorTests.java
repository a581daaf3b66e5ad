package dev.smtpclient.sample.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An actuator endpoint that changes something, once exposed, is guarded like the app's
 * own: a cross-site request to it is refused with 403, the app's own page goes through.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=health,metrics,prometheus,loggers")
class CrossSiteActuatorTests {

	private static final String LOGGER = "dev.smtpclient.sample.crosssite";

	@LocalServerPort
	private int port;

	@Autowired
	private LoggingSystem loggingSystem;

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
	void refusesACrossSiteActuatorPost() {
		assertThat(setLevel("http://evil.test", "cross-site")).isEqualTo(403);
		assertThat(setLevel("null", null)).isEqualTo(403);
		assertThat(configuredLevel()).isNotEqualTo(LogLevel.TRACE);
	}

	@Test
	void acceptsAnActuatorPostFromTheAppsOwnPage() {
		assertThat(setLevel("http://127.0.0.1:" + this.port, "same-origin")).isEqualTo(204);
		assertThat(configuredLevel()).isEqualTo(LogLevel.TRACE);
		this.loggingSystem.setLogLevel(LOGGER, null);
	}

	private LogLevel configuredLevel() {
		LoggerConfiguration configuration = this.loggingSystem.getLoggerConfiguration(LOGGER);
		return (configuration != null) ? configuration.getConfiguredLevel() : null;
	}

	private int setLevel(String origin, String fetchSite) {
		return this.client.post()
			.uri("/actuator/loggers/" + LOGGER)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				headers.set("Origin", origin);
				if (fetchSite != null) {
					headers.set("Sec-Fetch-Site", fetchSite);
				}
			})
			.body(Map.of("configuredLevel", "TRACE"))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value();
	}

}
