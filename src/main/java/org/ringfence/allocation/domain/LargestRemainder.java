package org.ringfence.allocation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Largest remainder (Hamilton; the Hare quota): each claimant gets the whole part of its quota, and
 * the seats left go one each to the largest fractional parts. With minimums and caps the quotas are
 * the bounded ones ({@link BoundedQuotas}), whose whole parts already keep every bound. Not house
 * monotone: one more seat in all can cost a claimant a seat (the Alabama paradox).
 */
final class LargestRemainder implements Apportionment {

	@Override
	public Method method() {
		return Method.HAMILTON;
	}

	@Override
	public Apportioned apportion(ApportionmentProblem problem) {
		problem.checkFeasible();
		int n = problem.size();
		double[] quotas = BoundedQuotas.of(problem);
		int[] seats = new int[n];
		int given = 0;
		for (int i = 0; i < n; i++) {
			seats[i] = Math.max(problem.minimum(i), Math.min(problem.cap(i), (int) Math.floor(quotas[i] + 1e-9)));
			given += seats[i];
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble((Integer i) -> -(quotas[i] - seats[i]))
			.thenComparing(i -> -problem.weight(i))
			.thenComparing(i -> i));
		int left = problem.total() - given;
		for (int k = 0; left > 0 && k < order.size(); k++) {
			int i = order.get(k);
			if (seats[i] < problem.cap(i) && problem.weight(i) > 0) {
				seats[i]++;
				left--;
			}
		}
		for (int k = 0; left < 0 && k < order.size(); k++) {
			// only reachable through rounding at a bound: take back from the smallest fractions
			int i = order.get(order.size() - 1 - k);
			if (seats[i] > problem.minimum(i)) {
				seats[i]--;
				left++;
			}
		}
		if (left != 0) {
			throw new IllegalStateException("largest remainder left " + left + " seats unplaced");
		}
		return new Apportioned(seats, BoundedQuotas.plain(problem), quotas, OptionalDouble.empty(), OptionalDouble.empty());
	}

}
