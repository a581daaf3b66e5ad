package dev.smtpclient.message;

/**
 * The importance of a message, written as the {@code Importance}, {@code X-Priority} and
 * {@code Priority} headers that mail programs show. {@link #NORMAL} writes none of them.
 */
public enum Importance {

	/** {@code Importance: low}, {@code X-Priority: 5}, {@code Priority: non-urgent}. */
	LOW("low", "5", "non-urgent"),

	/** No header. */
	NORMAL(null, null, null),

	/** {@code Importance: high}, {@code X-Priority: 1}, {@code Priority: urgent}. */
	HIGH("high", "1", "urgent");

	private final String importance;

	private final String xPriority;

	private final String priority;

	Importance(String importance, String xPriority, String priority) {
		this.importance = importance;
		this.xPriority = xPriority;
		this.priority = priority;
	}

	String importance() {
		return this.importance;
	}

	String xPriority() {
		return this.xPriority;
	}

	String priority() {
		return this.priority;
	}

}
