package dev.smtpclient;

/**
 * Input that must not reach the wire: a control character in an address or command
 * argument, a malformed address or URL. Raised before anything is sent.
 */
public class InvalidInputException extends IllegalArgumentException {

	private final String field;

	public InvalidInputException(String field, String problem) {
		super(field + ": " + problem);
		this.field = field;
	}

	/**
	 * The name of the offending field (for example {@code "recipient"} or
	 * {@code "url.password"}).
	 * @return the field
	 */
	public String field() {
		return this.field;
	}

}
