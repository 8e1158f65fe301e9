package org.ringfence.protocol;

import java.util.Collection;

/**
 * "No ward is disproportionately affected by abstraction": each ward's share of its duty time
 * taken by abstraction and flex over a rolling window, compared with the mean of its borough's
 * wards. A ward whose share exceeds {@code maxToMean} times the mean is over the threshold.
 * @param windowDays the days before a flex starts that the window covers (the flex itself is added)
 * @param maxToMean the threshold, as a multiple of the borough mean
 */
public record FairnessRule(int windowDays, double maxToMean) {

	public FairnessRule {
		if (windowDays < 1 || !(maxToMean >= 1.0)) {
			throw new IllegalArgumentException("A fairness window lasts at least a day and its threshold is at least the mean");
		}
	}

	/** Whether a share is over the threshold for a borough mean (never when the mean is 0 and so is the share). */
	public boolean over(double share, double mean) {
		if (mean <= 0) {
			return share > 0;
		}
		return share > this.maxToMean * mean;
	}

	/** The mean of the shares (0 for none). */
	public static double mean(Collection<Double> shares) {
		return shares.stream().mapToDouble(Double::doubleValue).average().orElse(0);
	}

	/** The largest share over the mean (1 when all are equal, 0 for none or all zero). */
	public static double maxToMean(Collection<Double> shares) {
		double mean = mean(shares);
		return mean <= 0 ? 0 : shares.stream().mapToDouble(Double::doubleValue).max().orElse(0) / mean;
	}

	/** The Gini coefficient of the shares: 0 when all are equal, towards 1 when one ward carries all. */
	public static double gini(Collection<Double> shares) {
		double[] values = shares.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int n = values.length;
		double sum = 0;
		double weighted = 0;
		for (int i = 0; i < n; i++) {
			sum += values[i];
			weighted += (i + 1) * values[i];
		}
		if (n == 0 || sum <= 0) {
			return 0;
		}
		return (2 * weighted) / (n * sum) - (n + 1.0) / n;
	}

}
