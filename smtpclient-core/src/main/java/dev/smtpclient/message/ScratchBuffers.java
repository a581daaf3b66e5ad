package dev.smtpclient.message;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A few working arrays and texts shared by every message, lent for one encoding or one
 * header section and given back: composing and writing a message then allocates no buffer
 * of its own. When all are lent out a new one is made (and kept when given back while
 * there is room), so no caller ever waits. What they held before is never read: every
 * user writes before it reads.
 */
final class ScratchBuffers {

	/** Enough for a chunk of base64 lines. */
	static final int SIZE = 8 * 1024;

	/** Characters in a lent array: as many octets as {@link #SIZE}. */
	static final int CHAR_SIZE = SIZE / 2;

	/** Texts that grew past this (a huge header section) are not kept. */
	private static final int MAX_KEPT_TEXT = 16 * 1024;

	private static final int SLOTS = Math.min(16, 2 * Runtime.getRuntime().availableProcessors());

	private static final AtomicReferenceArray<byte[]> ARRAYS = new AtomicReferenceArray<>(SLOTS);

	private static final AtomicReferenceArray<StringBuilder> TEXTS = new AtomicReferenceArray<>(SLOTS);

	private static final AtomicReferenceArray<char[]> CHARS = new AtomicReferenceArray<>(SLOTS);

	private ScratchBuffers() {
	}

	/**
	 * Lends an array of {@link #SIZE} octets, holding anything.
	 * @return the array, to be given back with {@link #release(byte[])}
	 */
	static byte[] take() {
		byte[] buffer = take(ARRAYS);
		return (buffer != null) ? buffer : new byte[SIZE];
	}

	/**
	 * Gives back an array lent by {@link #take()}; the caller must not use it afterwards.
	 * @param buffer the array
	 */
	static void release(byte[] buffer) {
		release(ARRAYS, buffer);
	}

	/**
	 * Lends an array of {@link #CHAR_SIZE} characters, holding anything: text copied into
	 * it in one go is read far faster than character by character from the text.
	 * @return the array, to be given back with {@link #release(char[])}
	 */
	static char[] takeChars() {
		char[] buffer = take(CHARS);
		return (buffer != null) ? buffer : new char[CHAR_SIZE];
	}

	/**
	 * Gives back an array lent by {@link #takeChars()}; the caller must not use it
	 * afterwards.
	 * @param buffer the array
	 */
	static void release(char[] buffer) {
		release(CHARS, buffer);
	}

	/**
	 * Lends an empty text.
	 * @return the text, to be given back with {@link #release(StringBuilder)}
	 */
	static StringBuilder takeText() {
		StringBuilder text = take(TEXTS);
		if (text == null) {
			return new StringBuilder(1024);
		}
		text.setLength(0);
		return text;
	}

	/**
	 * Gives back a text lent by {@link #takeText()}; the caller must not use it
	 * afterwards.
	 * @param text the text
	 */
	static void release(StringBuilder text) {
		if (text.capacity() <= MAX_KEPT_TEXT) {
			release(TEXTS, text);
		}
	}

	private static <T> T take(AtomicReferenceArray<T> pool) {
		int start = slot();
		for (int i = 0; i < SLOTS; i++) {
			T item = pool.getAndSet((start + i) % SLOTS, null);
			if (item != null) {
				return item;
			}
		}
		return null;
	}

	private static <T> void release(AtomicReferenceArray<T> pool, T item) {
		int start = slot();
		for (int i = 0; i < SLOTS; i++) {
			if (pool.compareAndSet((start + i) % SLOTS, null, item)) {
				return;
			}
		}
	}

	private static int slot() {
		return (int) (Thread.currentThread().getId() % SLOTS);
	}

}
