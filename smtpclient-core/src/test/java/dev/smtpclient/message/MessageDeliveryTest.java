package dev.smtpclient.message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpConnection;
import dev.smtpclient.TlsPolicy;
import dev.smtpclient.message.RoundTrip.ExpectedPart;
import dev.smtpclient.test.PostfixServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A composed message delivered by the real Postfix over STARTTLS, read back from the
 * maildir and parsed by both parsers: everything arrives as given, and the Bcc
 * recipient's copy does not name them.
 */
class MessageDeliveryTest {

	@Test
	void deliveredThroughPostfixAndReadBack() throws Exception {
		PostfixServers servers = PostfixServers.require();
		String marker = UUID.randomUUID().toString();
		String to = "catchall-to-" + marker + "@" + servers.domain();
		String bcc = "catchall-bcc-" + marker + "@" + servers.domain();
		byte[] png = MessageRoundTripTest.randomBytes(20_000, 5);
		byte[] binary = MessageRoundTripTest.randomBytes(50_000, 6);
		String subject = "Zustellung " + marker + " \u2013 Gr\u00fc\u00dfe \u760a\u760d";
		Message message = new Message("J\u00fcrgen Absender <sender@" + servers.domain() + ">", subject);
		message.addTo("Empf\u00e4nger <" + to + ">");
		message.addBcc(bcc);
		message.setBody("Text f\u00fcr alle.\n.punkt\nFrom here\n");
		message.setHtml("<p>HTML <img src=\"cid:bild@example.com\"></p>\n");
		message.addInline("bild@example.com", "bild.png", null, png);
		message.attach("Bericht \u00fcber \u65e5\u672c.bin", null, binary);
		message.addHeader("X-Marker", marker);
		ComposedMessage composed = message.snapshot();
		try (SmtpConnection connection = SmtpConnection
			.open(servers.settings(servers.startTlsPort(), TlsPolicy.REQUIRED).build())) {
			assertThat(connection.isSecure()).isTrue();
			SendResult result = connection.send(composed.envelope(), composed.content());
			assertThat(result.accepted()).hasSize(2);
		}
		byte[] delivered = servers.awaitDelivered("catchall-to-" + marker, Duration.ofSeconds(15));
		// the maildir has LF line endings; every line the message had ended in CRLF
		byte[] crlf = new String(delivered, StandardCharsets.UTF_8).replace("\n", "\r\n")
			.getBytes(StandardCharsets.UTF_8);
		RoundTrip.compare(composed, crlf,
				List.of(ExpectedPart.text("text/plain", "Text f\u00fcr alle.\n.punkt\nFrom here\n"),
						ExpectedPart.text("text/html", "<p>HTML <img src=\"cid:bild@example.com\"></p>\n"),
						ExpectedPart.inline("image/png", "bild.png", "bild@example.com", png), ExpectedPart
							.attachment("application/octet-stream", "Bericht \u00fcber \u65e5\u672c.bin", binary)),
				Map.of("X-Marker", marker));
		byte[] bccCopy = servers.awaitDelivered("catchall-bcc-" + marker, Duration.ofSeconds(15));
		String bccText = new String(bccCopy, StandardCharsets.UTF_8);
		assertThat(bccText.substring(bccText.indexOf("\nFrom: "))).doesNotContain("catchall-bcc-");
	}

}
