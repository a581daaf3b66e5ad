package dev.smtpclient.autoconfigure.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.smtpclient.PoolStats;
import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.SmtpTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpClientMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SmtpClientMetrics metrics = new SmtpClientMetrics(this.registry, Tags.of("server.address", "h"));

	private final SmtpConnectionInfo connection = new SmtpConnectionInfo(1, "h", 25);

	@Test
	void failedConnectIsTimedFromItsStart() throws Exception {
		InetSocketAddress address = InetSocketAddress.createUnresolved("h", 25);
		this.metrics.connectStart(this.connection, address);
		Thread.sleep(20);
		this.metrics.connectFailed(this.connection, address, new IOException("refused"));
		assertThat(this.registry.get("smtp.client.connect").tag("outcome", "failure").timer().totalTime(
				java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(20);
	}

	@Test
	void failedTransactionsAreTaggedByReplyClassAndError() {
		this.metrics.messageFailed(this.connection,
				new SmtpReplyException(SmtpPhase.MAIL, new SmtpReply(451, List.of("try later"))), Duration.ofMillis(5));
		this.metrics.messageFailed(this.connection,
				new SmtpTimeoutException(SmtpPhase.MESSAGE, "DATA", Duration.ofSeconds(1), null), Duration.ofMillis(5));
		assertThat(this.registry.get("smtp.client.transaction")
			.tags("outcome", "failure", "reply.class", "4xx", "error", "SmtpReplyException", "tls.protocol", "none")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("smtp.client.transaction")
			.tags("outcome", "failure", "reply.class", "none", "error", "SmtpTimeoutException")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void unknownVerbsShareOneTag() {
		this.metrics.replyReceived(this.connection, "XCLIENT", new SmtpReply(250, List.of("ok")), Duration.ZERO);
		this.metrics.replyReceived(this.connection, "greeting", new SmtpReply(220, List.of("hi")), Duration.ZERO);
		assertThat(this.registry.get("smtp.client.commands").tags("command", "OTHER", "reply.class", "2xx")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("smtp.client.commands").tags("command", "GREETING").counter().count())
			.isEqualTo(1);
	}

	@Test
	void poolGaugesFollowTheLatestSnapshot() {
		this.metrics.poolChanged(new PoolStats(2, 1, 3, 8, 3, 0));
		assertThat(this.registry.get("smtp.client.pool.active").gauge().value()).isEqualTo(2);
		assertThat(this.registry.get("smtp.client.pool.idle").gauge().value()).isEqualTo(1);
		assertThat(this.registry.get("smtp.client.pool.pending").gauge().value()).isEqualTo(3);
		assertThat(this.registry.get("smtp.client.pool.max").gauge().value()).isEqualTo(8);
	}

}
