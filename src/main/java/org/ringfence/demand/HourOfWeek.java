package org.ringfence.demand;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A place's demand by hour of the week over a period: 168 weighted values, Monday 00:00-01:00 first,
 * London local time (the timed records only: CAD calls, each weighted by its category; records known
 * only by their month have no hour and are not in it).
 * @param from first day of the period (inclusive)
 * @param to last day of the period (inclusive)
 * @param defaulted whether the period was chosen by default (the twelve months up to the last month
 *     holding records) rather than given
 */
public record HourOfWeek(LocalDate from, LocalDate to, boolean defaulted, double[] values) {

	public HourOfWeek {
		if (values == null || values.length != 168) {
			throw new IllegalArgumentException("an hour-of-week profile has 168 values");
		}
		values = values.clone();
	}

	@Override
	public double[] values() {
		return this.values.clone();
	}

	/** The sum of the 168 values. */
	public double total() {
		return Arrays.stream(this.values).sum();
	}

	/** The number of weeks in the period (days / 7), to turn totals into an average week. */
	public double weeks() {
		return (this.to.toEpochDay() - this.from.toEpochDay() + 1) / 7.0;
	}

	/** The average week: each value divided by the period's weeks. */
	public double[] perWeek() {
		double weeks = weeks();
		return Arrays.stream(this.values).map(v -> v / weeks).toArray();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof HourOfWeek h && h.from.equals(this.from) && h.to.equals(this.to)
				&& h.defaulted == this.defaulted && Arrays.equals(h.values, this.values);
	}

	@Override
	public int hashCode() {
		return this.from.hashCode() * 31 + Arrays.hashCode(this.values);
	}

	@Override
	public String toString() {
		return "HourOfWeek[" + this.from + ".." + this.to + (this.defaulted ? " (default)" : "") + ", total " + total() + "]";
	}

}
