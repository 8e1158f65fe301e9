package org.ringfence.performance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A problem of the problem-solving database with its stages, partners, actions, links and evaluation. */
public record ProblemView(long id, String wardCode, String wardName, String boroughCode, String title, String category,
		String description, ProblemStage stage, String stageLabel, int stageNumber, String status, LocalDate openedOn,
		String openedBy, Optional<LocalDate> closedOn, Optional<Evaluation> evaluation, List<Partner> partners,
		List<Action> actions, List<Link> links, List<StageChange> history, int version) {

	public record Partner(long id, String organisation, String role) {
	}

	public record Action(long id, String action, String owner, Optional<LocalDate> dueOn, Optional<LocalDate> doneOn,
			String addedBy) {
	}

	/** A link to a priority, flex request or deflected call, with what its module says of it (or why not). */
	public record Link(String kind, long refId, String description, String linkedBy, Instant linkedAt) {
	}

	public record StageChange(String from, String to, String reason, String by, Instant at) {
	}

	/**
	 * The evaluation at close.
	 * @param demand the ward's demand before and after (TNO, ASB, calls) in equal periods, or
	 *     {"available": false, "reason": ...}
	 */
	public record Evaluation(String whatWasDone, String whatChanged, Map<String, Object> demand) {
	}

}
