package org.ringfence.duties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One tour of duty of one person as stored.
 * @param wardCode the ward where it was worked; empty when elsewhere (see place)
 * @param place where, when not a ward (e.g. "Central aid: Westminster"); may be empty
 * @param noticeDays for a cancelled rest day, the days of notice given
 */
public record Duty(long id, long personId, DutyKind kind, LocalDate dutyDate, Instant startsAt, Instant endsAt,
		Optional<String> wardCode, String place, String activityCode, Optional<Integer> noticeDays, String source,
		int version, String changedBy, Instant changedAt) {

	public Duty {
		Objects.requireNonNull(kind, "kind");
		wardCode = wardCode == null ? Optional.empty() : wardCode;
		noticeDays = noticeDays == null ? Optional.empty() : noticeDays;
		place = place == null ? "" : place;
	}

	public long minutes() {
		return java.time.Duration.between(this.startsAt, this.endsAt).toMinutes();
	}

}
