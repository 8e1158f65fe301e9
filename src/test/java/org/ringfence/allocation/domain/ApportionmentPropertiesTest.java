package org.ringfence.allocation.domain;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ringfence.allocation.domain.Apportionment.Method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Properties every method must keep, over seeded random problems (plain loops, reproducible: the
 * seed and case are in every message).
 */
class ApportionmentPropertiesTest {

	static final int CASES = 400;

	/** A random feasible problem: 1-40 claimants, some with no weight, minimums, caps. */
	static ApportionmentProblem randomProblem(Random random) {
		int n = 1 + random.nextInt(40);
		double[] weights = new double[n];
		int[] minimums = new int[n];
		int[] caps = new int[n];
		long minimumSum = 0;
		long capSum = 0;
		for (int i = 0; i < n; i++) {
			weights[i] = random.nextInt(8) == 0 ? 0 : Math.round(random.nextDouble() * 10_000) / 10.0 + 0.1;
			minimums[i] = random.nextInt(4);
			caps[i] = random.nextInt(3) == 0 ? ApportionmentProblem.NO_CAP : minimums[i] + random.nextInt(12);
			minimumSum += minimums[i];
		}
		for (int i = 0; i < n; i++) {
			capSum += weights[i] == 0 ? minimums[i] : caps[i] == ApportionmentProblem.NO_CAP ? 1000 : caps[i];
		}
		boolean anyFree = false;
		for (int i = 0; i < n; i++) {
			anyFree |= weights[i] > 0 && caps[i] > minimums[i];
		}
		long max = anyFree ? Math.min(capSum, minimumSum + 200) : minimumSum;
		int total = (int) (minimumSum + (max > minimumSum ? random.nextLong(max - minimumSum + 1) : 0));
		return new ApportionmentProblem(weights, total, minimums, caps);
	}

	@Test
	void everyMethodSumsToTheTotalAndKeepsEveryMinimumAndCap() {
		Random random = new Random(20_260_101);
		for (int c = 0; c < CASES; c++) {
			ApportionmentProblem problem = randomProblem(random);
			for (Method method : Method.values()) {
				Apportioned result = method.implementation().apportion(problem);
				String where = method + " case " + c + " " + problem;
				assertThat(result.total()).as(where).isEqualTo(problem.total());
				for (int i = 0; i < problem.size(); i++) {
					assertThat(result.seats(i)).as(where + " claimant " + i).isBetween(problem.minimum(i), problem.cap(i));
				}
				assertThat(Arrays.stream(result.boundedQuotas()).sum()).as(where)
					.isCloseTo(problem.total(), org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, problem.total())));
			}
		}
	}

	@Test
	void largestRemainderStaysWithinOneOfTheBoundedQuota() {
		Random random = new Random(7);
		for (int c = 0; c < CASES; c++) {
			ApportionmentProblem problem = randomProblem(random);
			Apportioned result = Method.HAMILTON.implementation().apportion(problem);
			for (int i = 0; i < problem.size(); i++) {
				double quota = result.boundedQuota(i);
				assertThat((double) result.seats(i)).as("case " + c + " claimant " + i)
					.isBetween(Math.floor(quota - 1e-9), Math.ceil(quota + 1e-9));
			}
		}
	}

	@Test
	void aClaimantWithMoreWeightAndTheSameBoundsNeverGetsFewerSeats() {
		Random random = new Random(11);
		for (int c = 0; c < CASES; c++) {
			int n = 2 + random.nextInt(30);
			double[] weights = random.doubles(n, 0, 1000).toArray();
			int total = random.nextInt(3 * n + 1);
			ApportionmentProblem problem = ApportionmentProblem.withBounds(weights, total, random.nextInt(2),
					ApportionmentProblem.NO_CAP);
			if (problem.minimums()[0] * n > total) {
				continue;
			}
			for (Method method : Method.values()) {
				int[] seats = method.implementation().apportion(problem).seats();
				for (int i = 0; i < n; i++) {
					for (int j = 0; j < n; j++) {
						if (weights[i] > weights[j]) {
							assertThat(seats[i]).as(method + " case " + c).isGreaterThanOrEqualTo(seats[j]);
						}
					}
				}
			}
		}
	}

	@Test
	void divisorMethodsAreHouseMonotoneEvenWithBounds() {
		Random random = new Random(3);
		for (int c = 0; c < CASES; c++) {
			ApportionmentProblem problem = randomProblem(random);
			ApportionmentProblem bigger = new ApportionmentProblem(problem.weights(), problem.total() + 1, problem.minimums(),
					problem.caps());
			try {
				bigger.checkFeasible();
			}
			catch (ApportionmentInfeasible ex) {
				continue;
			}
			for (Method method : new Method[] { Method.DHONDT, Method.SAINTE_LAGUE, Method.HUNTINGTON_HILL }) {
				int[] before = method.implementation().apportion(problem).seats();
				int[] after = method.implementation().apportion(bigger).seats();
				for (int i = 0; i < before.length; i++) {
					assertThat(after[i]).as(method + " case " + c + " claimant " + i).isGreaterThanOrEqualTo(before[i]);
				}
			}
		}
	}

	@Test
	void withoutBoundsDHondtKeepsLowerQuotaAndWebsterIsWithinOneOfQuota() {
		Random random = new Random(5);
		for (int c = 0; c < CASES; c++) {
			int n = 2 + random.nextInt(20);
			double[] weights = random.doubles(n, 1, 1000).toArray();
			int total = 1 + random.nextInt(200);
			ApportionmentProblem problem = ApportionmentProblem.of(weights, total);
			Apportioned dhondt = Method.DHONDT.implementation().apportion(problem);
			for (int i = 0; i < n; i++) {
				assertThat((double) dhondt.seats(i)).as("D'Hondt case " + c).isGreaterThanOrEqualTo(Math.floor(dhondt.quota(i) + 1e-9));
			}
			Apportioned webster = Method.SAINTE_LAGUE.implementation().apportion(problem);
			for (int i = 0; i < n; i++) {
				assertThat(Math.abs(webster.seats(i) - webster.quota(i))).as("Webster case " + c).isLessThan(n);
			}
		}
	}

	@Test
	void infeasibleRandomProblemsAreAlwaysRefusedNeverMisallocated() {
		Random random = new Random(13);
		for (int c = 0; c < CASES; c++) {
			ApportionmentProblem feasible = randomProblem(random);
			long minimumSum = Arrays.stream(feasible.minimums()).asLongStream().sum();
			if (minimumSum == 0) {
				continue;
			}
			ApportionmentProblem tooFew = new ApportionmentProblem(feasible.weights(), (int) minimumSum - 1,
					feasible.minimums(), feasible.caps());
			for (Method method : Method.values()) {
				assertThatThrownBy(() -> method.implementation().apportion(tooFew)).as(method + " case " + c)
					.isInstanceOf(ApportionmentInfeasible.class);
			}
		}
	}

}
