/**
 * The SMTP client: its public API is {@code dev.smtpclient} (client, connection, settings, results, errors,
 * events), {@code dev.smtpclient.message} (composing messages) and {@code dev.smtpclient.dkim} (signing). The
 * protocol engine, the pool, the wire format and the transport live in {@code dev.smtpclient.internal.*}, which
 * is not exported.
 */
module dev.smtpclient {

	requires transitive jakarta.activation;

	requires static org.jspecify;

	exports dev.smtpclient;
	exports dev.smtpclient.message;
	exports dev.smtpclient.dkim;

}
