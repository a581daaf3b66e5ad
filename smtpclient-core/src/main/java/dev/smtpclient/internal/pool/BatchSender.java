package dev.smtpclient.internal.pool;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.Mail;
import dev.smtpclient.MessageContent;
import dev.smtpclient.PoolSettings;
import dev.smtpclient.RetryPolicy;
import dev.smtpclient.SendOutcome;
import dev.smtpclient.SendRateLimiter;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpConnectionException;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.SmtpTimeoutException;
import dev.smtpclient.internal.session.MessageSequence;
import dev.smtpclient.internal.session.Session;

/**
 * One {@code SmtpClient.sendAll} batch: a shared queue of message indexes, drained by
 * workers that each hold one connection and send message after message on it (pipelined
 * where the server allows).
 * <p>
 * A message is taken from the caller's list only when its turn comes, and the batch lets
 * go of it once it has its outcome: what the batch holds is the messages in flight, so
 * the heap a batch needs is bounded by what the caller holds, not by the batch's length.
 */
public final class BatchSender {

	private final Context context;

	private final List<? extends Mail> mails;

	private final ConcurrentLinkedDeque<Integer> queue = new ConcurrentLinkedDeque<>();

	private final SendOutcome[] outcomes;

	private final int[] requeues;

	/** The messages handed out and not yet reported on, by identity. */
	private final Map<Mail, Integer> indexes = Collections.synchronizedMap(new IdentityHashMap<>());

	public BatchSender(Context context, List<? extends Mail> mails) {
		this.context = context;
		this.mails = mails;
		this.outcomes = new SendOutcome[mails.size()];
		this.requeues = new int[mails.size()];
		for (int i = 0; i < mails.size(); i++) {
			this.queue.add(i);
		}
	}

	/**
	 * The message at a position, in a wrapper of its own, so the same Mail object twice
	 * in a batch is still two messages.
	 */
	private Mail mail(int index) {
		Mail mail = this.mails.get(index);
		return Mail.of(mail.envelope(), mail.content());
	}

	public List<SendOutcome> run() {
		int workers = Math.max(1, Math.min(this.context.poolSettings().maxSize(), this.mails.size()));
		List<CompletableFuture<Void>> futures = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			futures.add(CompletableFuture.runAsync(this::work, this.context.executor()));
		}
		Throwable workerFailure = null;
		for (CompletableFuture<Void> future : futures) {
			try {
				future.join();
			}
			catch (CompletionException | CancellationException ex) {
				workerFailure = (ex.getCause() != null) ? ex.getCause() : ex;
			}
		}
		// every message gets an outcome, whatever stopped the workers: a caller who sends
		// again what failed must
		// know which ones did
		for (int i = 0; i < this.outcomes.length; i++) {
			if (outcome(i) == null) {
				record(i, null, notSent(workerFailure));
			}
		}
		return List.of(this.outcomes);
	}

	private static SmtpException notSent(Throwable workerFailure) {
		if (workerFailure == null) {
			return new SmtpException(SmtpPhase.CONNECT,
					"not sent: the batch was interrupted before this message's " + "turn came");
		}
		return new SmtpException(SmtpPhase.CONNECT,
				"not sent: the batch stopped before this message's turn came (" + workerFailure + ")", workerFailure);
	}

	private void work() {
		while (!this.queue.isEmpty() && !Thread.currentThread().isInterrupted()) {
			PooledConnection pooled;
			try {
				pooled = this.context.pool().acquire();
			}
			catch (SmtpException ex) {
				// no connection to be had: what is left goes one by one, each with the
				// retry policy
				Integer index = this.queue.poll();
				if (index != null) {
					sendAlone(index);
				}
				continue;
			}
			List<Integer> retry = new ArrayList<>();
			try {
				pooled.connection().sendSequence(new ConnectionSource(pooled), new MessageSequence.Outcomes() {

					@Override
					public void sent(Mail mail, SendResult result) {
						record(reported(mail), result, null);
					}

					@Override
					public void failed(Mail mail, SmtpException error) {
						int index = reported(mail);
						if (isUndelivered(error, pooled.connection()) && BatchSender.this.requeues[index]++ < 3) {
							BatchSender.this.queue.addFirst(index);
						}
						else if (RetryPolicy.isRetryable(error)
								&& BatchSender.this.context.retryPolicy().maxAttempts() > 1) {
							retry.add(index);
						}
						else {
							record(index, null, error);
						}
					}

					@Override
					public void notSent(Mail mail) {
						BatchSender.this.queue.addFirst(reported(mail));
					}

				});
				this.context.pool().release(pooled);
			}
			catch (SmtpException ex) {
				this.context.pool().release(pooled);
			}
			catch (RuntimeException | Error ex) {
				this.context.pool().discard(pooled);
				throw ex;
			}
			retry.forEach((index) -> sendAlone(index, 1));
		}
	}

	/**
	 * A connection failure (or 421) at MAIL, the first command of a transaction: nothing
	 * of the message reached the server, so it may simply go again. Not after a timeout:
	 * a slow server is not sent the same message again at once.
	 */
	private static boolean isUndelivered(SmtpException error, Session connection) {
		return !connection.isUsable() && error.phase() == SmtpPhase.MAIL && !(error instanceof SmtpTimeoutException)
				&& (error instanceof SmtpConnectionException
						|| (error instanceof SmtpReplyException reply && reply.replyCode() == 421));
	}

	/**
	 * The position of a message handed out, which the batch lets go of now that it is
	 * reported on: sent again, it is taken from the caller's list again.
	 */
	private int reported(Mail mail) {
		return this.indexes.remove(mail);
	}

	private void sendAlone(int index) {
		sendAlone(index, 0);
	}

	private void sendAlone(int index, int earlierAttempts) {
		try {
			SendResult result = this.context.sender().apply(mail(index));
			record(index, new SendResult(result.sender(), result.recipients(), result.finalReply(), result.bytesSent(),
					result.attempts() + earlierAttempts), null);
		}
		catch (SmtpException ex) {
			record(index, null, ex);
		}
		catch (RuntimeException ex) {
			record(index, null, MessageSequence.asSmtpException(ex));
		}
	}

	private synchronized void record(int index, SendResult result, SmtpException error) {
		this.outcomes[index] = new SendOutcome(index, result, error);
	}

	private synchronized SendOutcome outcome(int index) {
		return this.outcomes[index];
	}

	/**
	 * The messages for one connection, within its message cap and lifetime, each
	 * rate-limited and signed before it is handed out. A message that cannot be prepared
	 * gets its outcome here, and the next one is taken.
	 */
	private final class ConnectionSource implements MessageSequence.Source {

		private final PooledConnection pooled;

		private int budget;

		ConnectionSource(PooledConnection pooled) {
			this.pooled = pooled;
			this.budget = BatchSender.this.context.poolSettings().maxMessagesPerConnection()
					- (int) pooled.connection().messagesSent();
		}

		@Override
		public @Nullable Mail poll() {
			SendRateLimiter limiter = BatchSender.this.context.rateLimiter();
			if (!hasRoom() || BatchSender.this.queue.isEmpty() || (limiter != null && !limiter.tryAcquire())) {
				return null;
			}
			Integer index = BatchSender.this.queue.poll();
			return (index != null) ? handOut(index) : null;
		}

		@Override
		public @Nullable Mail take() {
			while (hasRoom()) {
				Integer index = BatchSender.this.queue.poll();
				if (index == null) {
					return null;
				}
				SendRateLimiter limiter = BatchSender.this.context.rateLimiter();
				if (limiter != null) {
					try {
						limiter.acquire();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						record(index, null, new SmtpException(SmtpPhase.CONNECT,
								"not sent: interrupted while waiting for the rate limit", ex));
						return null;
					}
				}
				Mail mail = handOut(index);
				if (mail != null) {
					return mail;
				}
			}
			return null;
		}

		/**
		 * The connection's message cap and lifetime hold within a sequence too.
		 */
		private boolean hasRoom() {
			return this.budget > 0 && !this.pooled.isExpired(BatchSender.this.context.clock().millis());
		}

		private @Nullable Mail handOut(int index) {
			this.budget--;
			try {
				Mail mail = mail(index);
				if (BatchSender.this.context.signs()) {
					mail = Mail.of(mail.envelope(), BatchSender.this.context.signer().apply(mail.content()));
				}
				BatchSender.this.indexes.put(mail, index);
				return mail;
			}
			catch (RuntimeException ex) {
				record(index, null, MessageSequence.asSmtpException(ex));
				return null;
			}
		}

	}

	/**
	 * What a batch takes from the client that runs it.
	 *
	 * @param pool the pool that lends the connections
	 * @param poolSettings its settings: the number of workers and the messages per
	 * connection
	 * @param retryPolicy whether a failed message is sent again on its own
	 * @param rateLimiter the limit on messages per second, or {@code null} for none
	 * @param executor runs the workers
	 * @param clock tells when a connection has outlived its lifetime
	 * @param signs whether messages are signed before they are sent
	 * @param signer signs one message's content
	 * @param sender sends one message on its own, with the client's retries
	 */
	public record Context(ConnectionPool pool, PoolSettings poolSettings, RetryPolicy retryPolicy,
			@Nullable SendRateLimiter rateLimiter, Executor executor, Clock clock, boolean signs,
			UnaryOperator<MessageContent> signer, Function<Mail, SendResult> sender) {
	}

}
