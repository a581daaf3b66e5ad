package dev.smtpclient;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.smtpclient.test.FakeSmtpSink;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A limiter of the application's own (for example one shared by every instance) takes the
 * place of the local one.
 */
class SendRateLimiterTest {

	private static Mail mail(String subject) {
		return Mail.of(Envelope.of("sender@example.com", "rcpt@example.com"), MessageContent
			.ofString("From: sender@example.com\r\nTo: rcpt@example.com\r\nSubject: " + subject + "\r\n\r\nbody\r\n"));
	}

	@Test
	void sendAndSendAllTakeOnePermitPerMessageFromTheGivenLimiter() throws Exception {
		CountingLimiter limiter = new CountingLimiter();
		try (FakeSmtpSink sink = new FakeSmtpSink(true);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.tlsPolicy(TlsPolicy.NONE)
					.pool((pool) -> pool.maxSize(1))
					.rateLimiter(limiter)
					.build()) {
			client.send(mail("single"));
			assertThat(client.sendAll(List.of(mail("1"), mail("2"), mail("3")))).allMatch(SendOutcome::isSuccess);
			assertThat(sink.messages()).hasSize(4);
			assertThat(limiter.permits.get()).isEqualTo(4);
		}
	}

	@Test
	void aLimiterThatRefusesToWaitIsAskedAgainUntilItGrantsAPermit() throws Exception {
		CountingLimiter limiter = new CountingLimiter();
		limiter.refusals.set(5);
		try (FakeSmtpSink sink = new FakeSmtpSink(true);
				SmtpClient client = SmtpClient.builder("smtp://127.0.0.1:" + sink.port())
					.tlsPolicy(TlsPolicy.NONE)
					.pool((pool) -> pool.maxSize(1))
					.rateLimiter(limiter)
					.build()) {
			assertThat(client.sendAll(List.of(mail("1"), mail("2")))).allMatch(SendOutcome::isSuccess);
			assertThat(sink.messages()).hasSize(2);
		}
	}

	static final class CountingLimiter implements SendRateLimiter {

		final AtomicInteger permits = new AtomicInteger();

		final AtomicInteger refusals = new AtomicInteger();

		@Override
		public void acquire() {
			this.permits.incrementAndGet();
		}

		@Override
		public boolean tryAcquire() {
			if (this.refusals.getAndDecrement() > 0) {
				return false;
			}
			this.permits.incrementAndGet();
			return true;
		}

	}

}
