package org.ringfence.shifts;

import java.time.Instant;
import java.util.List;

/** A named, stored shift pattern of a cluster (what a roster is built from). */
public record ShiftPattern(long id, String clusterId, String name, String description, List<PatternShift> shifts,
		String createdBy, Instant createdAt) {

	public ShiftPattern {
		shifts = List.copyOf(shifts);
	}

}
