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
