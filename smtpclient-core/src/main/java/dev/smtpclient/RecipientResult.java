package dev.smtpclient;

/**
 * One recipient and the server's reply to its RCPT TO.
 *
 * @param address the recipient address
 * @param reply the server's reply
 */
public record RecipientResult(String address, SmtpReply reply) {

	public boolean accepted() {
		return this.reply.isPositive();
	}

	@Override
	public String toString() {
		return "<" + this.address + "> " + this.reply;
	}

}
