package dev.smtpclient.sample.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.smtpclient.Mail;
import dev.smtpclient.SendOutcome;
import dev.smtpclient.SmtpClient;
import dev.smtpclient.message.Message;
import dev.smtpclient.sample.inbox.EmbeddedSmtpServer;

/**
 * {@code /api/test-batch}: sends a batch of test messages with
 * {@link SmtpClient#sendAll}, in the background and in slices, so the Dashboard can show
 * its progress while the charts move. Only to the embedded server: a batch must never go
 * out through a real account.
 */
@RestController
@RequestMapping("/api/test-batch")
public class TestBatchController {

	static final int SIZE = 100;

	private static final int SLICE = 10;

	private final SmtpClient client;

	private final boolean embedded;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "sample-test-batch");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicReference<Progress> current = new AtomicReference<>(new Progress(0, 0, 0, false));

	public TestBatchController(SmtpClient client, ObjectProvider<EmbeddedSmtpServer> server) {
		this.client = client;
		this.embedded = server.getIfAvailable() != null;
	}

	/**
	 * How far the latest batch got.
	 *
	 * @param total the messages in the batch
	 * @param sent the messages the server accepted
	 * @param failed the messages that failed
	 * @param running whether the batch is still going
	 */
	public record Progress(int total, int sent, int failed, boolean running) {
	}

	@GetMapping
	public Progress progress() {
		return this.current.get();
	}

	@PostMapping
	public ResponseEntity<Progress> start() {
		if (!this.embedded) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"test batches go only to the embedded server, not to the server in smtp.url");
		}
		Progress started = new Progress(SIZE, 0, 0, true);
		Progress previous = this.current.get();
		if (previous.running() || !this.current.compareAndSet(previous, started)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "a batch is already running");
		}
		this.executor.execute(this::run);
		return ResponseEntity.accepted().body(started);
	}

	private void run() {
		AtomicInteger sent = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		long batch = System.currentTimeMillis();
		try {
			for (int first = 0; first < SIZE; first += SLICE) {
				List<Mail> mails = new ArrayList<>();
				for (int i = first; i < Math.min(SIZE, first + SLICE); i++) {
					mails.add(testMessage(batch, i));
				}
				for (SendOutcome outcome : this.client.sendAll(mails)) {
					(outcome.isSuccess() ? sent : failed).incrementAndGet();
				}
				this.current.set(new Progress(SIZE, sent.get(), failed.get(), true));
			}
		}
		catch (RuntimeException ex) {
			failed.set(SIZE - sent.get());
		}
		finally {
			this.current.set(new Progress(SIZE, sent.get(), failed.get(), false));
		}
	}

	private static Mail testMessage(long batch, int index) {
		Message message = new Message("Sample App <sample@example.com>",
				"Test message " + (index + 1) + " of " + SIZE + " (batch " + batch + ")");
		message.addTo("test-" + (index + 1) + "@example.com");
		message.setBody("A test message from the dashboard.");
		return message.snapshot();
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
