package dev.smtpclient.sample.web;

import java.util.List;

/**
 * A message to send, as the page's form or a JSON client gives it. Each address entry may hold one address or
 * a comma-separated list; empty entries are ignored.
 *
 * @param from the sender, for example {@code "Me <me@example.com>"}
 * @param to the To recipients
 * @param cc the Cc recipients
 * @param bcc the Bcc recipients (in the envelope only)
 * @param subject the subject
 * @param text the plain-text body
 * @param html the HTML body
 */
public record MessageRequest(String from, List<String> to, List<String> cc, List<String> bcc, String subject,
		String text, String html) {

	public MessageRequest {
		to = (to != null) ? List.copyOf(to) : List.of();
		cc = (cc != null) ? List.copyOf(cc) : List.of();
		bcc = (bcc != null) ? List.copyOf(bcc) : List.of();
	}

}
