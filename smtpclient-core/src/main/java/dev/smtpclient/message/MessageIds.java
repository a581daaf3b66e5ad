package dev.smtpclient.message;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The unique part of a Message-ID: 128 bits as 32 hex digits. The first 64 are a counter,
 * which never repeats in this process, scrambled by a bijection keyed once from
 * {@link SecureRandom}; the other 64 come from the thread's random generator. Unique
 * without drawing 128 bits from {@link SecureRandom} for every message, which costs more
 * than the rest of the header section.
 */
final class MessageIds {

	/** The octets of randomness, for the hex digits' count. */
	static final int OCTETS = 16;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final long KEY;

	private static final AtomicLong COUNTER;

	static {
		SecureRandom random = new SecureRandom();
		KEY = random.nextLong();
		COUNTER = new AtomicLong(random.nextLong());
	}

	private MessageIds() {
	}

	/**
	 * Appends a new unique value as 32 lowercase hex digits.
	 * @param text where to append it
	 */
	static void appendHex(StringBuilder text) {
		appendHex(text, mix(COUNTER.getAndIncrement() ^ KEY));
		appendHex(text, ThreadLocalRandom.current().nextLong());
	}

	/**
	 * MurmurHash3's finalizer: a bijection, so distinct counts stay distinct.
	 */
	private static long mix(long value) {
		long z = value;
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return z ^ (z >>> 33);
	}

	private static void appendHex(StringBuilder text, long value) {
		for (int shift = 60; shift >= 0; shift -= 4) {
			text.append(HEX[(int) (value >>> shift) & 0xf]);
		}
	}

}
