package dev.smtpclient.internal.protocol;

import java.util.EnumSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.DsnOptions;
import dev.smtpclient.SmtpPhase;

/**
 * The RCPT command and its NOTIFY parameter (RFC 3461). Its line is written here and
 * nowhere else.
 *
 * @param recipient the forward path, checked by the envelope
 * @param dsn the DSN requests, or {@code null} for none
 */
public record RcptTo(String recipient, @Nullable DsnOptions dsn) implements SmtpCommand {

	public RcptTo {
		WireText.requireNoControls("recipient", recipient);
	}

	@Override
	public String verb() {
		return "RCPT";
	}

	@Override
	public SmtpPhase phase() {
		return SmtpPhase.RCPT;
	}

	@Override
	public String line() {
		String line = "RCPT TO:<" + this.recipient + ">";
		if (this.dsn == null || this.dsn.notifyOn().isEmpty()) {
			return line;
		}
		return line + " NOTIFY="
				+ EnumSet.copyOf(this.dsn.notifyOn()).stream().map(Enum::name).collect(Collectors.joining(","));
	}

}
