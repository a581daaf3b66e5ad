package dev.smtpclient;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestModeTest {

	@Test
	void recordsWhatWouldBeSentWithoutTouchingTheNetwork() {
		List<String> events = new ArrayList<>();
		SmtpEventListener listener = new SmtpEventListener() {
			@Override
			public void connectStart(SmtpConnectionInfo connection, java.net.InetSocketAddress address) {
				events.add("connect");
			}

			@Override
			public void dnsStart(SmtpConnectionInfo connection, String host) {
				events.add("dns");
			}
		};
		// a host that does not resolve: any attempt to reach it would fail
		ConnectionSettings settings = ConnectionSettings.builder("esmtptls://user:pw@host.invalid")
			.testMode(true)
			.heloName("client.test")
			.eventListener(listener)
			.build();
		try (SmtpConnection connection = SmtpConnection.open(settings)) {
			SendResult result = connection.send(Envelope.of("a@example.com", "b@example.com", "c@example.com"),
					MessageContent.ofString("Subject: t\n\n.hidden dot\nbody\n"));
			assertThat(result.accepted()).hasSize(2);
			assertThat(result.finalReply().code()).isEqualTo(250);
			assertThat(connection.testTranscript()).isEqualTo("EHLO client.test\r\n"
					+ "MAIL FROM:<a@example.com> SIZE=33\r\nRCPT TO:<b@example.com>\r\nRCPT TO:<c@example.com>\r\n"
					+ "DATA\r\nSubject: t\r\n\r\n..hidden dot\r\nbody\r\n.\r\n");
			assertThat(connection.isAuthenticated()).as("credentials never go anywhere in test mode").isFalse();
		}
		assertThat(events).isEmpty();
	}

}
