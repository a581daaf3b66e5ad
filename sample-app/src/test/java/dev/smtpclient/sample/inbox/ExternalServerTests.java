package dev.smtpclient.sample.inbox;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.web.server.ResponseStatusException;

import dev.smtpclient.sample.web.TestBatchController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With {@code smtp.url} given, mail goes there and no embedded server starts.
 */
@SpringBootTest(properties = "smtp.url=smtp://127.0.0.1:10027")
class ExternalServerTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private InboxController inbox;

	@Autowired
	private TestBatchController batches;

	@Test
	void startsNoEmbeddedServer() {
		assertThat(this.context.getBeansOfType(EmbeddedSmtpServer.class)).isEmpty();
		assertThat(this.context.getBeansOfType(ThrowawayCertificates.class)).isEmpty();
		assertThat(this.context.getEnvironment().getProperty("smtp.url")).isEqualTo("smtp://127.0.0.1:10027");
		assertThat(this.inbox.list().embedded()).isFalse();
	}

	@Test
	void sendsNoTestBatchToARealServer() {
		assertThatExceptionOfType(ResponseStatusException.class).isThrownBy(() -> this.batches.start())
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(409));
	}

}
