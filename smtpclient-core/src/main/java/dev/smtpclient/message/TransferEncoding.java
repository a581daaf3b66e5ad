package dev.smtpclient.message;

/**
 * The Content-Transfer-Encoding of a part. Every part is written as 7-bit data, so a
 * message never needs 8BITMIME for its body.
 */
enum TransferEncoding {

	SEVEN_BIT("7bit"), QUOTED_PRINTABLE("quoted-printable"), BASE64("base64");

	/** Lines of 7bit data stay this short; longer ones are encoded. */
	private static final int MAX_7BIT_LINE = 76;

	private final String token;

	TransferEncoding(String token) {
		this.token = token;
	}

	String token() {
		return this.token;
	}

	/**
	 * Chooses for in-memory data: 7bit for ASCII text with short CRLF lines and no NUL;
	 * for text, quoted-printable when at least two thirds of the octets are printable
	 * ASCII; base64 otherwise.
	 * @param data the data
	 * @param text whether the data is text whose line endings are CRLF (QP may be used)
	 */
	static TransferEncoding choose(byte[] data, boolean text) {
		int plain = 0;
		boolean sevenBit = true;
		int lineLength = 0;
		for (int i = 0; i < data.length; i++) {
			int octet = data[i] & 0xff;
			if (octet == '\r' && i + 1 < data.length && data[i + 1] == '\n') {
				i++;
				plain += 2;
				lineLength = 0;
				continue;
			}
			boolean printable = (octet >= 0x20 && octet < 0x7f) || octet == '\t';
			if (printable) {
				plain++;
			}
			else {
				sevenBit = false;
			}
			if (++lineLength > MAX_7BIT_LINE) {
				sevenBit = false;
			}
		}
		if (sevenBit) {
			return SEVEN_BIT;
		}
		return (text && plain * 3L >= data.length * 2L) ? QUOTED_PRINTABLE : BASE64;
	}

}
