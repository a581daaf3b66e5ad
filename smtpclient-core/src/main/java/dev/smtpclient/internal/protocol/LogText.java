package dev.smtpclient.internal.protocol;

/**
 * Makes untrusted text safe to put in a log line or an exception message.
 */
public final class LogText {

	private static final int MAX_LENGTH = 512;

	private LogText() {
	}

	/**
	 * Escapes control characters (so a hostile server cannot forge log lines) and cuts
	 * long text.
	 * @param text the text
	 * @return the escaped text
	 */
	public static String escape(String text) {
		StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
		for (int i = 0; i < text.length(); i++) {
			if (out.length() >= MAX_LENGTH) {
				out.append("...(").append(text.length()).append(" chars)");
				break;
			}
			char c = text.charAt(i);
			if (WireText.isControl(c)) {
				out.append(String.format("\\x%02x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
