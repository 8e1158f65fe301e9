package org.ringfence.rostering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** What the rostering API takes and returns. */
public final class RosterViews {

	private RosterViews() {
	}

	/** A roster to make: the cluster, its first day, its cycle in weeks, the pattern, and optionally the solver's time limit. */
	public record NewRoster(String cluster, LocalDate start, int weeks, long patternId, Optional<Integer> seconds) {

		public NewRoster {
			seconds = seconds == null ? Optional.empty() : seconds;
		}

	}

	/** A background solve: the roster (also the job's id), its status, and where to follow it. */
	public record RosterJob(long rosterId, long jobId, String status, String statusUrl) {
	}

	/** One slot of the roster and who fills it (empty when unfilled). */
	public record Assignment(String slotId, LocalDate date, LocalTime start, LocalTime end, int lengthMinutes,
			String role, String ward, Optional<Long> personId, Optional<String> officer, boolean pinned) {
	}

	/** An officer the roster is for. */
	public record RosterOfficer(long personId, String name, String role, Optional<String> homeWard) {
	}

	/** A broken rule: its name, level (HARD, MEDIUM, SOFT), the officer (if one), the dates, in words. */
	public record Violation(String rule, String level, Optional<Long> personId, Optional<String> officer,
			List<LocalDate> dates, String detail, int penalty) {
	}

	/** How a rule stands: its level, how many times it is broken and the penalty. */
	public record RuleSummary(String rule, String level, int matches, int penalty) {
	}

	/** Solving progress: time limit, when the last solve started and ended, and the solver's moves a second. */
	public record Progress(int seconds, Optional<Instant> startedAt, Optional<Instant> endedAt,
			Optional<Long> moveEvaluationSpeed) {
	}

	/** A roster: status, score, assignments, officers and each rule's violations. */
	public record Roster(long id, String cluster, String boroughCode, long patternId, String patternName, LocalDate start,
			int weeks, LocalDate end, String status, Optional<String> score, Integer hardScore, Integer mediumScore,
			Integer softScore, boolean feasible, Progress progress, String message, List<RosterOfficer> officers,
			List<Assignment> assignments, List<RuleSummary> rules, List<Violation> violations, String createdBy,
			Instant createdAt, Optional<String> publishedBy, Optional<Instant> publishedAt) {
	}

	/** A roster as listed. */
	public record RosterSummary(long id, String cluster, LocalDate start, int weeks, String status, Optional<String> score,
			boolean feasible, Instant createdAt) {
	}

	/** An edit: the officer for the slot (empty leaves it unfilled), and whether to pin it (default yes). */
	public record SlotEdit(Optional<Long> personId, Optional<Boolean> pinned) {

		public SlotEdit {
			personId = personId == null ? Optional.empty() : personId;
			pinned = pinned == null ? Optional.empty() : pinned;
		}

	}

}
