package org.ringfence.allocation.domain;

/**
 * Exact shares of a total when claimants have minimums and caps: find the factor λ for which
 * Σ clamp(λ·weight, minimum, cap) equals the total (the sum grows with λ, piecewise linearly), so a
 * claimant whose proportional share is below its minimum or above its cap is held there and the
 * others share the rest in proportion to weight. Without bounds this is total x weight / all weight.
 */
final class BoundedQuotas {

	private BoundedQuotas() {
	}

	/** Plain quotas: total x weight / all weight (all zero when there is no weight). */
	static double[] plain(ApportionmentProblem problem) {
		double all = problem.totalWeight();
		double[] quotas = new double[problem.size()];
		for (int i = 0; i < quotas.length; i++) {
			quotas[i] = all == 0 ? 0 : problem.total() * problem.weight(i) / all;
		}
		return quotas;
	}

	/** The problem must be feasible ({@link ApportionmentProblem#checkFeasible()}). */
	static double[] of(ApportionmentProblem problem) {
		int n = problem.size();
		double low = 0;
		double high = 1;
		double all = problem.totalWeight();
		if (all > 0) {
			high = Math.max(1, problem.total() / all);
		}
		int guard = 0;
		while (sum(problem, high) < problem.total() && guard++ < 2000) {
			high *= 2;
		}
		for (int i = 0; i < 200 && high - low > high * 1e-15; i++) {
			double mid = (low + high) / 2;
			if (sum(problem, mid) < problem.total()) {
				low = mid;
			}
			else {
				high = mid;
			}
		}
		// exact: those strictly between their bounds at λ share exactly what the bound ones leave
		double lambda = high;
		double bound = 0;
		double freeWeight = 0;
		boolean[] free = new boolean[n];
		for (int i = 0; i < n; i++) {
			double share = lambda * problem.weight(i);
			if (problem.weight(i) > 0 && share > problem.minimum(i) && share < problem.cap(i)) {
				free[i] = true;
				freeWeight += problem.weight(i);
			}
			else {
				bound += clamp(share, problem.minimum(i), problem.cap(i));
			}
		}
		double[] quotas = new double[n];
		double exact = freeWeight > 0 ? (problem.total() - bound) / freeWeight : lambda;
		for (int i = 0; i < n; i++) {
			quotas[i] = free[i] ? exact * problem.weight(i) : clamp(lambda * problem.weight(i), problem.minimum(i),
					problem.cap(i));
		}
		return quotas;
	}

	private static double sum(ApportionmentProblem problem, double lambda) {
		double sum = 0;
		for (int i = 0; i < problem.size(); i++) {
			sum += clamp(lambda * problem.weight(i), problem.minimum(i), problem.cap(i));
		}
		return sum;
	}

	private static double clamp(double value, int minimum, int cap) {
		return Math.max(minimum, Math.min(cap, value));
	}

}
