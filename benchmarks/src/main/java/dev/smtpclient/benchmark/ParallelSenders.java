package dev.smtpclient.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a per-thread send loop on a fixed number of threads, splitting the messages
 * between them.
 */
final class ParallelSenders implements AutoCloseable {

	interface Loop {

		void send(int thread, int messages) throws Exception;

	}

	private final int threads;

	private final ExecutorService executor;

	ParallelSenders(int threads) {
		this.threads = threads;
		this.executor = Executors.newFixedThreadPool(threads);
	}

	void run(int messages, Loop loop) throws Exception {
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < this.threads; t++) {
			int share = messages / this.threads + ((t < messages % this.threads) ? 1 : 0);
			int thread = t;
			futures.add(this.executor.submit(() -> {
				loop.send(thread, share);
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
