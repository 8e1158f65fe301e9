package org.ringfence.protocol;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How long a flex may run and when it is reviewed: ideally no longer than {@code maxDays} (first to
 * last day, both counted), reviewed at borough tasking by {@code reviewAfterDays} after its start.
 */
public record FlexDurationRule(int maxDays, int reviewAfterDays) {

	public FlexDurationRule {
		if (maxDays < 1 || reviewAfterDays < 1 || reviewAfterDays > maxDays) {
			throw new IllegalArgumentException("A flex lasts at least a day and is reviewed within its longest duration");
		}
	}

	/** Days from the first to the last day, both counted. */
	public static long days(LocalDate first, LocalDate last) {
		return ChronoUnit.DAYS.between(first, last) + 1;
	}

	/** Whether a flex from first to last is longer than the rule allows without a recorded exception. */
	public boolean exceeds(LocalDate first, LocalDate last) {
		return days(first, last) > this.maxDays;
	}

	/** The last day a flex starting on this day may run without an exception. */
	public LocalDate latestLastDay(LocalDate first) {
		return first.plusDays(this.maxDays - 1L);
	}

	/** The day by which a flex starting on this day is reviewed. */
	public LocalDate reviewDue(LocalDate first) {
		return first.plusDays(this.reviewAfterDays);
	}

}
