package dev.smtpclient.internal.protocol;

import java.util.function.Consumer;

import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpReply;

/**
 * The info and debug log callbacks of one connection. The debug log is the transcript:
 * lines the client sent ("C:") and the server's replies ("S:"), with server text escaped
 * so it cannot forge log lines. Callers pass already-masked text for AUTH; this class
 * never sees a secret.
 */
public final class ProtocolLog {

	/**
	 * The default log callback: discards, and lets the log skip building lines nobody
	 * reads.
	 */
	public static final Consumer<String> DISCARD = (line) -> {
	};

	private final String prefix;

	private final Consumer<String> infoLog;

	private final Consumer<String> debugLog;

	public ProtocolLog(SmtpConnectionInfo info, Consumer<String> infoLog, Consumer<String> debugLog) {
		this.prefix = "[" + info + "] ";
		this.infoLog = infoLog;
		this.debugLog = debugLog;
	}

	public boolean isDebugEnabled() {
		return this.debugLog != DISCARD;
	}

	public boolean isInfoEnabled() {
		return this.infoLog != DISCARD;
	}

	public void info(String message) {
		if (isInfoEnabled()) {
			deliver(this.infoLog, this.prefix + message);
		}
	}

	/**
	 * Info lines that cost something to build are built only when someone reads them.
	 */
	public void info(java.util.function.Supplier<String> message) {
		if (isInfoEnabled()) {
			deliver(this.infoLog, this.prefix + message.get());
		}
	}

	public void sent(String maskedLine) {
		if (this.debugLog != DISCARD) {
			deliver(this.debugLog, this.prefix + "C: " + LogText.escape(maskedLine));
		}
	}

	public void received(SmtpReply reply) {
		if (this.debugLog == DISCARD) {
			return;
		}
		for (int i = 0; i < reply.lines().size(); i++) {
			char separator = (i == reply.lines().size() - 1) ? ' ' : '-';
			deliver(this.debugLog,
					this.prefix + "S: " + reply.code() + separator + LogText.escape(reply.lines().get(i)));
		}
	}

	public void debug(String message) {
		if (this.debugLog != DISCARD) {
			deliver(this.debugLog, this.prefix + message);
		}
	}

	private static void deliver(Consumer<String> log, String line) {
		try {
			log.accept(line);
		}
		catch (RuntimeException ex) {
			// a failing log callback must never break a send
		}
	}

}
