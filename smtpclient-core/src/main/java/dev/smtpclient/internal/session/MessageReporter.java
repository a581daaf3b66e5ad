package dev.smtpclient.internal.session;

import java.time.Duration;

import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpException;
import dev.smtpclient.internal.protocol.ProtocolLog;

/**
 * Tells the listener and the log how each message on a connection ended, and counts the
 * accepted ones. A failure that broke the channel closes it here, so a single message and
 * a sequence of messages end alike.
 */
public final class MessageReporter {

	private final SmtpConnectionInfo info;

	private final SmtpEventListener events;

	private final ProtocolLog log;

	private final CommandChannel channel;

	private long messagesSent;

	public MessageReporter(SmtpConnectionInfo info, SmtpEventListener events, ProtocolLog log, CommandChannel channel) {
		this.info = info;
		this.events = events;
		this.log = log;
		this.channel = channel;
	}

	public MessageTimer startMessage() {
		this.events.messageStart(this.info);
		return new MessageTimer(System.nanoTime());
	}

	public SendResult accepted(SendResult result, MessageTimer timer) {
		this.messagesSent++;
		this.events.messageAccepted(this.info, result, timer.elapsed());
		this.log.info(() -> "message accepted: " + result.finalReply());
		return result;
	}

	public SmtpException failed(SmtpException ex, MessageTimer timer) {
		this.events.messageFailed(this.info, ex, timer.elapsed());
		this.log.info(() -> "message not sent: " + ex.getMessage());
		if (this.channel.isBroken()) {
			this.channel.abort();
		}
		return ex;
	}

	public long messagesSent() {
		return this.messagesSent;
	}

	/**
	 * When a message started.
	 *
	 * @param startedNanos the start, from {@link System#nanoTime()}
	 */
	public record MessageTimer(long startedNanos) {

		Duration elapsed() {
			return Duration.ofNanos(System.nanoTime() - this.startedNanos);
		}

	}

}
