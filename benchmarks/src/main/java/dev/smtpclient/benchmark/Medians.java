package dev.smtpclient.benchmark;

import java.util.Arrays;

/**
 * The median of a contender's rounds: one slow round on a shared machine moves it less
 * than it moves the mean.
 */
final class Medians {

	private Medians() {
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
