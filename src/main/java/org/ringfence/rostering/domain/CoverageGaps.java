package org.ringfence.rostering.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The 16/7 check: every hour of a daily window (07:00-23:00 by default, local time) that is not
 * covered throughout by at least one on-ward tour, with consecutive uncovered hours merged into one
 * gap.
 */
public final class CoverageGaps {

	private CoverageGaps() {
	}

	/** A tour on duty from start to end. */
	public record Tour(Instant start, Instant end) {
	}

	/** Uncovered time on a day, local time [from, to). */
	public record Gap(LocalDate date, LocalTime from, LocalTime to) {
	}

	/**
	 * The gaps on each day from..to (inclusive) in the window [fromHour, toHour) (toHour 24 means
	 * midnight at the end of the day).
	 */
	public static List<Gap> find(List<Tour> tours, LocalDate from, LocalDate to, int fromHour, int toHour, ZoneId zone) {
		if (fromHour < 0 || toHour > 24 || fromHour >= toHour) {
			throw new IllegalArgumentException("the window must be whole hours within a day, from before to");
		}
		List<Tour> sorted = new ArrayList<>(tours);
		sorted.sort(Comparator.comparing(Tour::start));
		List<Gap> gaps = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			Integer gapStart = null;
			for (int h = fromHour; h < toHour; h++) {
				Instant a = day.atTime(h, 0).atZone(zone).toInstant();
				Instant b = (h + 1 == 24 ? day.plusDays(1).atStartOfDay() : day.atTime(h + 1, 0)).atZone(zone).toInstant();
				boolean covered = covered(sorted, a, b);
				if (!covered && gapStart == null) {
					gapStart = h;
				}
				if (covered && gapStart != null) {
					gaps.add(new Gap(day, LocalTime.of(gapStart, 0), LocalTime.of(h, 0)));
					gapStart = null;
				}
			}
			if (gapStart != null) {
				gaps.add(new Gap(day, LocalTime.of(gapStart, 0), toHour == 24 ? LocalTime.MAX : LocalTime.of(toHour, 0)));
			}
		}
		return gaps;
	}

	/** Whether the union of the tours covers [a, b) entirely (tours sorted by start). */
	static boolean covered(List<Tour> sorted, Instant a, Instant b) {
		Instant reached = a;
		for (Tour tour : sorted) {
			if (!tour.start().isAfter(reached) && tour.end().isAfter(reached)) {
				reached = tour.end();
				if (!reached.isBefore(b)) {
					return true;
				}
			}
			else if (tour.start().isAfter(reached)) {
				return false; // sorted by start: nothing later closes the hole at reached
			}
		}
		return false;
	}

}
