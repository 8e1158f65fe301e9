package org.ringfence.rostering.domain;

import java.time.LocalDate;

import org.ringfence.shifts.RosterRole;

/**
 * A ward's ring-fence minimum on one roster day: at least minimum tours of the role worked on the
 * ward that day (counted per roster day, any tour; decision 19).
 */
public record RingFenceNeed(String ward, int day, LocalDate date, RosterRole role, int minimum) {
}
