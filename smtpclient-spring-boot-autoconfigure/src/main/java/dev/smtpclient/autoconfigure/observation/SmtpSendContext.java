package dev.smtpclient.autoconfigure.observation;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

import dev.smtpclient.Envelope;
import dev.smtpclient.SendResult;

/**
 * Context of the observation of one send: the envelope, the server and, once sent, the
 * result. It is a {@link Kind#CLIENT CLIENT} {@link SenderContext} whose remote service
 * is the SMTP server (name: its host, address: {@code smtp://host:port}), so tracing
 * shows the server as a dependency of the application. Nothing is propagated: the trace
 * context would have to travel in the message's headers, where every relay and recipient
 * could read it.
 */
public class SmtpSendContext extends SenderContext<Object> {

	private final Envelope envelope;

	private final String serverAddress;

	private final int serverPort;

	private @Nullable SendResult result;

	public SmtpSendContext(Envelope envelope, String serverAddress, int serverPort) {
		super((carrier, key, value) -> {
		}, Kind.CLIENT);
		this.envelope = envelope;
		this.serverAddress = serverAddress;
		this.serverPort = serverPort;
		setRemoteServiceName(serverAddress);
		String host = serverAddress.contains(":") ? "[" + serverAddress + "]" : serverAddress;
		setRemoteServiceAddress("smtp://" + host + ":" + serverPort);
	}

	public Envelope getEnvelope() {
		return this.envelope;
	}

	public String getServerAddress() {
		return this.serverAddress;
	}

	public int getServerPort() {
		return this.serverPort;
	}

	/**
	 * The result, once the server accepted the message.
	 * @return the result or {@code null}
	 */
	public @Nullable SendResult getResult() {
		return this.result;
	}

	public void setResult(@Nullable SendResult result) {
		this.result = result;
	}

}
