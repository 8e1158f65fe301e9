package org.ringfence.shifts.domain;

import java.util.Arrays;

/**
 * A shift template of the format: a nominal start (minute of day) that may move {@code startPlus}
 * minutes later or {@code startMinus} minutes earlier, a nominal length that may grow by
 * {@code lengthPlus} or shrink by {@code lengthMinus}, and the days of the cycle it may be used on.
 */
public record ShiftTemplate(String abbreviation, String name, int startMinute, int startPlus, int startMinus,
		int lengthMinutes, int lengthPlus, int lengthMinus, boolean[] availableDays) {

	public ShiftTemplate {
		availableDays = availableDays.clone();
	}

	/** The earliest start, minutes relative to the day's midnight (may be negative: the previous evening). */
	public int earliestStart() {
		return this.startMinute - this.startMinus;
	}

	public int latestStart() {
		return this.startMinute + this.startPlus;
	}

	public int shortest() {
		return this.lengthMinutes - this.lengthMinus;
	}

	public int longest() {
		return this.lengthMinutes + this.lengthPlus;
	}

	public boolean availableOn(int day) {
		return this.availableDays[day];
	}

	@Override
	public boolean[] availableDays() {
		return this.availableDays.clone();
	}

	/** Whether a shift starting at this minute of the day (0..1439) and lasting this long fits the template. */
	public boolean admits(int startOfDay, int length) {
		if (length < shortest() || length > longest()) {
			return false;
		}
		for (int shift = -1440; shift <= 1440; shift += 1440) {
			int s = startOfDay + shift;
			if (s >= earliestStart() && s <= latestStart()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ShiftTemplate t && t.abbreviation.equals(this.abbreviation) && t.name.equals(this.name)
				&& t.startMinute == this.startMinute && t.startPlus == this.startPlus
				&& t.startMinus == this.startMinus && t.lengthMinutes == this.lengthMinutes
				&& t.lengthPlus == this.lengthPlus && t.lengthMinus == this.lengthMinus
				&& Arrays.equals(t.availableDays, this.availableDays);
	}

	@Override
	public int hashCode() {
		return this.abbreviation.hashCode() * 31 + this.startMinute * 7 + this.lengthMinutes;
	}

	@Override
	public String toString() {
		return this.abbreviation + " " + MsdTimes.format(this.startMinute) + " +" + this.startPlus + "/-"
				+ this.startMinus + " " + this.lengthMinutes + " +" + this.lengthPlus + "/-" + this.lengthMinus;
	}

}
