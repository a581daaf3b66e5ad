package dev.smtpclient.autoconfigure.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.test.PostfixServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JavaMailSender drop-in against the real Postfix: a message built with Spring's {@link MimeMessageHelper}
 * arrives intact.
 */
class SmtpJavaMailSenderPostfixTests {

	private PostfixServers servers;

	@BeforeEach
	void servers() {
		this.servers = PostfixServers.require();
	}

	@Test
	void mimeMessageArrivesIntact() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, SmtpClientAutoConfiguration.class,
					SmtpMailSenderAutoConfiguration.class))
			.withPropertyValues("smtp.url=esmtptls://localhost:" + this.servers.submissionPort(),
					"smtp.username=" + this.servers.user(), "smtp.password=" + this.servers.password(),
					"smtp.helo-name=client.test", "smtp.ssl.bundle=postfix",
					"spring.ssl.bundle.pem.postfix.truststore.certificate=file:" + this.servers.caCertificate())
			.run((context) -> {
				String marker = UUID.randomUUID().toString();
				String bcc = "catchall-bcc-" + marker + "@" + this.servers.domain();
				byte[] attachment = new byte[3000];
				for (int i = 0; i < attachment.length; i++) {
					attachment[i] = (byte) i;
				}
				JavaMailSender mailSender = context.getBean(JavaMailSender.class);
				MimeMessage message = mailSender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
				helper.setFrom("sender@test.example", "Sénder");
				helper.setTo("catchall-to-" + marker + "@" + this.servers.domain());
				helper.setCc("catchall-cc-" + marker + "@" + this.servers.domain());
				helper.setBcc(bcc);
				helper.setSubject("Grüße " + marker);
				helper.setText("plain ünïcode\n.a line starting with a dot\n", "<p>html ünïcode</p>");
				helper.addAttachment("data.bin", new ByteArrayResource(attachment));
				mailSender.send(message);

				byte[] delivered = this.servers.awaitDelivered(marker, Duration.ofSeconds(10));
				MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
						new ByteArrayInputStream(delivered));
				assertThat(received.getSubject()).isEqualTo("Grüße " + marker);
				assertThat(received.getRecipients(RecipientType.BCC)).isNull();
				assertThat(received.getHeader("Bcc")).isNull();
				assertThat(received.getRecipients(RecipientType.TO)).hasSize(1);
				assertThat(received.getRecipients(RecipientType.CC)).hasSize(1);
				Multipart mixed = (Multipart) received.getContent();
				assertThat(mixed.getCount()).isEqualTo(2);
				Part attached = mixed.getBodyPart(1);
				assertThat(attached.getFileName()).isEqualTo("data.bin");
				assertThat(attached.getInputStream().readAllBytes()).isEqualTo(attachment);
				String raw = new String(delivered, StandardCharsets.UTF_8);
				assertThat(raw).doesNotContain("\nBcc:");
				// the Bcc recipient got its copy through the envelope alone
				this.servers.awaitDelivered(bcc, Duration.ofSeconds(10));
			});
	}

}
