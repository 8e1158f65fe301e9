package org.ringfence.shifts;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * One shift of a pattern: its start (local time), its length in minutes (may cross midnight), the
 * role that fills it, and how many officers start it on each day of the week (Monday first).
 */
public record PatternShift(LocalTime start, int lengthMinutes, RosterRole role, int[] workersPerDay) {

	public PatternShift {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(role, "role");
		if (lengthMinutes <= 0 || lengthMinutes > 24 * 60) {
			throw new IllegalArgumentException("a shift lasts between 1 minute and 24 hours, not " + lengthMinutes);
		}
		if (workersPerDay == null || workersPerDay.length != 7) {
			throw new IllegalArgumentException("workersPerDay needs 7 numbers, Monday first");
		}
		workersPerDay = workersPerDay.clone();
		for (int n : workersPerDay) {
			if (n < 0) {
				throw new IllegalArgumentException("workersPerDay cannot be negative");
			}
		}
	}

	@Override
	public int[] workersPerDay() {
		return this.workersPerDay.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PatternShift s && s.start.equals(this.start) && s.lengthMinutes == this.lengthMinutes
				&& s.role == this.role && Arrays.equals(s.workersPerDay, this.workersPerDay);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.start, this.lengthMinutes, this.role, Arrays.hashCode(this.workersPerDay));
	}

	@Override
	public String toString() {
		return "PatternShift[" + this.start + " " + this.lengthMinutes + "min " + this.role + " "
				+ Arrays.toString(this.workersPerDay) + "]";
	}

}
