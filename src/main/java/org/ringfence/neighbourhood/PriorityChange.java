package org.ringfence.neighbourhood;

import java.time.LocalDate;

/** A change to a priority: its action, action date, status and review date, at the version read. */
public record PriorityChange(String action, LocalDate actionDate, PriorityStatus status, LocalDate reviewDate,
		int version) {
}
