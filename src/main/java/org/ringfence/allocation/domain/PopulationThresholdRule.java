package org.ringfence.allocation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The 2007 rule, for comparison: the enhanced "1-2-6" team went to every ward of more than 14,000
 * residents, whatever its demand. Given the same total, minimums and caps as a demand-based
 * allocation, the rule keeps every minimum and shares what is left equally among the wards over
 * the threshold (one each in turn, the most populous first, none beyond its cap); what no enhanced
 * ward can take is left unplaced and reported, as the rule had nowhere to put it.
 */
public final class PopulationThresholdRule {

	/** The population above which the 2007 model enhanced a ward's team. */
	public static final int THRESHOLD_2007 = 14_000;

	private PopulationThresholdRule() {
	}

	/**
	 * @param seats each ward's officers under the rule
	 * @param enhanced how many wards are over the threshold
	 * @param unplaced officers of the total the rule could not place
	 */
	public record Result(int[] seats, int enhanced, int unplaced) {

		public Result {
			seats = seats.clone();
		}

		@Override
		public int[] seats() {
			return this.seats.clone();
		}

		public int seats(int i) {
			return this.seats[i];
		}

	}

	/**
	 * @param populations each ward's residents (negative when unknown: never enhanced)
	 * @param total the officers to place, at least the sum of the minimums
	 */
	public static Result apply(int[] populations, int total, int[] minimums, int[] caps, int threshold) {
		int n = populations.length;
		int[] seats = minimums.clone();
		long left = total;
		for (int minimum : minimums) {
			left -= minimum;
		}
		if (left < 0) {
			throw new ApportionmentInfeasible("minimums-exceed-total",
					"The minimums add up to more than the total of " + total + ".");
		}
		List<Integer> enhanced = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (populations[i] > threshold) {
				enhanced.add(i);
			}
		}
		enhanced.sort(Comparator.comparingInt((Integer i) -> -populations[i]).thenComparing(i -> i));
		boolean placed = true;
		while (left > 0 && placed) {
			placed = false;
			for (int i : enhanced) {
				if (left > 0 && seats[i] < caps[i]) {
					seats[i]++;
					left--;
					placed = true;
				}
			}
		}
		return new Result(seats, enhanced.size(), (int) left);
	}

}
