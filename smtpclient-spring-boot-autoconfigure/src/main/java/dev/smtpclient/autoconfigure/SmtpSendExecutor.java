package dev.smtpclient.autoconfigure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;

import dev.smtpclient.SmtpClientBuilder;

/**
 * The executor of the auto-configured client's {@code sendAsync}, chosen as Spring Boot
 * chooses its own: virtual threads when {@code spring.threads.virtual.enabled=true} on
 * Java 21 or later, otherwise a pool of daemon platform threads as large as the
 * connection pool. Deliberately not an {@link java.util.concurrent.Executor} bean, which
 * would make Boot's own task executor back off.
 */
final class SmtpSendExecutor implements SmtpClientCustomizer {

	static final String THREAD_NAME_PREFIX = "smtp-send-";

	private final boolean virtual;

	private final int poolSize;

	private volatile ExecutorService platform;

	SmtpSendExecutor(Environment environment, SmtpProperties properties) {
		this.virtual = Threading.VIRTUAL.isActive(environment);
		this.poolSize = properties.getPool().getMaxSize();
	}

	boolean isVirtual() {
		return this.virtual;
	}

	@Override
	public void customize(SmtpClientBuilder builder) {
		if (this.virtual) {
			builder.executor(new VirtualThreadTaskExecutor(THREAD_NAME_PREFIX));
			return;
		}
		AtomicInteger count = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(this.poolSize, (task) -> {
			Thread thread = new Thread(task, THREAD_NAME_PREFIX + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.platform = executor;
		builder.executor(executor);
	}

	/**
	 * Lets the tasks under way finish and takes no more; called once the client is
	 * closed.
	 */
	void shutdown() {
		ExecutorService executor = this.platform;
		if (executor != null) {
			executor.shutdown();
		}
	}

}
