package org.ringfence.workforce.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * When a ward team was below the strength it should hold in a role: the periods in which fewer
 * people held the role than required (e.g. fewer than 2 dedicated ward officers), found from the
 * postings. Used for succession planning: a gap means a leaver was not replaced in time.
 */
public final class SuccessionGaps {

	private SuccessionGaps() {
	}

	/** A posting's days, start inclusive, end exclusive (null end = still open). */
	public record Span(LocalDate start, LocalDate end) {
	}

	/** A period [from, to) in which only {@code strength} of the {@code required} were in post. */
	public record Gap(LocalDate from, LocalDate to, int strength, int required) {

		public long days() {
			return java.time.temporal.ChronoUnit.DAYS.between(this.from, this.to);
		}

	}

	/**
	 * The gaps between {@code from} and {@code to} (exclusive) for one role.
	 * @param spans the postings of people in the role at the ward
	 * @param required how many should be in post
	 */
	public static List<Gap> find(List<Span> spans, int required, LocalDate from, LocalDate to) {
		TreeSet<LocalDate> changes = new TreeSet<>();
		changes.add(from);
		changes.add(to);
		for (Span span : spans) {
			if (span.start().isAfter(from) && span.start().isBefore(to)) {
				changes.add(span.start());
			}
			if (span.end() != null && span.end().isAfter(from) && span.end().isBefore(to)) {
				changes.add(span.end());
			}
		}
		List<Gap> gaps = new ArrayList<>();
		LocalDate previous = null;
		for (LocalDate day : changes) {
			if (previous != null) {
				int strength = strengthOn(spans, previous);
				if (strength < required) {
					Gap last = gaps.isEmpty() ? null : gaps.get(gaps.size() - 1);
					if (last != null && last.to().equals(previous) && last.strength() == strength) {
						gaps.set(gaps.size() - 1, new Gap(last.from(), day, strength, required));
					}
					else {
						gaps.add(new Gap(previous, day, strength, required));
					}
				}
			}
			previous = day;
		}
		return gaps;
	}

	private static int strengthOn(List<Span> spans, LocalDate day) {
		int count = 0;
		for (Span span : spans) {
			if (!span.start().isAfter(day) && (span.end() == null || day.isBefore(span.end()))) {
				count++;
			}
		}
		return count;
	}

}
