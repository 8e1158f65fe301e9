package org.ringfence.duties;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A duty to record (from a form, the API or an import row), checked for what can be checked
 * without the database: times in order and at most 24 hours, the duty date the local date the
 * tour starts (or the day before, for a tour starting just after midnight).
 */
public record NewDuty(long personId, DutyKind kind, LocalDate dutyDate, Instant startsAt, Instant endsAt,
		Optional<String> wardCode, String place, String activityCode) {

	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	public NewDuty {
		wardCode = wardCode == null ? Optional.empty() : wardCode.filter(w -> !w.isBlank());
		place = place == null ? "" : place.strip();
	}

	/**
	 * A duty given as a roster date and local (London) start and end times, as people write them:
	 * an end at or before the start is on the next day. A start in the spring-forward gap moves
	 * forward by the gap; a time in the autumn overlap is its first (summer-time) occurrence.
	 */
	public static NewDuty ofLocalTimes(long personId, DutyKind kind, LocalDate date, java.time.LocalTime start,
			java.time.LocalTime end, Optional<String> wardCode, String place, String activityCode) {
		LocalDate endDate = end.isAfter(start) ? date : date.plusDays(1);
		return new NewDuty(personId, kind, date, date.atTime(start).atZone(LONDON).toInstant(),
				endDate.atTime(end).atZone(LONDON).toInstant(), wardCode, place, activityCode);
	}

	/** What is wrong with this duty on its own, one message a problem; empty when nothing is. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.kind == null) {
			problems.add("kind must be PLANNED or ACTUAL");
		}
		if (this.startsAt == null || this.endsAt == null || this.dutyDate == null) {
			problems.add("date, start and end are required");
			return problems;
		}
		if (!this.endsAt.isAfter(this.startsAt)) {
			problems.add("the end must be after the start");
		}
		else if (java.time.Duration.between(this.startsAt, this.endsAt).toHours() > 24
				|| java.time.Duration.between(this.startsAt, this.endsAt).toMinutes() > 24 * 60) {
			problems.add("a tour lasts at most 24 hours");
		}
		LocalDate localStart = this.startsAt.atZone(LONDON).toLocalDate();
		if (!this.dutyDate.equals(localStart) && !this.dutyDate.equals(localStart.minusDays(1))) {
			problems.add("the duty date must be the date the tour starts (" + localStart + ")");
		}
		if (this.activityCode == null || this.activityCode.isBlank()) {
			problems.add("an activity code is required");
		}
		if (this.place.length() > 200) {
			problems.add("place must be at most 200 characters");
		}
		return problems;
	}

}
