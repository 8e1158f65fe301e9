package org.ringfence.allocation.domain;

import java.util.Arrays;

/**
 * What to share out: a whole number of seats (officers) among claimants (wards, states, parties) in
 * proportion to their weights (demand, population, votes), each claimant getting at least its
 * minimum and at most its cap. Arrays are indexed by claimant; ties between claimants go to the
 * larger weight, then to the earlier index, so callers order claimants to decide ties.
 * @param weights each claimant's weight, finite and not negative
 * @param total the seats to share out
 * @param minimums each claimant's least number of seats (0 for none)
 * @param caps each claimant's most seats ({@link #NO_CAP} for none)
 */
public record ApportionmentProblem(double[] weights, int total, int[] minimums, int[] caps) {

	/** The cap of a claimant without one. */
	public static final int NO_CAP = Integer.MAX_VALUE;

	public ApportionmentProblem {
		if (weights.length != minimums.length || weights.length != caps.length) {
			throw new IllegalArgumentException("weights, minimums and caps must have one entry per claimant");
		}
		for (int i = 0; i < weights.length; i++) {
			if (!Double.isFinite(weights[i]) || weights[i] < 0) {
				throw new IllegalArgumentException("weight " + i + " must be finite and not negative: " + weights[i]);
			}
			if (minimums[i] < 0) {
				throw new IllegalArgumentException("minimum " + i + " is negative");
			}
		}
		if (total < 0) {
			throw new IllegalArgumentException("the total must not be negative");
		}
		weights = weights.clone();
		minimums = minimums.clone();
		caps = caps.clone();
	}

	/** No minimum, no cap. */
	public static ApportionmentProblem of(double[] weights, int total) {
		return withBounds(weights, total, 0, NO_CAP);
	}

	/** The same minimum and cap for every claimant. */
	public static ApportionmentProblem withBounds(double[] weights, int total, int minimum, int cap) {
		int[] minimums = new int[weights.length];
		int[] caps = new int[weights.length];
		Arrays.fill(minimums, minimum);
		Arrays.fill(caps, cap);
		return new ApportionmentProblem(weights, total, minimums, caps);
	}

	public int size() {
		return this.weights.length;
	}

	@Override
	public double[] weights() {
		return this.weights.clone();
	}

	@Override
	public int[] minimums() {
		return this.minimums.clone();
	}

	@Override
	public int[] caps() {
		return this.caps.clone();
	}

	double weight(int i) {
		return this.weights[i];
	}

	int minimum(int i) {
		return this.minimums[i];
	}

	int cap(int i) {
		return this.caps[i];
	}

	double totalWeight() {
		double sum = 0;
		for (double w : this.weights) {
			sum += w;
		}
		return sum;
	}

	/**
	 * Refuses a problem no apportionment can meet, naming the constraint: a cap below a minimum, more
	 * seats needed for the minimums than the total, fewer allowed by the caps, or seats beyond the
	 * minimums with no weight to share them by.
	 */
	void checkFeasible() {
		long minimumSum = 0;
		long capSum = 0;
		long reachable = 0;
		for (int i = 0; i < size(); i++) {
			if (this.caps[i] < this.minimums[i]) {
				throw new ApportionmentInfeasible("cap-below-minimum", "Claimant " + (i + 1) + " has a cap of "
						+ this.caps[i] + ", below its minimum of " + this.minimums[i] + ".");
			}
			minimumSum += this.minimums[i];
			long cap = this.caps[i] == NO_CAP ? UNBOUNDED : this.caps[i];
			capSum = Math.min(UNBOUNDED, capSum + cap);
			reachable = Math.min(UNBOUNDED, reachable + (this.weights[i] > 0 ? cap : this.minimums[i]));
		}
		if (minimumSum > this.total) {
			throw new ApportionmentInfeasible("minimums-exceed-total",
					"The minimums add up to " + minimumSum + ", more than the total of " + this.total + ".");
		}
		if (capSum < this.total) {
			throw new ApportionmentInfeasible("caps-below-total",
					"The caps allow at most " + capSum + " in all, fewer than the total of " + this.total + ".");
		}
		if (reachable < this.total) {
			throw new ApportionmentInfeasible("no-weight", "Only " + reachable + " of the " + this.total
					+ " can be placed: a claimant with a weight of 0 gets no more than its minimum, and the others "
					+ "reach their caps.");
		}
	}

	private static final long UNBOUNDED = Long.MAX_VALUE / 4;

	@Override
	public boolean equals(Object other) {
		return other instanceof ApportionmentProblem p && Arrays.equals(this.weights, p.weights) && this.total == p.total
				&& Arrays.equals(this.minimums, p.minimums) && Arrays.equals(this.caps, p.caps);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.weights) * 31 + this.total;
	}

	@Override
	public String toString() {
		return "ApportionmentProblem[total=" + this.total + ", weights=" + Arrays.toString(this.weights) + "]";
	}

}
