package org.ringfence.tasking.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ringfence.tasking.AgendaEntry;
import org.ringfence.tasking.AgendaKind;

/**
 * The rules of a tasking meeting's agenda and decisions, as pure functions: the order items are
 * taken in, what a decision needs, when a meeting may close, and what a bid's outcome is.
 */
public final class AgendaRules {

	/** The decisions open to a meeting on a bid for a support unit. */
	public static final List<String> BID_OUTCOMES = List.of("GRANTED", "PARTLY_GRANTED", "REFUSED", "DEFERRED");

	/** The decisions open to a meeting on other business. */
	public static final List<String> OTHER_OUTCOMES = List.of("NOTED", "ACTION_AGREED", "DEFERRED");

	private AgendaRules() {
	}

	/** Items in the order they are taken: events, reviews, presentations, bids, other; then as put forward. */
	public static List<AgendaEntry> ordered(List<AgendaEntry> entries) {
		List<AgendaEntry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparing(AgendaEntry::kind));
		return sorted;
	}

	/**
	 * Why a decision cannot be recorded, or empty when it can: the meeting must be open, the item
	 * undecided, the outcome one of the item's, and the reasons written down.
	 */
	public static Optional<String> decisionProblem(boolean meetingClosed, Optional<String> currentOutcome,
			List<String> outcomes, String outcome, String note) {
		if (meetingClosed) {
			return Optional.of("the meeting is closed: its minutes are final");
		}
		if (currentOutcome.isPresent()) {
			return Optional.of("the item was decided already (" + currentOutcome.get() + ")");
		}
		if (outcome == null || !outcomes.contains(outcome)) {
			return Optional.of("the outcome must be one of " + String.join(", ", outcomes));
		}
		if (note == null || note.isBlank()) {
			return Optional.of("the decision needs its reasons recorded");
		}
		return Optional.empty();
	}

	/** Why a meeting cannot close, or empty when it can: every item needs a decision (DEFERRED is one). */
	public static Optional<String> closeProblem(boolean closed, List<String> undecidedTitles) {
		if (closed) {
			return Optional.of("the meeting is closed already");
		}
		if (!undecidedTitles.isEmpty()) {
			return Optional.of("record a decision on every item first (DEFERRED is one); undecided: "
					+ String.join("; ", undecidedTitles));
		}
		return Optional.empty();
	}

	/** Why a meeting cannot be held on this day for this borough, or empty. */
	public static Optional<String> schedulingProblem(LocalDate heldOn, LocalDate today) {
		if (heldOn.isBefore(today.minusDays(31))) {
			return Optional.of("a meeting more than a month ago cannot be recorded now");
		}
		if (heldOn.isAfter(today.plusYears(1))) {
			return Optional.of("a meeting can be planned at most a year ahead");
		}
		return Optional.empty();
	}

	/**
	 * Why a bid's debrief cannot be recorded, or empty: the operations office must have been told
	 * of the unit working proactively in the borough, unless that would compromise an operation, in
	 * which case the reason is recorded.
	 */
	public static Optional<String> debriefProblem(String status, String debrief, boolean operationsOfficeInformed,
			String notInformedReason) {
		if (!status.equals("GRANTED") && !status.equals("PARTLY_GRANTED")) {
			return Optional.of("only a granted bid has a debrief (this one is " + status + ")");
		}
		if (debrief == null || debrief.isBlank()) {
			return Optional.of("the debrief is empty");
		}
		if (!operationsOfficeInformed && (notInformedReason == null || notInformedReason.isBlank())) {
			return Optional.of("say why the borough operations office was not told (only when telling it would "
					+ "compromise an operation)");
		}
		return Optional.empty();
	}

	/** A bid's agenda item. */
	public static AgendaEntry bidEntry(long id, String unitLabel, String purpose, LocalDate from, LocalDate to,
			int hours) {
		return new AgendaEntry(AgendaKind.SUPPORT_BID, "support-bid:" + id, "Bid for the " + unitLabel,
				purpose + " (" + from + " to " + to + ", " + hours + " hours)", BID_OUTCOMES);
	}

}
