package dev.smtpclient.sample.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A message to send, as the page's form or a JSON client gives it. Each address entry may
 * hold one address or a comma-separated list; in JSON a single string is taken as a list
 * of one. Empty entries are ignored.
 *
 * @param from the sender, for example {@code "Me <me@example.com>"}
 * @param to the To recipients
 * @param cc the Cc recipients
 * @param bcc the Bcc recipients (in the envelope only)
 * @param subject the subject
 * @param text the plain-text body
 * @param html the HTML body
 */
public record MessageRequest(String from,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> to,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> cc,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> bcc, String subject,
		String text, String html) {

	public MessageRequest {
		to = (to != null) ? List.copyOf(to) : List.of();
		cc = (cc != null) ? List.copyOf(cc) : List.of();
		bcc = (bcc != null) ? List.copyOf(bcc) : List.of();
	}

}
