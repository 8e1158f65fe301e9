package org.ringfence.neighbourhood;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A neighbourhood priority agreed by a ward panel with its team. Every field is public (published
 * on the ward page and the API) except who entered it. closedOn is the day it stopped being open.
 */
public record Priority(long id, String wardCode, Optional<Long> meetingId, String category, String issue, String action,
		LocalDate agreedOn, Optional<LocalDate> actionDate, PriorityStatus status, Optional<LocalDate> reviewDate,
		Optional<LocalDate> closedOn, boolean synthetic, int version) {

	/** Whether the team held it open on any day from one date to another (inclusive). */
	public boolean heldBetween(LocalDate from, LocalDate to) {
		return !this.agreedOn.isAfter(to) && this.closedOn.map(c -> !c.isBefore(from)).orElse(true);
	}

}
