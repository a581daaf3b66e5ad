package dev.smtpclient.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for SMTP sends. Define a bean of this type to replace
 * {@link DefaultSmtpObservationConvention}.
 */
public interface SmtpObservationConvention extends ObservationConvention<SmtpSendContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof SmtpSendContext;
	}

}
