package org.ringfence.shifts.domain;

/**
 * How a demand profile becomes officers needed each hour of the week: the average week's demand in
 * the hour divided by the demand one officer can handle in an hour, rounded up, and never below a
 * minimum: {@code officers = max(minimum, ceil(demand per hour / demand per officer-hour))}.
 * @param demandPerOfficerHour weighted demand (calls) one officer can handle in an hour (above 0)
 * @param minimum officers needed in every hour, whatever the demand (0 or more)
 */
public record OfficersNeeded(double demandPerOfficerHour, int minimum) {

	/** Rounding slack: a value within this of a whole number counts as that number. */
	private static final double EPSILON = 1e-9;

	public OfficersNeeded {
		if (!(demandPerOfficerHour > 0) || Double.isInfinite(demandPerOfficerHour)) {
			throw new IllegalArgumentException("the demand one officer handles in an hour must be above 0");
		}
		if (minimum < 0) {
			throw new IllegalArgumentException("the minimum cannot be negative");
		}
	}

	/**
	 * The demand per officer-hour at which the busiest hour of the week needs {@code peakOfficers}
	 * (rounded up to three significant figures, so the busiest hour needs no more; 1 when there is no
	 * demand at all): the default when no rate is given, so that any cluster's need is on the scale of
	 * a neighbourhood team.
	 */
	public static double rateForPeak(double[] demandPerWeekHour, int peakOfficers) {
		if (peakOfficers < 1) {
			throw new IllegalArgumentException("the busiest hour needs at least one officer");
		}
		double max = java.util.Arrays.stream(demandPerWeekHour).max().orElse(0);
		if (!(max > 0)) {
			return 1.0;
		}
		return new java.math.BigDecimal(max / peakOfficers)
			.round(new java.math.MathContext(3, java.math.RoundingMode.CEILING))
			.doubleValue();
	}

	/** Officers needed in each hour of the average week (168 values, Monday 00:00 first). */
	public int[] perHour(double[] demandPerWeekHour) {
		if (demandPerWeekHour.length != 168) {
			throw new IllegalArgumentException("a week has 168 hours");
		}
		int[] needed = new int[168];
		for (int h = 0; h < 168; h++) {
			double officers = Math.max(0, demandPerWeekHour[h]) / this.demandPerOfficerHour;
			needed[h] = Math.max(this.minimum, (int) Math.ceil(officers - EPSILON));
		}
		return needed;
	}

	/** The rule in words, for the page. */
	public String describe() {
		return "officers needed in an hour = max(" + this.minimum + ", ceil(demand in that hour of an average week / "
				+ OptionFigures.format(this.demandPerOfficerHour) + "))";
	}

}
