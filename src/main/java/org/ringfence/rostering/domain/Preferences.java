package org.ringfence.rostering.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An officer's rostering preferences (soft): weekdays they would rather have as rest days, and tour
 * times they would rather avoid (no start before a time, no work after a time; a tour crossing
 * midnight counts as ending after any time).
 */
public record Preferences(Set<DayOfWeek> restDays, Optional<LocalTime> noStartBefore, Optional<LocalTime> noEndAfter) {

	public static final Preferences NONE = new Preferences(Set.of(), Optional.empty(), Optional.empty());

	public Preferences {
		restDays = restDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(restDays));
		noStartBefore = noStartBefore == null ? Optional.empty() : noStartBefore;
		noEndAfter = noEndAfter == null ? Optional.empty() : noEndAfter;
	}

	/** The wishes a tour on this date, starting at this time and lasting this long, goes against (empty: none). */
	public List<String> brokenBy(LocalDate date, LocalTime start, int lengthMinutes) {
		List<String> broken = new ArrayList<>();
		if (this.restDays.contains(date.getDayOfWeek())) {
			broken.add("rest on " + date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK)
					+ "s");
		}
		int startMinute = start.getHour() * 60 + start.getMinute();
		this.noStartBefore.filter(t -> startMinute < t.getHour() * 60 + t.getMinute())
			.ifPresent(t -> broken.add("no start before " + t));
		int end = startMinute + lengthMinutes;
		this.noEndAfter.filter(t -> end > t.getHour() * 60 + t.getMinute()).ifPresent(t -> broken.add("no work after " + t));
		return broken;
	}

}
