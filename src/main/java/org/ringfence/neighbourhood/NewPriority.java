package org.ringfence.neighbourhood;

import java.time.LocalDate;

/**
 * A priority as a sergeant or inspector enters it: issue, category (by name, from the maintained
 * list), action (may be empty), the date agreed, optional action and review dates, and optionally
 * the panel meeting that agreed it.
 */
public record NewPriority(String issue, String category, String action, LocalDate agreedOn, LocalDate actionDate,
		LocalDate reviewDate, Long meetingId) {
}
