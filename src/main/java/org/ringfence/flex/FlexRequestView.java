package org.ringfence.flex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flex request as read: the PSP 302's fields, its resource plan with names, what was recorded at
 * each step, its history, its flags on the day it is read and its latest checks.
 * @param reviewDue the day by which it is reviewed at borough tasking (rule set in force on its first day)
 * @param latestLastDay the last day it may run without an exception recorded
 * @param dutiesFlexed duties that carry its flex code now; dutiesReleased those given back
 */
public record FlexRequestView(long id, String reference, FlexStatus status, String statusLabel, String boroughCode,
		String boroughName, String receivingWard, String receivingWardName, String clusterCode, String problemType,
		String intelligenceSummary, String aims, String objectives, String expectedResults, String problemReference,
		LocalDate firstDay, LocalDate lastDay, Optional<String> durationException, LocalDate reviewDue,
		LocalDate latestLastDay, RuleSetRef ruleSet, List<OfficerLine> officers, List<Dialogue> dialogues,
		Optional<Meeting> meeting, Optional<Signed> authorisation, Optional<String> rejectionReasons,
		Optional<Signed> endorsement, List<Review> reviews, Optional<LocalDate> endedOn, Optional<String> endReason,
		Optional<Instant> closedAt, List<Feedback> feedback, List<HistoryEntry> history, List<Flag> flags,
		Optional<FlexCheckReport> lastChecks, Optional<Instant> lastCheckedAt, int dutiesFlexed, int dutiesReleased,
		int version, String createdBy, Instant createdAt) {

	/** The protocol rule set a decision used. */
	public record RuleSetRef(long id, String name, LocalDate effectiveFrom) {
	}

	/** An officer of the resource plan. */
	public record OfficerLine(long personId, String name, String serviceNumber, String role, String providingWard,
			String providingWardName, LocalDate firstDay, LocalDate lastDay, Tours tours) {
	}

	/** The dialogue with a ward panel. */
	public record Dialogue(String wardCode, String wardName, String wardRole, LocalDate heldOn, String summary,
			String recordedBy, Instant recordedAt) {
	}

	/** The borough tasking meeting it was presented at. */
	public record Meeting(LocalDate date, String reference) {
	}

	/** Who signed a step off, and when. */
	public record Signed(String by, Instant at) {
	}

	public record Review(LocalDate heldOn, ReviewOutcome outcome, String notes, Optional<LocalDate> newLastDay,
			Optional<String> exceptionReason, String recordedBy, Instant recordedAt) {
	}

	public record Feedback(String wardCode, String wardName, LocalDate givenOn, String summary, String recordedBy,
			Instant recordedAt) {
	}

	/** A step in the history: what, from and to which state, who, when, under which set, and what it recorded. */
	public record HistoryEntry(String action, Optional<String> fromStatus, String toStatus, String actor, Instant at,
			Optional<Long> ruleSetId, Map<String, Object> details) {
	}

	/** Something the SMT lead and oversight must see (a review overdue, past the limit without exception). */
	public record Flag(String code, String text) {
	}

	/** Every ward involved: the receiving ward and the providing wards. */
	public List<String> wardsInvolved() {
		java.util.LinkedHashSet<String> wards = new java.util.LinkedHashSet<>();
		wards.add(this.receivingWard);
		this.officers.forEach(o -> wards.add(o.providingWard()));
		return List.copyOf(wards);
	}

}
