package org.ringfence.flex.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ringfence.flex.FlexStatus;
import org.ringfence.protocol.FlexDurationRule;

/**
 * What the SMT lead and the oversight body must see about a flex on a day: a review not held by the
 * protocol's review date; a flex running past its limit (ideally 4 weeks) without an exception
 * recorded with reasons; a flex still deployed after its last day.
 */
public final class FlexFlags {

	public static final String REVIEW_OVERDUE = "REVIEW_OVERDUE";

	public static final String PAST_LIMIT_WITHOUT_EXCEPTION = "PAST_LIMIT_WITHOUT_EXCEPTION";

	public static final String NOT_ENDED = "NOT_ENDED";

	private FlexFlags() {
	}

	/**
	 * The facts a flag is judged on.
	 * @param firstReviewOn the day of the first review held, if any
	 * @param endedOn the last day of a flex that has ended
	 * @param exceptionRecorded whether reasons to run past the limit are on record
	 */
	public record Facts(FlexStatus status, LocalDate firstDay, LocalDate lastDay, Optional<LocalDate> firstReviewOn,
			Optional<LocalDate> endedOn, boolean exceptionRecorded) {
	}

	/** A flag with a sentence. */
	public record Flag(String code, String text) {
	}

	public static List<Flag> flags(Facts facts, FlexDurationRule rule, LocalDate asOf) {
		List<Flag> flags = new ArrayList<>();
		boolean deployed = facts.status().deployed();
		boolean ran = deployed || facts.status() == FlexStatus.ENDED || facts.status() == FlexStatus.CLOSED;
		if (!ran) {
			return flags;
		}
		LocalDate reviewDue = rule.reviewDue(facts.firstDay());
		LocalDate lastRunDay = deployed ? asOf : facts.endedOn().orElse(facts.lastDay());
		if (facts.firstReviewOn().map(r -> r.isAfter(reviewDue)).orElse(lastRunDay.isAfter(reviewDue))) {
			flags.add(new Flag(REVIEW_OVERDUE, facts.firstReviewOn()
				.map(r -> "Reviewed on " + r + ", after the review date " + reviewDue + ".")
				.orElse(deployed ? "Not reviewed: the review was due by " + reviewDue + "."
						: "Ran past " + reviewDue + " without the review held.")));
		}
		LocalDate limit = rule.latestLastDay(facts.firstDay());
		boolean pastLimit = deployed ? asOf.isAfter(limit) || facts.lastDay().isAfter(limit) : lastRunDay.isAfter(limit);
		if (pastLimit && !facts.exceptionRecorded()) {
			flags.add(new Flag(PAST_LIMIT_WITHOUT_EXCEPTION, (deployed && !asOf.isAfter(limit) ? "Planned to run"
					: "Ran") + " past " + limit + " (" + rule.maxDays() + " days) with no exception recorded."));
		}
		if (deployed && asOf.isAfter(facts.lastDay())) {
			flags.add(new Flag(NOT_ENDED, "Its last day was " + facts.lastDay() + " but it has not been ended."));
		}
		return flags;
	}

}
