package org.ringfence.workforce;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A posting: a person in a role and position at a unit from a start date until the day before the
 * end date (open-ended when empty). alsoWard is the second ward of a sergeant sharing supervision.
 */
public record Posting(long id, long personId, WorkforceRole role, String position, Unit unit, Optional<String> alsoWard,
		LocalDate start, Optional<LocalDate> end) {

	public Posting {
		alsoWard = alsoWard == null ? Optional.empty() : alsoWard;
		end = end == null ? Optional.empty() : end;
		if (end.isPresent() && !end.get().isAfter(start)) {
			throw new IllegalArgumentException("A posting must end after it starts");
		}
	}

	public boolean activeOn(LocalDate day) {
		return !this.start.isAfter(day) && this.end.map(day::isBefore).orElse(true);
	}

}
