package dev.smtpclient.sample.inbox;

import java.util.List;

/**
 * A received message taken apart for the inbox page.
 *
 * @param id the inbox id
 * @param receivedAt when it arrived (ISO-8601)
 * @param envelopeFrom the envelope sender
 * @param envelopeTo the envelope recipients (Bcc recipients show up only here)
 * @param subject the decoded subject
 * @param from the decoded From
 * @param to the decoded To
 * @param cc the decoded Cc
 * @param headers every header field, in order, as received
 * @param text the first text/plain body, or null
 * @param html the first text/html body, or null
 * @param attachments the other parts, downloadable by their index
 * @param size the size in octets
 */
public record ParsedMessage(String id, String receivedAt, String envelopeFrom, List<String> envelopeTo, String subject,
		String from, String to, String cc, List<Header> headers, String text, String html, List<Attachment> attachments,
		int size) {

	/**
	 * One header field.
	 *
	 * @param name the field name
	 * @param value the value as received (encoded words not decoded)
	 */
	public record Header(String name, String value) {
	}

	/**
	 * One attachment.
	 *
	 * @param index its position among the message's attachments
	 * @param fileName the decoded file name, or a made-up one
	 * @param contentType the MIME type without parameters
	 * @param size the decoded size in octets
	 */
	public record Attachment(int index, String fileName, String contentType, long size) {
	}

}
