package dev.smtpclient;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.internal.protocol.LogText;

/**
 * One complete server reply: its code and its lines of text (without the code and
 * separator).
 */
public final class SmtpReply {

	private final int code;

	private final List<String> lines;

	private final @Nullable EnhancedStatusCode enhancedStatus;

	public SmtpReply(int code, List<String> lines) {
		if (code < 200 || code > 599) {
			throw new IllegalArgumentException("reply code out of range: " + code);
		}
		this.code = code;
		this.lines = List.copyOf(lines);
		this.enhancedStatus = this.lines.isEmpty() ? null
				: EnhancedStatusCode.parse(code, this.lines.get(0)).orElse(null);
	}

	public int code() {
		return this.code;
	}

	public List<String> lines() {
		return this.lines;
	}

	/**
	 * The text of all lines, joined by a newline.
	 * @return the text
	 */
	public String text() {
		return String.join("\n", this.lines);
	}

	public Optional<EnhancedStatusCode> enhancedStatus() {
		return Optional.ofNullable(this.enhancedStatus);
	}

	public boolean isPositive() {
		return this.code < 400;
	}

	public boolean isTransientFailure() {
		return this.code >= 400 && this.code < 500;
	}

	public boolean isPermanentFailure() {
		return this.code >= 500;
	}

	/**
	 * The first digit of the code: 2, 3, 4 or 5.
	 * @return the reply class
	 */
	public int replyClass() {
		return this.code / 100;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SmtpReply reply && reply.code == this.code && reply.lines.equals(this.lines);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.code, this.lines);
	}

	@Override
	public String toString() {
		return this.code + " " + LogText.escape(text().replace('\n', ' '));
	}

}
