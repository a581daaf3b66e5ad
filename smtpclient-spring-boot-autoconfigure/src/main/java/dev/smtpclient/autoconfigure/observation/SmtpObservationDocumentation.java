package dev.smtpclient.autoconfigure.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documents the observation of an SMTP send.
 */
public enum SmtpObservationDocumentation implements ObservationDocumentation {

	/**
	 * One send through the pooled client: waiting for a connection, every attempt, the
	 * server's final reply.
	 */
	SMTP_SEND {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultSmtpObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * Host name of the server.
		 */
		SERVER_ADDRESS {
			@Override
			public String asString() {
				return "server.address";
			}
		},

		/**
		 * Port of the server.
		 */
		SERVER_PORT {
			@Override
			public String asString() {
				return "server.port";
			}
		},

		/**
		 * SUCCESS, PARTIAL (some recipients rejected) or FAILURE; the same values as the
		 * meters'.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * Class of the server's last reply: 2xx, 4xx, 5xx, or none when there was no
		 * reply.
		 */
		REPLY_CLASS {
			@Override
			public String asString() {
				return "reply.class";
			}
		},

		/**
		 * Type of the error, as OpenTelemetry's {@code error.type}: the simple class name
		 * of the exception (for example SmtpReplyException, SmtpConnectionException,
		 * SmtpTimeoutException), or none.
		 */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		}

	}

	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * Number of envelope recipients.
		 */
		RECIPIENTS_COUNT {
			@Override
			public String asString() {
				return "smtp.recipients.count";
			}
		},

		/**
		 * Queue id the server reported for the message, to find it in the server's logs.
		 */
		QUEUE_ID {
			@Override
			public String asString() {
				return "smtp.queue.id";
			}
		}

	}

}
