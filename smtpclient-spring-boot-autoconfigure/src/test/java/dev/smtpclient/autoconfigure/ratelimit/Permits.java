package dev.smtpclient.autoconfigure.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.smtpclient.SendRateLimiter;

/**
 * Counts the permits that limiters give within a time, two threads each, as instances
 * sharing a budget would take them.
 */
final class Permits {

	private Permits() {
	}

	static int within(long millis, SendRateLimiter... limiters) throws InterruptedException {
		AtomicInteger permits = new AtomicInteger();
		long deadline = System.nanoTime() + millis * 1_000_000;
		List<Thread> threads = new ArrayList<>();
		for (SendRateLimiter limiter : limiters) {
			for (int i = 0; i < 2; i++) {
				Thread thread = new Thread(() -> {
					try {
						while (true) {
							limiter.acquire();
							if (System.nanoTime() >= deadline) {
								return;
							}
							permits.incrementAndGet();
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				});
				threads.add(thread);
				thread.start();
			}
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return permits.get();
	}

}
