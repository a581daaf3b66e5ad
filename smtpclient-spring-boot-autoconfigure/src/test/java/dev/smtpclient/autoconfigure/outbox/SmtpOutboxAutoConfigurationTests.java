package dev.smtpclient.autoconfigure.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.smtpclient.autoconfigure.SmtpClientAutoConfiguration;
import dev.smtpclient.message.ComposedMessage;
import dev.smtpclient.message.Message;
import dev.smtpclient.outbox.OutboxSchema;
import dev.smtpclient.outbox.OutboxState;
import dev.smtpclient.outbox.SmtpOutbox;
import dev.smtpclient.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SmtpOutboxAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SmtpClientAutoConfiguration.class, SmtpOutboxAutoConfiguration.class))
		.withUserConfiguration(DatabaseConfiguration.class)
		.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true");

	private final ApplicationContextRunner enabled = this.contextRunner.withPropertyValues("smtp.outbox.enabled=true",
			"smtp.outbox.initialize-schema=true");

	@Test
	void offUnlessEnabled() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(SmtpOutbox.class)
			.doesNotHaveBean(SmtpOutboxHealthIndicator.class));
	}

	@Test
	void enabledWithADataSourceAndAClient() {
		this.enabled.run((context) -> {
			assertThat(context).hasSingleBean(SmtpOutbox.class)
				.hasSingleBean(SmtpOutboxWorkers.class)
				.hasSingleBean(SmtpOutboxHealthIndicator.class)
				.doesNotHaveBean(SmtpOutboxMetrics.class);
			assertThat(context.getBean(SmtpOutboxWorkers.class).isRunning()).isTrue();
		});
	}

	@Test
	void noOutboxWithoutADataSource() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SmtpClientAutoConfiguration.class, SmtpOutboxAutoConfiguration.class))
			.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true", "smtp.outbox.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpOutbox.class));
	}

	@Test
	void noOutboxWithoutTheModule() {
		this.enabled.withClassLoader(new FilteredClassLoader(SmtpOutbox.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpOutbox.class));
	}

	@Test
	void enqueueOnlyWithoutAClient() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SmtpOutboxAutoConfiguration.class))
			.withUserConfiguration(DatabaseConfiguration.class)
			.withPropertyValues("smtp.outbox.enabled=true", "smtp.outbox.initialize-schema=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(SmtpOutbox.class).doesNotHaveBean(SmtpOutboxWorkers.class);
				SmtpOutbox outbox = context.getBean(SmtpOutbox.class);
				UUID id = outbox.enqueue(mail());
				assertThat(outbox.status(id)).isPresent();
				assertThatIllegalStateException().isThrownBy(outbox::deliverDue);
			});
	}

	@Test
	void deliverOffKeepsTheWorkersStopped() {
		this.enabled.withPropertyValues("smtp.outbox.deliver=false")
			.run((context) -> assertThat(context).hasSingleBean(SmtpOutbox.class)
				.doesNotHaveBean(SmtpOutboxWorkers.class));
	}

	@Test
	void userOutboxBacksOff() {
		this.enabled.withBean("myOutbox", SmtpOutbox.class, () -> SmtpOutbox.builder(new JdbcDataSource()).build())
			.run((context) -> assertThat(context).hasSingleBean(SmtpOutbox.class).hasBean("myOutbox"));
	}

	@Test
	void enqueueJoinsTheSpringTransaction() {
		this.enabled.withPropertyValues("smtp.outbox.deliver=false").run((context) -> {
			SmtpOutbox outbox = context.getBean(SmtpOutbox.class);
			TransactionTemplate transactions = new TransactionTemplate(
					new DataSourceTransactionManager(context.getBean(DataSource.class)));
			UUID rolledBack = transactions.execute((status) -> {
				UUID id = outbox.enqueue(mail());
				status.setRollbackOnly();
				return id;
			});
			UUID committed = transactions.execute((status) -> outbox.enqueue(mail()));
			assertThat(outbox.status(rolledBack)).isEmpty();
			assertThat(outbox.status(committed))
				.hasValueSatisfying((status) -> assertThat(status.state()).isEqualTo(OutboxState.QUEUED));
		});
	}

	@Test
	void initializeSchemaCreatesTheTableInTheDataSourcesSchemaThoughAnotherSchemaHasOne() {
		String url = "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		JdbcDataSource other = new JdbcDataSource();
		other.setURL(url + ";INIT=CREATE SCHEMA IF NOT EXISTS OTHER\\;SET SCHEMA OTHER");
		OutboxSchema.create(other);
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL(url);
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SmtpClientAutoConfiguration.class, SmtpOutboxAutoConfiguration.class))
			.withBean(DataSource.class, () -> dataSource)
			.withPropertyValues("smtp.url=smtp://mail.example.com", "smtp.test-mode=true", "smtp.outbox.enabled=true",
					"smtp.outbox.initialize-schema=true", "smtp.outbox.deliver=false")
			.run((context) -> {
				SmtpOutbox outbox = context.getBean(SmtpOutbox.class);
				UUID id = outbox.enqueue(mail());
				assertThat(outbox.status(id)).isPresent();
			});
	}

	@Test
	void workersSendWhatIsEnqueued() {
		this.enabled.withPropertyValues("smtp.outbox.poll-interval=50ms").run((context) -> {
			SmtpOutbox outbox = context.getBean(SmtpOutbox.class);
			UUID id = outbox.enqueue(mail());
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (outbox.status(id).orElseThrow().state() != OutboxState.SENT && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(outbox.status(id).orElseThrow().state()).isEqualTo(OutboxState.SENT);
		});
	}

	@Test
	void propertiesApply() {
		this.enabled
			.withPropertyValues("smtp.outbox.instance-id=node-1", "smtp.outbox.batch-size=7", "smtp.outbox.workers=3",
					"smtp.outbox.resend-unknown=true")
			.run((context) -> {
				SmtpOutbox outbox = context.getBean(SmtpOutbox.class);
				assertThat(outbox.instanceId()).isEqualTo("node-1");
				assertThat(outbox).extracting("batchSize", "workers", "resendUnknown").containsExactly(7, 3, true);
			});
	}

	@Test
	void healthIsDownWhenTheOldestDueMessageWaitedTooLong() {
		MutableClock clock = new MutableClock();
		this.enabled.withPropertyValues("smtp.outbox.deliver=false", "smtp.outbox.health.max-due-age=5m")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				SmtpOutboxHealthIndicator indicator = context.getBean(SmtpOutboxHealthIndicator.class);
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				context.getBean(SmtpOutbox.class).enqueue(mail());
				clock.advance(Duration.ofMinutes(5));
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				clock.advance(Duration.ofSeconds(1));
				Health health = indicator.health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("oldestDueAge", "PT5M1S")
					.containsEntry("maxDueAge", "PT5M");
				assertThat(health.getDetails().get("messages")).asString().contains("queued=1");
			});
	}

	@Test
	void healthDisabledByManagementProperty() {
		this.enabled.withPropertyValues("management.health.smtp-outbox.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SmtpOutboxHealthIndicator.class));
	}

	@Test
	void metricsWithAMeterRegistry() {
		MutableClock clock = new MutableClock();
		this.enabled.withPropertyValues("smtp.outbox.deliver=false")
			.withBean(Clock.class, () -> clock)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(SmtpOutboxMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(SmtpOutboxMetrics.class).bindTo(registry);
				context.getBean(SmtpOutbox.class).enqueue(mail());
				clock.advance(Duration.ofSeconds(42));
				assertThat(registry.get("smtp.outbox.messages").tag("state", "queued").gauge().value()).isEqualTo(1);
				assertThat(registry.get("smtp.outbox.messages").tag("state", "sent").gauge().value()).isZero();
				assertThat(registry.get("smtp.outbox.oldest.due").timeGauge().value()).isEqualTo(42);
				assertThat(registry.get("smtp.outbox.attempts").tag("outcome", "sent").functionCounter().count())
					.isZero();
			});
	}

	private static ComposedMessage mail() {
		return Message.builder().from("a@example.com").to("b@example.com").subject("outbox").text("hello").build();
	}

	@Configuration(proxyBeanMethods = false)
	static class DatabaseConfiguration {

		@Bean
		DataSource dataSource() {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
			return dataSource;
		}

	}

}
