package dev.smtpclient.autoconfigure.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.smtpclient.RecipientResult;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.SmtpTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpClientMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SmtpClientMetrics metrics = bound(new SmtpClientMetrics(Tags.of("server.address", "h")));

	private final SmtpConnectionInfo connection = new SmtpConnectionInfo(1, "h", 25);

	@Test
	void failedConnectIsTimedFromItsStart() throws Exception {
		InetSocketAddress address = InetSocketAddress.createUnresolved("h", 25);
		this.metrics.connectStart(this.connection, address);
		Thread.sleep(20);
		this.metrics.connectFailed(this.connection, address, new IOException("refused"));
		assertThat(this.registry.get("smtp.client.connect")
			.tags("outcome", "FAILURE", "error.type", "IOException")
			.timer()
			.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(20);
	}

	@Test
	void failedTransactionsAreTaggedByReplyClassAndError() {
		this.metrics.messageFailed(this.connection,
				new SmtpReplyException(SmtpPhase.MAIL, new SmtpReply(451, List.of("try later"))), Duration.ofMillis(5));
		this.metrics.messageFailed(this.connection,
				new SmtpTimeoutException(SmtpPhase.MESSAGE, "DATA", Duration.ofSeconds(1), null), Duration.ofMillis(5));
		assertThat(this.registry.get("smtp.client.transaction")
			.tags("outcome", "FAILURE", "reply.class", "4xx", "error.type", "SmtpReplyException", "tls.protocol",
					"none")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("smtp.client.transaction")
			.tags("outcome", "FAILURE", "reply.class", "none", "error.type", "SmtpTimeoutException")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void unknownVerbsShareOneTag() {
		this.metrics.replyReceived(this.connection, "XCLIENT", new SmtpReply(250, List.of("ok")), Duration.ZERO);
		this.metrics.replyReceived(this.connection, "greeting", new SmtpReply(220, List.of("hi")), Duration.ZERO);
		assertThat(this.registry.get("smtp.client.commands")
			.tags("command", "OTHER", "reply.class", "2xx")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("smtp.client.commands").tags("command", "GREETING").counter().count())
			.isEqualTo(1);
	}

	@Test
	void acceptedTransactionsUseTheObservationsOutcomes() {
		this.metrics.messageAccepted(this.connection, result(List.of()), Duration.ofMillis(5));
		this.metrics.messageAccepted(this.connection, result(List.of("x@example.com")), Duration.ofMillis(5));
		assertThat(this.registry.get("smtp.client.transaction")
			.tags("outcome", "SUCCESS", "reply.class", "2xx", "error.type", "none")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("smtp.client.transaction").tags("outcome", "PARTIAL").timer().count())
			.isEqualTo(1);
	}

	@Test
	void bytesAreCountedUnderNamesThatCarryTheUnitOnce() {
		this.metrics.bytesWritten(this.connection, 100);
		this.metrics.bytesRead(this.connection, 20);
		assertThat(this.registry.get("smtp.client.sent").counter().count()).isEqualTo(100);
		assertThat(this.registry.get("smtp.client.sent").counter().getId().getBaseUnit()).isEqualTo("bytes");
		assertThat(this.registry.get("smtp.client.received").counter().count()).isEqualTo(20);
	}

	@Test
	void eventsBeforeBindingAreIgnored() {
		SmtpClientMetrics unbound = new SmtpClientMetrics(Tags.empty());
		unbound.bytesWritten(this.connection, 10);
		unbound.messageAccepted(this.connection, result(List.of()), Duration.ZERO);
		unbound.replyReceived(this.connection, "MAIL", new SmtpReply(250, List.of("ok")), Duration.ZERO);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		unbound.bindTo(registry);
		assertThat(registry.get("smtp.client.sent").counter().count()).isZero();
		assertThat(registry.find("smtp.client.transaction").timer()).isNull();
	}

	private SmtpClientMetrics bound(SmtpClientMetrics metrics) {
		metrics.bindTo(this.registry);
		return metrics;
	}

	private static SendResult result(List<String> rejected) {
		List<RecipientResult> recipients = new java.util.ArrayList<>();
		recipients.add(new RecipientResult("a@example.com", new SmtpReply(250, List.of("ok"))));
		rejected.forEach((address) -> recipients.add(new RecipientResult(address, new SmtpReply(550, List.of("no")))));
		return new SendResult("from@example.com", recipients, new SmtpReply(250, List.of("2.0.0 ok")), 10, 1);
	}

}
