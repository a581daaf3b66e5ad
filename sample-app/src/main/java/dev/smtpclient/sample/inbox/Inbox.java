package dev.smtpclient.sample.inbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The messages the embedded server received, newest first, held in memory. When a new
 * message would take the inbox over its message count or byte cap, the oldest messages
 * go.
 */
public final class Inbox {

	private final int maxMessages;

	private final long maxBytes;

	private final Deque<ReceivedMessage> messages = new ArrayDeque<>();

	private long bytes;

	private long received;

	public Inbox(int maxMessages, long maxBytes) {
		if (maxMessages < 1 || maxBytes < 1) {
			throw new IllegalArgumentException("the inbox needs room for at least one message");
		}
		this.maxMessages = maxMessages;
		this.maxBytes = maxBytes;
	}

	public synchronized void add(ReceivedMessage message) {
		this.messages.addFirst(message);
		this.bytes += message.size();
		this.received++;
		while (this.messages.size() > 1 && (this.messages.size() > this.maxMessages || this.bytes > this.maxBytes)) {
			this.bytes -= this.messages.removeLast().size();
		}
	}

	/**
	 * The messages held, newest first.
	 * @return a snapshot of the messages
	 */
	public synchronized List<ReceivedMessage> messages() {
		return List.copyOf(this.messages);
	}

	public synchronized Optional<ReceivedMessage> find(String id) {
		return this.messages.stream().filter((message) -> message.id().equals(id)).findFirst();
	}

	/**
	 * How many messages arrived since start, including those since dropped or cleared.
	 * @return the count
	 */
	public synchronized long receivedCount() {
		return this.received;
	}

	public synchronized void clear() {
		this.messages.clear();
		this.bytes = 0;
	}

}
