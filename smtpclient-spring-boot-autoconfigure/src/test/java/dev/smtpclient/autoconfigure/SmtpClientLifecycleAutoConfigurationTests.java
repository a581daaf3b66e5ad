package dev.smtpclient.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;

import dev.smtpclient.Envelope;
import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.test.ScriptedSmtpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SmtpClientLifecycleAutoConfigurationTests {

	private static final Mail MAIL = Mail.of(Envelope.of("from@example.com", "to@example.com"),
			MessageContent.ofString("Subject: hi\r\n\r\nbody\r\n"));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SmtpClientAutoConfiguration.class,
				SmtpClientLifecycleAutoConfiguration.class, LifecycleAutoConfiguration.class));

	@Test
	void aSendInFlightWhenTheContextClosesIsDeliveredAndASendAfterIsRefused() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer().reply("220 fake.test ESMTP")
			.ehlo()
			.expect("MAIL FROM:<from@example.com>")
			.reply("250 ok")
			.expect("RCPT TO:<to@example.com>")
			.reply("250 ok")
			.expect("DATA")
			.reply("354 go on")
			.readData()
			.pause(Duration.ofMillis(800))
			.reply("250 2.0.0 queued as 4711")
			.expect("QUIT")
			.reply("221 bye")
			.start()) {
			this.contextRunner
				.withPropertyValues("smtp.url=smtp://127.0.0.1:" + server.port(), "smtp.tls=none",
						"spring.lifecycle.timeout-per-shutdown-phase=10s")
				.run((context) -> {
					SmtpSender sender = context.getBean(SmtpSender.class);
					CompletableFuture<SendResult> inFlight = CompletableFuture.supplyAsync(() -> sender.send(MAIL));
					awaitMessageData(server);
					context.close();
					assertThat(inFlight.get(1, TimeUnit.SECONDS).queueId()).contains("4711");
					server.await();
					assertThat(server.received()).contains("QUIT");
					assertThatIllegalStateException().isThrownBy(() -> sender.send(MAIL))
						.withMessageContaining("closed");
				});
		}
	}

	@Test
	void aSendLongerThanTheShutdownPhasesTimeoutDoesNotHoldTheShutdown() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer().reply("220 fake.test ESMTP")
			.ehlo()
			.expect("MAIL FROM:<from@example.com>")
			.reply("250 ok")
			.expect("RCPT TO:<to@example.com>")
			.reply("250 ok")
			.expect("DATA")
			.reply("354 go on")
			.readData()
			.pause(Duration.ofSeconds(3))
			.reply("250 2.0.0 queued as 4712")
			.expect("QUIT")
			.reply("221 bye")
			.start()) {
			this.contextRunner
				.withPropertyValues("smtp.url=smtp://127.0.0.1:" + server.port(), "smtp.tls=none",
						"spring.lifecycle.timeout-per-shutdown-phase=300ms")
				.run((context) -> {
					SmtpSender sender = context.getBean(SmtpSender.class);
					CompletableFuture<SendResult> inFlight = CompletableFuture.supplyAsync(() -> sender.send(MAIL));
					awaitMessageData(server);
					context.close();
					// the client's own close() would have waited for it (10 s): the
					// phase's timeout was the grace
					assertThat(inFlight).isNotDone();
					// not cut off: the server's late reply still reaches the caller
					assertThat(inFlight.get(10, TimeUnit.SECONDS).queueId()).contains("4712");
				});
		}
	}

	@Test
	void aContextThatIsStoppedAndStartedAgainKeepsItsClient() {
		// the test framework stops (pauses) cached contexts it does not use, and starts
		// them again later
		this.contextRunner.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true")
			.run((context) -> {
				SmtpSender sender = context.getBean(SmtpSender.class);
				sender.send(MAIL);
				context.stop();
				assertThat(context.getBean(SmtpClientLifecycle.class).isRunning()).isFalse();
				context.start();
				assertThat(sender.send(MAIL).finalReply().isPositive()).isTrue();
				context.close();
				assertThatIllegalStateException().isThrownBy(() -> sender.send(MAIL)).withMessageContaining("closed");
			});
	}

	@Test
	void stopsAfterTheWebServerWithTheShutdownPhasesTimeoutAsGrace() {
		this.contextRunner
			.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true",
					"spring.lifecycle.timeout-per-shutdown-phase=20s")
			.run((context) -> {
				SmtpClientLifecycle lifecycle = context.getBean(SmtpClientLifecycle.class);
				assertThat(lifecycle.isRunning()).isTrue();
				assertThat(lifecycle.grace()).isEqualTo(Duration.ofSeconds(20));
				// Boot's web server stops in SmartLifecycle.DEFAULT_PHASE - 2048, its
				// graceful shutdown in - 1024
				assertThat(lifecycle.getPhase()).isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048);
			});
	}

	@Test
	void theGraceDefaultsToBootsThirtySeconds() {
		this.contextRunner.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true")
			.run((context) -> assertThat(context.getBean(SmtpClientLifecycle.class).grace())
				.isEqualTo(Duration.ofSeconds(30)));
	}

	@Test
	void noLifecycleWithoutAClient() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(SmtpClientLifecycle.class)
			.doesNotHaveBean(SmtpSendExecutor.class));
	}

	@Test
	void platformThreadsForAsyncSendsByDefault() {
		AtomicReference<Thread> sender = new AtomicReference<>();
		this.contextRunner.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true")
			.withBean(SmtpEventListener.class, () -> recordingThread(sender))
			.run((context) -> {
				assertThat(context.getBean(SmtpSendExecutor.class).isVirtual()).isFalse();
				context.getBean(SmtpClient.class).sendAsync(MAIL).get(5, TimeUnit.SECONDS);
				assertThat(sender.get().getName()).startsWith(SmtpSendExecutor.THREAD_NAME_PREFIX);
				assertThat(isVirtual(sender.get())).isFalse();
			});
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualThreadsAskedForBeforeJava21KeepPlatformThreads() {
		this.contextRunner
			.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true",
					"spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(context.getBean(SmtpSendExecutor.class).isVirtual()).isFalse());
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualThreadsWhenEnabledOnJava21() {
		AtomicReference<Thread> sender = new AtomicReference<>();
		this.contextRunner
			.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true",
					"spring.threads.virtual.enabled=true")
			.withBean(SmtpEventListener.class, () -> recordingThread(sender))
			.run((context) -> {
				assertThat(context.getBean(SmtpSendExecutor.class).isVirtual()).isTrue();
				context.getBean(SmtpClient.class).sendAsync(MAIL).get(5, TimeUnit.SECONDS);
				assertThat(isVirtual(sender.get())).isTrue();
			});
	}

	private static SmtpEventListener recordingThread(AtomicReference<Thread> thread) {
		return new SmtpEventListener() {
			@Override
			public void messageAccepted(SmtpConnectionInfo connection, SendResult result, Duration took) {
				thread.set(Thread.currentThread());
			}
		};
	}

	private static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

	private static void awaitMessageData(ScriptedSmtpServer server) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!server.received().contains("\r\n.\r\n") && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(server.received()).contains("\r\n.\r\n");
	}

}
