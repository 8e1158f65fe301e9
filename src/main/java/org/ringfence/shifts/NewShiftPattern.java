package org.ringfence.shifts;

import java.util.List;

/** A pattern to store: the cluster it is for, a name, a description (e.g. how it was designed) and its shifts. */
public record NewShiftPattern(String clusterId, String name, String description, List<PatternShift> shifts) {

	public NewShiftPattern {
		shifts = List.copyOf(shifts);
	}

}
