package org.ringfence.allocation.domain;

import java.util.OptionalDouble;
import java.util.PriorityQueue;

/**
 * The highest averages (divisor) methods, as the US Census Bureau computes Huntington-Hill: every
 * claimant starts at its minimum, and each further seat goes to the claimant with the highest
 * priority value weight / d(seats held), skipping claimants at their cap. d(n) is n + 1 for
 * D'Hondt, n + ½ for Sainte-Laguë and √(n(n+1)) for Huntington-Hill (0 at n = 0: a claimant with no
 * seat and some weight comes first). Starting from the minimums this gives the bounded divisor
 * method's result: one divisor, each claimant's rounded quotient clamped to its bounds. House
 * monotone: one more seat in all never costs anyone a seat. Ties go to the larger weight, then the
 * earlier claimant. A claimant without weight stays at its minimum.
 */
enum DivisorMethod implements Apportionment {

	DHONDT(Method.DHONDT) {
		@Override
		double divisor(int seats) {
			return seats + 1.0;
		}
	},
	SAINTE_LAGUE(Method.SAINTE_LAGUE) {
		@Override
		double divisor(int seats) {
			return seats + 0.5;
		}
	},
	HUNTINGTON_HILL(Method.HUNTINGTON_HILL) {
		@Override
		double divisor(int seats) {
			return Math.sqrt((double) seats * (seats + 1));
		}
	};

	private final Method method;

	DivisorMethod(Method method) {
		this.method = method;
	}

	/** The divisor for a claimant's next seat when it holds this many. */
	abstract double divisor(int seats);

	/** weight / d(seats): infinite when the divisor is 0 and there is weight; 0 without weight. */
	double priority(double weight, int seats) {
		if (weight == 0) {
			return 0;
		}
		double d = divisor(seats);
		return d == 0 ? Double.POSITIVE_INFINITY : weight / d;
	}

	@Override
	public Method method() {
		return this.method;
	}

	@Override
	public Apportioned apportion(ApportionmentProblem problem) {
		problem.checkFeasible();
		int n = problem.size();
		int[] seats = new int[n];
		int given = 0;
		for (int i = 0; i < n; i++) {
			seats[i] = problem.minimum(i);
			given += seats[i];
		}
		PriorityQueue<Integer> queue = new PriorityQueue<>(Math.max(1, n), (a, b) -> {
			int byPriority = Double.compare(priority(problem.weight(b), seats[b]), priority(problem.weight(a), seats[a]));
			if (byPriority != 0) {
				return byPriority;
			}
			int byWeight = Double.compare(problem.weight(b), problem.weight(a));
			return byWeight != 0 ? byWeight : Integer.compare(a, b);
		});
		for (int i = 0; i < n; i++) {
			if (seats[i] < problem.cap(i) && problem.weight(i) > 0) {
				queue.add(i);
			}
		}
		double last = Double.NaN;
		while (given < problem.total()) {
			Integer next = queue.poll();
			if (next == null) {
				throw new IllegalStateException("no claimant can take another seat");
			}
			last = priority(problem.weight(next), seats[next]);
			seats[next]++;
			given++;
			if (seats[next] < problem.cap(next)) {
				queue.add(next);
			}
		}
		Integer after = queue.peek();
		OptionalDouble nextPriority = after == null ? OptionalDouble.empty()
				: OptionalDouble.of(priority(problem.weight(after), seats[after]));
		return new Apportioned(seats, BoundedQuotas.plain(problem), BoundedQuotas.of(problem),
				Double.isNaN(last) ? OptionalDouble.empty() : OptionalDouble.of(last), nextPriority);
	}

}
