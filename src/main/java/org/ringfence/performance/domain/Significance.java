package org.ringfence.performance.domain;

import java.util.Objects;

/**
 * The pooled two-proportion z-test for a change between two survey results, with the rule that
 * says when a sample cannot support a test. Plain Java; p-values are two-sided and equal those of
 * R's {@code prop.test(x, n, correct = FALSE)} (whose X-squared is z squared).
 *
 * <p>The sample rule: a change is tested only when, in each of the two samples, both the positive
 * and the negative answers number at least {@code minCount} (n·p ≥ minCount and n·(1−p) ≥
 * minCount; 10 by default, a common rule for the normal approximation). Otherwise the comparison
 * is reported as "sample too small" and never flagged, whatever the difference.
 */
public final class Significance {

	private final double confidence;

	private final int minCount;

	/**
	 * @param confidence the confidence level, e.g. 0.95 (a change is flagged when p &lt; 1 − confidence)
	 * @param minCount the least number of positive and of negative answers each sample must hold
	 */
	public Significance(double confidence, int minCount) {
		if (!(confidence > 0.5 && confidence < 1)) {
			throw new IllegalArgumentException("The confidence level must be between 0.5 and 1, e.g. 0.95.");
		}
		if (minCount < 0) {
			throw new IllegalArgumentException("The minimum count cannot be negative.");
		}
		this.confidence = confidence;
		this.minCount = minCount;
	}

	public double confidence() {
		return this.confidence;
	}

	public int minCount() {
		return this.minCount;
	}

	/** One proportion: positives out of a sample. */
	public record Sample(long positives, long size) {

		public Sample {
			if (size <= 0 || positives < 0 || positives > size) {
				throw new IllegalArgumentException("A sample needs 0 <= positives <= size and size > 0.");
			}
		}

		public double proportion() {
			return (double) this.positives / this.size;
		}

		/** A sample from a proportion (0..1) and a size: positives rounded to the nearest whole answer. */
		public static Sample of(double proportion, long size) {
			return new Sample(Math.round(proportion * size), size);
		}

	}

	/**
	 * The verdict on a change from {@code before} to {@code after}.
	 * @param change after − before, in proportion points (0.1 = 10 percentage points)
	 * @param z the z statistic (after − before) / SE, NaN when not tested
	 * @param pValue two-sided p-value, NaN when not tested
	 * @param tested whether the samples support a test
	 * @param significant tested and p &lt; 1 − confidence
	 * @param reason why it was not tested, or an empty string
	 */
	public record Comparison(double before, long beforeSize, double after, long afterSize, double change, double z,
			double pValue, boolean tested, boolean significant, String reason) {

		/** "up", "down" or "" for a significant change. */
		public String direction() {
			return !this.significant ? "" : this.change > 0 ? "up" : "down";
		}

	}

	public Comparison compare(Sample before, Sample after) {
		Objects.requireNonNull(before, "before");
		Objects.requireNonNull(after, "after");
		double p1 = before.proportion();
		double p2 = after.proportion();
		double change = p2 - p1;
		String reason = supportReason(before, "earlier");
		if (reason.isEmpty()) {
			reason = supportReason(after, "later");
		}
		if (!reason.isEmpty()) {
			return new Comparison(p1, before.size(), p2, after.size(), change, Double.NaN, Double.NaN, false, false, reason);
		}
		double z = z(before, after);
		double p = twoSidedP(z);
		return new Comparison(p1, before.size(), p2, after.size(), change, z, p, true, p < 1 - this.confidence, "");
	}

	private String supportReason(Sample sample, String which) {
		long negatives = sample.size() - sample.positives();
		if (sample.positives() < this.minCount || negatives < this.minCount) {
			return "sample too small: the " + which + " sample has " + sample.positives() + " positive and " + negatives
					+ " negative answers (each must be at least " + this.minCount + ")";
		}
		return "";
	}

	/** The pooled z statistic; 0 when both samples are all positive or all negative. */
	public static double z(Sample before, Sample after) {
		double n1 = before.size();
		double n2 = after.size();
		double pooled = (before.positives() + after.positives()) / (n1 + n2);
		double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
		if (variance == 0) {
			return 0;
		}
		return (after.proportion() - before.proportion()) / Math.sqrt(variance);
	}

	/** Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|) = erfc(|z| / √2). */
	public static double twoSidedP(double z) {
		return erfc(Math.abs(z) / Math.sqrt(2));
	}

	/** The standard normal cumulative distribution function Φ(x) = erfc(−x / √2) / 2. */
	public static double normalCdf(double x) {
		return 0.5 * erfc(-x / Math.sqrt(2));
	}

	/**
	 * The complementary error function to about 1e-15 relative accuracy: for x &lt; 0, 2 − erfc(−x);
	 * for 0 ≤ x &lt; 1, 1 − erf(x) with erf from its series of positive terms, erf(x) = 2/√π ·
	 * e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)); for x ≥ 1, the continued fraction e^(−x²)/√π ·
	 * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) evaluated by Lentz's method.
	 */
	public static double erfc(double x) {
		if (Double.isNaN(x)) {
			return Double.NaN;
		}
		if (x < 0) {
			return 2 - erfc(-x);
		}
		if (x < 1) {
			double term = x;
			double sum = x;
			double x2 = x * x;
			for (int n = 1; n < 200; n++) {
				term *= 2 * x2 / (2 * n + 1);
				sum += term;
				if (term < sum * 1e-17) {
					break;
				}
			}
			double erf = 2 / Math.sqrt(Math.PI) * Math.exp(-x2) * sum;
			return 1 - erf;
		}
		if (x > 27) {
			return 0;
		}
		// Lentz: f = b0 + a1/(b1 + a2/(b2 + ...)) with b = x, a_k = k/2
		double tiny = 1e-300;
		double f = x;
		double c = x;
		double d = 0;
		for (int k = 1; k < 20_000; k++) {
			double a = k / 2.0;
			d = x + a * d;
			d = d == 0 ? tiny : d;
			c = x + a / c;
			c = c == 0 ? tiny : c;
			d = 1 / d;
			double delta = c * d;
			f *= delta;
			if (Math.abs(delta - 1) < 1e-16) {
				break;
			}
		}
		return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
	}

}
