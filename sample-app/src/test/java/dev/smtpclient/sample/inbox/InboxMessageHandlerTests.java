package dev.smtpclient.sample.inbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the embedded server does with message data: keeps it with the whole envelope, and
 * refuses a message over the size limit even when the client did not declare its size in
 * MAIL FROM.
 */
class InboxMessageHandlerTests {

	private final Inbox inbox = new Inbox(10, 1 << 20);

	@Test
	void keepsTheMessageWithItsEnvelope() throws Exception {
		MessageHandler handler = InboxMessageHandler.factory(this.inbox, 100).create(null);
		handler.from("a@example.com");
		handler.recipient("b@example.com");
		handler.recipient("c@example.com");

		String reply = handler.data(stream("Subject: s\r\n\r\nbody\r\n"));

		ReceivedMessage received = this.inbox.messages().get(0);
		assertThat(reply).isEqualTo("2.0.0 OK: queued as " + received.id());
		assertThat(received.sender()).isEqualTo("a@example.com");
		assertThat(received.recipients()).containsExactly("b@example.com", "c@example.com");
		assertThat(new String(received.raw(), StandardCharsets.UTF_8)).isEqualTo("Subject: s\r\n\r\nbody\r\n");
	}

	@Test
	void refusesAMessageOverTheLimitThatDidNotDeclareItsSize() throws Exception {
		MessageHandler handler = InboxMessageHandler.factory(this.inbox, 100).create(null);
		handler.from("a@example.com");
		handler.recipient("b@example.com");
		ByteArrayInputStream data = stream("Subject: big\r\n\r\n" + "x".repeat(100) + "\r\n");

		assertThatExceptionOfType(RejectException.class).isThrownBy(() -> handler.data(data))
			.satisfies((ex) -> assertThat(ex.getErrorResponse()).startsWith("552 5.3.4"));
		assertThat(data.available()).as("read to the end, so the session stays in step").isZero();
		assertThat(this.inbox.receivedCount()).isZero();
	}

	private static ByteArrayInputStream stream(String data) {
		return new ByteArrayInputStream(data.getBytes(StandardCharsets.US_ASCII));
	}

}
