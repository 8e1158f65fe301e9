package org.ringfence.workforce;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the workforce module answers with. */
public final class WorkforceViews {

	private WorkforceViews() {
	}

	/** A current member of a ward team. sharedSupervision: a sergeant who supervises this ward and another. */
	public record TeamMember(long personId, String name, WorkforceRole role, String roleTitle, String position,
			LocalDate postingStart, String tenure, boolean sharedSupervision, String postedWard, boolean synthetic) {
	}

	/** Someone who was in the team and left. */
	public record FormerMember(long personId, String name, WorkforceRole role, String position, LocalDate start,
			LocalDate end) {
	}

	/** A period when the team was below the strength it should hold in a role. */
	public record StaffingGap(WorkforceRole role, LocalDate from, LocalDate to, long days, int strength, int required) {
	}

	/** A ward team's history: who left, and when it was short. */
	public record TeamHistory(String wardCode, List<FormerMember> formerMembers, List<StaffingGap> gaps) {
	}

	/** A person in a list, with their current posting (if any). */
	public record PersonSummary(long id, String serviceNumber, String name, WorkforceRole role, String roleTitle,
			Optional<String> position, Optional<Unit> unit, Optional<String> unitName, Optional<LocalDate> postingStart,
			Optional<String> tenure, boolean synthetic) {
	}

	/** A person with all their postings, newest first. */
	public record PersonDetail(long id, String serviceNumber, String givenName, String familyName, WorkforceRole role,
			String roleTitle, boolean synthetic, List<Posting> postings) {
	}

	/** A person to add in bulk (the demo workforce), with their postings. */
	public record NewPerson(String serviceNumber, String givenName, String familyName, WorkforceRole role,
			boolean synthetic, List<NewPosting> postings) {
	}

	/** A posting of a {@link NewPerson}. */
	public record NewPosting(WorkforceRole role, String position, Unit unit, Optional<String> alsoWard, LocalDate start,
			Optional<LocalDate> end) {
	}

}
