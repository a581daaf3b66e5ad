package dev.smtpclient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * One {@link SmtpClient#sendAll} batch: a shared queue of message indexes, drained by workers that each hold one
 * connection and send message after message on it (pipelined where the server allows).
 */
final class BatchSender {

	private final SmtpClient client;

	private final List<? extends Mail> mails;

	private final ConcurrentLinkedDeque<Integer> queue = new ConcurrentLinkedDeque<>();

	private final SendOutcome[] outcomes;

	private final int[] requeues;

	private final List<Mail> wrapped;

	private final Map<Mail, Integer> indexes = Collections.synchronizedMap(new IdentityHashMap<>());

	BatchSender(SmtpClient client, List<? extends Mail> mails) {
		this.client = client;
		this.mails = mails;
		this.outcomes = new SendOutcome[mails.size()];
		this.requeues = new int[mails.size()];
		List<Mail> wrapped = new ArrayList<>();
		for (int i = 0; i < mails.size(); i++) {
			// a wrapper per position, so the same Mail object twice in a batch is still two messages
			Mail mail = Mail.of(mails.get(i).envelope(), mails.get(i).content());
			wrapped.add(mail);
			this.indexes.put(mail, i);
			this.queue.add(i);
		}
		this.wrapped = wrapped;
	}

	List<SendOutcome> run() {
		int workers = Math.max(1, Math.min(this.client.poolSettings().maxSize(), this.mails.size()));
		List<CompletableFuture<Void>> futures = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			futures.add(CompletableFuture.runAsync(this::work, this.client.executor()));
		}
		futures.forEach(CompletableFuture::join);
		return List.of(this.outcomes);
	}

	private void work() {
		while (!this.queue.isEmpty()) {
			PooledConnection pooled;
			try {
				pooled = this.client.pool().acquire();
			}
			catch (SmtpException ex) {
				// no connection to be had: what is left goes one by one, each with the retry policy
				Integer index = this.queue.poll();
				if (index != null) {
					sendAlone(index);
				}
				continue;
			}
			List<Integer> retry = new ArrayList<>();
			int[] budget = { this.client.poolSettings().maxMessagesPerConnection()
					- (int) pooled.connection().messagesSent() };
			Supplier<Mail> source = () -> {
				// the connection's message cap and lifetime hold within a sequence too
				if (budget[0]-- <= 0 || pooled.isExpired(this.client.clock().millis())) {
					return null;
				}
				return next();
			};
			try {
				pooled.connection().sendSequence(source, new MessageSequence.Outcomes() {

					@Override
					public void sent(Mail mail, SendResult result) {
						record(index(mail), result, null);
					}

					@Override
					public void failed(Mail mail, SmtpException error) {
						int index = index(mail);
						if (isUndelivered(error, pooled.connection()) && BatchSender.this.requeues[index]++ < 3) {
							BatchSender.this.queue.addFirst(index);
						}
						else if (RetryPolicy.isRetryable(error) && BatchSender.this.client.retryPolicy().maxAttempts() > 1) {
							retry.add(index);
						}
						else {
							record(index, null, error);
						}
					}

					@Override
					public void notSent(Mail mail) {
						BatchSender.this.queue.addFirst(index(mail));
					}

				});
				this.client.pool().release(pooled);
			}
			catch (SmtpException ex) {
				this.client.pool().release(pooled);
			}
			catch (RuntimeException | Error ex) {
				this.client.pool().discard(pooled);
				throw ex;
			}
			retry.forEach((index) -> sendAlone(index, 1));
		}
	}

	/**
	 * A connection failure (or 421) at MAIL, the first command of a transaction: nothing of the message
	 * reached the server, so it may simply go again.
	 */
	private static boolean isUndelivered(SmtpException error, SmtpConnection connection) {
		return !connection.isUsable() && error.phase() == SmtpPhase.MAIL
				&& (error instanceof SmtpConnectionException
						|| (error instanceof SmtpReplyException reply && reply.replyCode() == 421));
	}

	private Mail next() {
		Integer index = this.queue.poll();
		if (index == null) {
			return null;
		}
		if (this.client.rateLimiter() != null) {
			this.client.rateLimiter().acquire();
		}
		Mail mail = this.wrapped.get(index);
		if (!this.client.hasDkim()) {
			return mail;
		}
		try {
			Mail signed = Mail.of(mail.envelope(), this.client.prepare(mail.content()));
			this.indexes.put(signed, index);
			return signed;
		}
		catch (SmtpException ex) {
			record(index, null, ex);
			return next();
		}
	}

	private int index(Mail mail) {
		return this.indexes.get(mail);
	}

	private void sendAlone(int index) {
		sendAlone(index, 0);
	}

	private void sendAlone(int index, int earlierAttempts) {
		try {
			SendResult result = this.client.send(this.wrapped.get(index));
			record(index, result.withAttempts(result.attempts() + earlierAttempts), null);
		}
		catch (SmtpException ex) {
			record(index, null, ex);
		}
		catch (IllegalStateException ex) {
			record(index, null, new SmtpException(SmtpPhase.CONNECT, ex.getMessage(), ex));
		}
	}

	private synchronized void record(int index, SendResult result, SmtpException error) {
		this.outcomes[index] = new SendOutcome(index, result, error);
	}

}
