package dev.smtpclient.message;

import java.security.SecureRandom;

/**
 * Random octets for MIME boundaries, from a {@link SecureRandom}, drawn a few kilobytes
 * at a time: one call to the generator (and its lock and mixing) serves hundreds of
 * messages, and each octet is handed out once.
 */
final class RandomOctets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final byte[] POOL = new byte[4096];

	private static int position = POOL.length;

	private RandomOctets() {
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
