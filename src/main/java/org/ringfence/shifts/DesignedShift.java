package org.ringfence.shifts;

import java.util.Arrays;
import java.util.Objects;

/** A shift of a design, as the API writes it: start "HH:MM", length in minutes, workers starting it per day (Monday first in a weekly cycle). */
public record DesignedShift(String start, int lengthMinutes, int[] workersPerDay) {

	@Override
	public boolean equals(Object o) {
		return o instanceof DesignedShift s && s.start.equals(this.start) && s.lengthMinutes == this.lengthMinutes
				&& Arrays.equals(s.workersPerDay, this.workersPerDay);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.start, this.lengthMinutes, Arrays.hashCode(this.workersPerDay));
	}

	@Override
	public String toString() {
		return this.start + "+" + this.lengthMinutes + Arrays.toString(this.workersPerDay);
	}

}
