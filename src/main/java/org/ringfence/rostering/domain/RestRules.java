package org.ringfence.rostering.domain;

import java.util.Set;

/**
 * The Police Regulations' rest rules as a roster applies them, on a rotating cycle (the roster's
 * last day is followed by its first): at least 11 hours between tours; no more than 7 days between
 * rest days, read as at most 6 consecutive working days; two rest days a week on average over the
 * cycle (at most 5 working days a week). A working day is a roster day with a tour starting on it.
 */
public final class RestRules {

	/** Minimum rest between the end of one tour and the start of the next. */
	public static final int MIN_REST_MINUTES = 11 * 60;

	/** At most this many consecutive working days (a rest day at least every 7th day). */
	public static final int MAX_CONSECUTIVE_DAYS = 6;

	/** Working days a week on average, leaving two rest days. */
	public static final int WORKING_DAYS_PER_WEEK = 5;

	private RestRules() {
	}

	/**
	 * How many minutes short of 11 hours' rest two tours of the same officer leave between them, in
	 * either order, on a cycle of cycleMinutes (0 when the rest is kept). Two tours starting at the
	 * same time overlap: they are short by the first's length plus 11 hours.
	 */
	public static int restShortfall(int startA, int lengthA, int startB, int lengthB, int cycleMinutes) {
		int d = Math.floorMod(startB - startA, cycleMinutes);
		if (d == 0) {
			return lengthA + MIN_REST_MINUTES;
		}
		int afterA = d - lengthA; // from the end of A to the start of B
		int afterB = (cycleMinutes - d) - lengthB; // from the end of B to the start of A (round the cycle)
		return Math.max(Math.max(0, MIN_REST_MINUTES - afterA), Math.max(0, MIN_REST_MINUTES - afterB));
	}

	/**
	 * Working days beyond the 6th in a row, summed over every run of consecutive working days on a
	 * cycle of cycleDays (a run may wrap from the last day to the first).
	 */
	public static int excessConsecutiveDays(Set<Integer> workingDays, int cycleDays) {
		if (workingDays.isEmpty()) {
			return 0;
		}
		if (workingDays.size() >= cycleDays) {
			return cycleDays - MAX_CONSECUTIVE_DAYS;
		}
		int firstRest = 0;
		while (workingDays.contains(firstRest)) {
			firstRest++;
		}
		int excess = 0;
		int run = 0;
		for (int i = 1; i <= cycleDays; i++) {
			int day = (firstRest + i) % cycleDays;
			if (workingDays.contains(day)) {
				run++;
			}
			else {
				excess += Math.max(0, run - MAX_CONSECUTIVE_DAYS);
				run = 0;
			}
		}
		return excess + Math.max(0, run - MAX_CONSECUTIVE_DAYS);
	}

	/** Working days beyond five a week on average over a cycle of weeks. */
	public static int excessWorkingDays(int workingDays, int weeks) {
		return Math.max(0, workingDays - WORKING_DAYS_PER_WEEK * weeks);
	}

}
