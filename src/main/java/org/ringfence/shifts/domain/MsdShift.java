package org.ringfence.shifts.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * One shift of a solution: start (minute of day, 0..1439), length in minutes, and how many workers
 * start it on each day of the cycle (day 0 = the cycle's first day, Monday in a weekly cycle).
 */
public record MsdShift(int startMinute, int lengthMinutes, int[] workersPerDay) {

	public MsdShift {
		if (startMinute < 0 || startMinute >= 1440) {
			throw new IllegalArgumentException("a shift starts between 00:00 and 23:59");
		}
		if (lengthMinutes <= 0) {
			throw new IllegalArgumentException("a shift lasts at least a minute");
		}
		workersPerDay = workersPerDay.clone();
		for (int w : workersPerDay) {
			if (w < 0) {
				throw new IllegalArgumentException("workers per day cannot be negative");
			}
		}
	}

	@Override
	public int[] workersPerDay() {
		return this.workersPerDay.clone();
	}

	public int workersOn(int day) {
		return this.workersPerDay[day];
	}

	/** Whether anybody works this shift on any day (a shift nobody works does not count as used). */
	public boolean used() {
		return Arrays.stream(this.workersPerDay).anyMatch(w -> w > 0);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof MsdShift s && s.startMinute == this.startMinute && s.lengthMinutes == this.lengthMinutes
				&& Arrays.equals(s.workersPerDay, this.workersPerDay);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.startMinute, this.lengthMinutes, Arrays.hashCode(this.workersPerDay));
	}

	@Override
	public String toString() {
		return MsdTimes.clock(this.startMinute) + "+" + this.lengthMinutes + Arrays.toString(this.workersPerDay);
	}

}
