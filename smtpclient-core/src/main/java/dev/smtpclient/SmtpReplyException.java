package dev.smtpclient;

import java.util.Optional;

/**
 * The server answered with a failure reply (4xx or 5xx, or an unexpected code).
 */
public class SmtpReplyException extends SmtpException {

	private final SmtpReply reply;

	/**
	 * The server refused a command.
	 * @param phase the command's phase
	 * @param reply the server's reply, also given by {@link #reply()}
	 */
	public SmtpReplyException(SmtpPhase phase, SmtpReply reply) {
		this(phase, reply, describe(phase, reply));
	}

	protected SmtpReplyException(SmtpPhase phase, SmtpReply reply, String message) {
		super(phase, message, reply, null);
		this.reply = reply;
	}

	static String describe(SmtpPhase phase, SmtpReply reply) {
		String kind = reply.isTransientFailure() ? "transient failure"
				: reply.isPermanentFailure() ? "permanent failure" : "unexpected reply";
		return phase + " failed (" + kind + "): " + reply;
	}

	public int replyCode() {
		return this.reply.code();
	}

	public Optional<EnhancedStatusCode> enhancedStatus() {
		return this.reply.enhancedStatus();
	}

	@Override
	public boolean isTransient() {
		return this.reply.isTransientFailure();
	}

	public boolean isPermanent() {
		return this.reply.isPermanentFailure();
	}

}
