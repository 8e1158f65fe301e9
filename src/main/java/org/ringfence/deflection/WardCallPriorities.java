package org.ringfence.deflection;

import java.time.LocalDate;
import java.util.List;

/**
 * A ward team's call priorities as communicated to CCC.
 * @param stale last reviewed longer ago than the configured number of days
 * @param version for changing them at the version read
 */
public record WardCallPriorities(String wardCode, String wardName, List<CallCategory> categories, String notes,
		LocalDate lastReviewed, String reviewedBy, int version, boolean stale) {
}
