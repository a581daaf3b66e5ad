package dev.smtpclient.autoconfigure.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.smtpclient.Envelope;
import dev.smtpclient.SendResult;

/**
 * Context of the observation of one send: the envelope, the server and, once sent, the result.
 */
public class SmtpSendContext extends Observation.Context {

	private final Envelope envelope;

	private final String serverAddress;

	private final int serverPort;

	private @Nullable SendResult result;

	public SmtpSendContext(Envelope envelope, String serverAddress, int serverPort) {
		this.envelope = envelope;
		this.serverAddress = serverAddress;
		this.serverPort = serverPort;
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
