package dev.smtpclient.message;

import java.security.SecureRandom;

/**
 * Random octets for Message-IDs and boundaries, from a {@link SecureRandom}, drawn a few
 * kilobytes at a time: one call to the generator (and its lock and mixing) serves
 * hundreds of messages, and each octet is handed out once.
 */
final class RandomOctets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final byte[] POOL = new byte[4096];

	private static int position = POOL.length;

	private RandomOctets() {
	}

	/**
	 * Appends random octets as lower-case hexadecimal digits, two per octet.
	 * @param text the text to append to
	 * @param octets how many octets
	 */
	static synchronized void appendHex(StringBuilder text, int octets) {
		for (int i = 0; i < octets; i++) {
			int octet = next();
			text.append(HEX[octet >> 4]).append(HEX[octet & 0xf]);
		}
	}

	/**
	 * Fills the array with random octets.
	 * @param octets the array
	 */
	static synchronized void fill(byte[] octets) {
		for (int i = 0; i < octets.length; i++) {
			octets[i] = (byte) next();
		}
	}

	private static int next() {
		if (position == POOL.length) {
			RANDOM.nextBytes(POOL);
			position = 0;
		}
		return POOL[position++] & 0xff;
	}

}
