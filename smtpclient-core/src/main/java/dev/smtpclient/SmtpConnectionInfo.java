package dev.smtpclient;

/**
 * Which connection an event is about.
 *
 * @param id a number unique to the connection within this JVM
 * @param host the configured host
 * @param port the configured port
 */
public record SmtpConnectionInfo(long id, String host, int port) {

	@Override
	public String toString() {
		return "#" + this.id + " " + (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

}
