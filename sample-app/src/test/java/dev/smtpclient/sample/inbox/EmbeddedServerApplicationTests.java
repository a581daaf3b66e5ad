package dev.smtpclient.sample.inbox;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import dev.smtpclient.SendResult;
import dev.smtpclient.autoconfigure.SmtpSender;
import dev.smtpclient.message.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Out of the box the app sends to its embedded server the way production mail goes:
 * STARTTLS required, the certificate verified against the throw-away CA through an SSL
 * bundle (chain and host name), then AUTH.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmbeddedServerApplicationTests {

	@LocalServerPort
	private int port;

	@Value("${smtp.url}")
	private String url;

	@Value("${sample.embedded-smtp.password}")
	private String password;

	@Autowired
	private SmtpSender sender;

	@Autowired
	private Inbox inbox;

	@Test
	void pointsTheClientAtTheEmbeddedServerWithStartTlsAndAuth() {
		assertThat(this.url).matches("esmtptls://dev:[A-Za-z0-9_-]+@localhost:\\d+");
	}

	@Test
	void sendsOverVerifiedTls() {
		Message message = new Message("sample@example.com", "over TLS");
		message.addTo("you@example.com");
		message.setBody("body");

		SendResult result = this.sender.send(message.snapshot());

		assertThat(result.finalReply().code()).isEqualTo(250);
		assertThat(MessageParser.parse(this.inbox.messages().get(0)).subject()).isEqualTo("over TLS");
		Map<String, Object> smtp = smtpHealth();
		assertThat(smtp).containsEntry("status", "UP");
		@SuppressWarnings("unchecked")
		Map<String, Object> details = (Map<String, Object>) smtp.get("details");
		assertThat((String) details.get("tls.protocol")).startsWith("TLSv1.");
	}

	@Test
	void neverShowsThePassword() {
		String health = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/actuator/health")
			.retrieve()
			.body(String.class);
		assertThat(health).doesNotContain(this.password);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> smtpHealth() {
		Map<String, Object> health = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/actuator/health")
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		return (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("smtp");
	}

}
