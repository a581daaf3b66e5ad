package dev.smtpclient.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpReply;

/**
 * Records the order of commands and replies as ">VERB" and "<VERB code", to check what
 * was pipelined.
 */
public final class CommandOrderRecorder implements SmtpEventListener {

	private final List<String> order = new CopyOnWriteArrayList<>();

	@Override
	public void commandSent(SmtpConnectionInfo connection, String verb) {
		this.order.add(">" + verb);
	}

	@Override
	public void replyReceived(SmtpConnectionInfo connection, String verb, SmtpReply reply, Duration took) {
		this.order.add("<" + verb + " " + reply.code());
	}

	public List<String> order() {
		return this.order;
	}

}
