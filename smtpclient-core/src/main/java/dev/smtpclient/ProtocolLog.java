package dev.smtpclient;

import java.util.function.Consumer;

/**
 * The info and debug log callbacks of one connection. The debug log is the transcript: lines the client sent
 * ("C:") and the server's replies ("S:"), with server text escaped so it cannot forge log lines. Callers pass
 * already-masked text for AUTH; this class never sees a secret.
 */
final class ProtocolLog {

	/**
	 * The default log callback: discards, and lets the log skip building lines nobody reads.
	 */
	static final Consumer<String> DISCARD = (line) -> {
	};

	private final String prefix;

	private final Consumer<String> infoLog;

	private final Consumer<String> debugLog;

	ProtocolLog(SmtpConnectionInfo info, Consumer<String> infoLog, Consumer<String> debugLog) {
		this.prefix = "[" + info + "] ";
		this.infoLog = infoLog;
		this.debugLog = debugLog;
	}

	boolean isDebugEnabled() {
		return this.debugLog != DISCARD;
	}

	boolean isInfoEnabled() {
		return this.infoLog != DISCARD;
	}

	void info(String message) {
		if (isInfoEnabled()) {
			deliver(this.infoLog, this.prefix + message);
		}
	}

	/**
	 * Info lines that cost something to build are built only when someone reads them.
	 */
	void info(java.util.function.Supplier<String> message) {
		if (isInfoEnabled()) {
			deliver(this.infoLog, this.prefix + message.get());
		}
	}

	void sent(String maskedLine) {
		if (this.debugLog != DISCARD) {
			deliver(this.debugLog, this.prefix + "C: " + LogText.escape(maskedLine));
		}
	}

	void received(SmtpReply reply) {
		if (this.debugLog == DISCARD) {
			return;
		}
		for (int i = 0; i < reply.lines().size(); i++) {
			char separator = (i == reply.lines().size() - 1) ? ' ' : '-';
			deliver(this.debugLog, this.prefix + "S: " + reply.code() + separator + LogText.escape(reply.lines().get(i)));
		}
	}

	void debug(String message) {
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
