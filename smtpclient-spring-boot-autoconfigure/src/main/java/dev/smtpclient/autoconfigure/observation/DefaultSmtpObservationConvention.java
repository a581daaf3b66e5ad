package dev.smtpclient.autoconfigure.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.autoconfigure.SendOutcomes;
import dev.smtpclient.autoconfigure.observation.SmtpObservationDocumentation.HighCardinalityKeyNames;
import dev.smtpclient.autoconfigure.observation.SmtpObservationDocumentation.LowCardinalityKeyNames;

/**
 * Default {@link SmtpObservationConvention}: name {@code smtp.client.send},
 * low-cardinality server, outcome, reply class and error type, high-cardinality recipient
 * count and queue id. Recipient addresses are never recorded. Each key has its own
 * protected method, so a subclass can change one.
 */
public class DefaultSmtpObservationConvention implements SmtpObservationConvention {

	public static final String DEFAULT_NAME = "smtp.client.send";

	private static final KeyValue ERROR_TYPE_NONE = KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE, "none");

	private static final KeyValue REPLY_CLASS_NONE = KeyValue.of(LowCardinalityKeyNames.REPLY_CLASS, "none");

	private static final KeyValue OUTCOME_FAILURE = KeyValue.of(LowCardinalityKeyNames.OUTCOME, SendOutcomes.FAILURE);

	private final String name;

	public DefaultSmtpObservationConvention() {
		this(DEFAULT_NAME);
	}

	public DefaultSmtpObservationConvention(String name) {
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(SmtpSendContext context) {
		return "smtp send";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(SmtpSendContext context) {
		return KeyValues.of(serverAddress(context), serverPort(context), outcome(context), replyClass(context),
				errorType(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(SmtpSendContext context) {
		KeyValues values = KeyValues.of(recipientsCount(context));
		SendResult result = context.getResult();
		if (result != null && result.queueId().isPresent()) {
			values = values.and(KeyValue.of(HighCardinalityKeyNames.QUEUE_ID, result.queueId().get()));
		}
		return values;
	}

	protected KeyValue serverAddress(SmtpSendContext context) {
		return KeyValue.of(LowCardinalityKeyNames.SERVER_ADDRESS, context.getServerAddress());
	}

	protected KeyValue serverPort(SmtpSendContext context) {
		return KeyValue.of(LowCardinalityKeyNames.SERVER_PORT, String.valueOf(context.getServerPort()));
	}

	protected KeyValue outcome(SmtpSendContext context) {
		SendResult result = context.getResult();
		if (result == null) {
			return OUTCOME_FAILURE;
		}
		return KeyValue.of(LowCardinalityKeyNames.OUTCOME, SendOutcomes.outcome(result));
	}

	protected KeyValue replyClass(SmtpSendContext context) {
		SendResult result = context.getResult();
		if (result != null) {
			return KeyValue.of(LowCardinalityKeyNames.REPLY_CLASS, result.finalReply().replyClass() + "xx");
		}
		if (context.getError() instanceof SmtpReplyException reply) {
			return KeyValue.of(LowCardinalityKeyNames.REPLY_CLASS, reply.replyCode() / 100 + "xx");
		}
		return REPLY_CLASS_NONE;
	}

	protected KeyValue errorType(SmtpSendContext context) {
		Throwable error = context.getError();
		return (error != null) ? KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE, SendOutcomes.errorType(error))
				: ERROR_TYPE_NONE;
	}

	protected KeyValue recipientsCount(SmtpSendContext context) {
		return KeyValue.of(HighCardinalityKeyNames.RECIPIENTS_COUNT,
				String.valueOf(context.getEnvelope().recipients().size()));
	}

}
