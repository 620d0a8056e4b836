package dev.migrate.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians, ranges and the interval a median lies in, of a few measurements. */
final class Statistics {

	private Statistics() {
	}

	static double median(List<Double> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/**
	 * An interval that holds the median of the distribution the values were drawn from with at
	 * least 95 % confidence, from the values' order statistics alone (no assumption about the
	 * distribution): the k-th smallest and the k-th largest value, with k the largest rank such
	 * that fewer than k of n fair coin flips come up heads with probability at most 2.5 %.
	 * @param values the values
	 * @return the lower and upper bound, or {@code null} with fewer than 6 values (no such
	 * interval exists)
	 */
	static double[] medianInterval(List<Double> values) {
		int n = values.size();
		int k = 0;
		double below = 0;
		double probability = Math.pow(0.5, n);
		// below = P(heads < k + 1), growing k while it stays within 2.5 %
		while (k < n / 2) {
			below += probability;
			if (below > 0.025) {
				break;
			}
			probability = probability * (n - k) / (k + 1);
			k++;
		}
		if (k == 0) {
			return null;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return new double[] { sorted.get(k - 1), sorted.get(n - k) };
	}

	static double min(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}

	static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

}
