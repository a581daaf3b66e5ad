package dev.smtpclient;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Delivery status notification requests (RFC 3461), sent with MAIL FROM and RCPT TO when
 * the server offers DSN (and left out, with an info log line, when it does not).
 *
 * @param ret how much of the message a bounce returns, or {@code null} for the server's
 * choice
 * @param envelopeId an identifier the bounce will quote (printable ASCII, at most 100
 * characters), or {@code null}
 * @param notifyOn when to notify, for every recipient; empty for the server's default
 */
public record DsnOptions(@Nullable Ret ret, @Nullable String envelopeId, Set<Notify> notifyOn) {

	public enum Ret {

		FULL, HDRS

	}

	public enum Notify {

		NEVER, SUCCESS, FAILURE, DELAY

	}

	public DsnOptions {
		notifyOn = notifyOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(notifyOn));
		if (notifyOn.contains(Notify.NEVER) && notifyOn.size() > 1) {
			throw new InvalidInputException("dsn.notify", "NEVER cannot be combined with other values");
		}
		if (envelopeId != null) {
			if (envelopeId.isEmpty() || envelopeId.length() > 100) {
				throw new InvalidInputException("dsn.envelopeId", "must be 1 to 100 characters");
			}
			for (int i = 0; i < envelopeId.length(); i++) {
				char c = envelopeId.charAt(i);
				if (c < 0x20 || c > 0x7e) {
					throw new InvalidInputException("dsn.envelopeId",
							String.format("only printable ASCII is allowed (U+%04X at index %d)", (int) c, i));
				}
			}
		}
	}

}
