package org.ringfence.shifts.domain;

import java.util.Locale;

/**
 * How well a shift design's coverage (officers on duty each hour of the week) meets the officers
 * needed: officer-hours short and over, hours of the week short, the share of the evening (18:00-23:00)
 * and weekend (Saturday and Sunday) need that is covered, and whether a 16/7 minimum holds.
 * @param officerHoursShort sum over the week's hours of officers needed but not on duty
 * @param officerHoursOver sum over the week's hours of officers on duty beyond the need
 * @param hoursShort hours of the week with fewer officers on duty than needed
 * @param eveningCoveredPercent share of the officer-hours needed from 18:00 to 23:00 every day that are covered
 * @param weekendCoveredPercent share of the officer-hours needed on Saturday and Sunday that are covered
 * @param sixteenSevenMet whether every hour of the daily window has at least the minimum on duty
 * @param sixteenSevenHoursShort hours of the week inside the window below the minimum
 * @param officerHours officer-hours on duty in the week
 */
public record OptionFigures(int officerHoursShort, int officerHoursOver, int hoursShort, double eveningCoveredPercent,
		double weekendCoveredPercent, boolean sixteenSevenMet, int sixteenSevenHoursShort, int officerHours) {

	/** The evening: from 18:00 to 23:00. */
	public static final int EVENING_FROM = 18;

	public static final int EVENING_TO = 23;

	/**
	 * @param needed officers needed per hour of the week (168, Monday 00:00 first)
	 * @param onDuty officers on duty per hour of the week
	 * @param window the 16/7 window and its minimum
	 */
	public static OptionFigures of(int[] needed, int[] onDuty, SixteenSeven window) {
		if (needed.length != 168 || onDuty.length != 168) {
			throw new IllegalArgumentException("a week has 168 hours");
		}
		int shortHours = 0;
		int officerShort = 0;
		int officerOver = 0;
		int officerHours = 0;
		double eveningNeed = 0;
		double eveningMet = 0;
		double weekendNeed = 0;
		double weekendMet = 0;
		int windowShort = 0;
		for (int h = 0; h < 168; h++) {
			int need = needed[h];
			int have = onDuty[h];
			officerHours += have;
			if (have < need) {
				shortHours++;
				officerShort += need - have;
			}
			else {
				officerOver += have - need;
			}
			int hourOfDay = h % 24;
			if (hourOfDay >= EVENING_FROM && hourOfDay < EVENING_TO) {
				eveningNeed += need;
				eveningMet += Math.min(need, have);
			}
			if (h >= 5 * 24) {
				weekendNeed += need;
				weekendMet += Math.min(need, have);
			}
			if (window != null && window.covers(hourOfDay) && have < window.minimum()) {
				windowShort++;
			}
		}
		return new OptionFigures(officerShort, officerOver, shortHours, percent(eveningMet, eveningNeed),
				percent(weekendMet, weekendNeed), windowShort == 0, windowShort, officerHours);
	}

	private static double percent(double met, double need) {
		return need == 0 ? 100.0 : Math.round(met * 1000.0 / need) / 10.0;
	}

	/** A number as the page writes it: whole numbers without decimals, else up to two. */
	static String format(double value) {
		return value == Math.rint(value) ? Long.toString((long) value)
				: String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
	}

	/**
	 * The 16/7 rule: at least {@code minimum} officers on duty in every hour from {@code fromHour} to
	 * {@code toHour} (exclusive) every day; 16/7 is 07:00-23:00 with one officer.
	 */
	public record SixteenSeven(int fromHour, int toHour, int minimum) {

		public static final SixteenSeven DEFAULT = new SixteenSeven(7, 23, 1);

		public SixteenSeven {
			if (fromHour < 0 || toHour > 24 || fromHour >= toHour) {
				throw new IllegalArgumentException("the 16/7 window runs from an hour 0-23 to a later hour up to 24");
			}
			if (minimum < 0) {
				throw new IllegalArgumentException("the 16/7 minimum cannot be negative");
			}
		}

		public boolean covers(int hourOfDay) {
			return hourOfDay >= this.fromHour && hourOfDay < this.toHour;
		}

		/** The hard minimum per hour of the week (0 outside the window). */
		public int[] perHour() {
			int[] min = new int[168];
			for (int h = 0; h < 168; h++) {
				min[h] = covers(h % 24) ? this.minimum : 0;
			}
			return min;
		}

	}

}
