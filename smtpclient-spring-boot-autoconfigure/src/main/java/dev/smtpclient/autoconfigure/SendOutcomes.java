package dev.smtpclient.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.SendResult;

/**
 * The one vocabulary the meters and the send observation use for how a send or a step
 * ended, so a dashboard can join them: {@code outcome} is {@link #SUCCESS},
 * {@link #PARTIAL} (the message went, some recipients were refused) or {@link #FAILURE};
 * {@code error.type} is named as OpenTelemetry's attribute, with the simple class name of
 * the exception (the core's exceptions name the failure: {@code SmtpReplyException},
 * {@code SmtpConnectionException}, {@code SmtpTimeoutException},
 * {@code SmtpTlsException}, ...) and {@link #NONE} when there was no error, since every
 * series of a meter must carry the same tags. The reply code's class is a tag of its own,
 * {@code reply.class}.
 */
public final class SendOutcomes {

	public static final String SUCCESS = "SUCCESS";

	public static final String PARTIAL = "PARTIAL";

	public static final String FAILURE = "FAILURE";

	public static final String NONE = "none";

	private SendOutcomes() {
	}

	/**
	 * The outcome of a send the server accepted.
	 * @param result the result
	 * @return {@link #SUCCESS} or {@link #PARTIAL}
	 */
	public static String outcome(SendResult result) {
		return result.rejected().isEmpty() ? SUCCESS : PARTIAL;
	}

	/**
	 * The {@code error.type} of a failure.
	 * @param error the failure, or {@code null}
	 * @return the exception's simple class name, or {@link #NONE}
	 */
	public static String errorType(@Nullable Throwable error) {
		if (error == null) {
			return NONE;
		}
		String name = error.getClass().getSimpleName();
		return name.isEmpty() ? error.getClass().getName() : name;
	}

	/**
	 * The class of a reply code.
	 * @param code the code
	 * @return {@code 2xx}, {@code 4xx}, ... or {@link #NONE} for no valid code
	 */
	public static String replyClass(int code) {
		int replyClass = code / 100;
		return (replyClass >= 1 && replyClass <= 5) ? replyClass + "xx" : NONE;
	}

}
