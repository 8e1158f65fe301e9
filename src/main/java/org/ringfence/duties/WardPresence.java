package org.ringfence.duties;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.duties.persistence.WardPresenceQueries;
import org.ringfence.geography.GeographyService;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who of the Safer Neighbourhoods teams is on duty on a ward at an instant, from the duty records:
 * a tour of the ON_WARD class (under the rule set in force on its duty date) worked on that ward
 * and covering the instant. A person's actual record wins over their plan: a planned tour counts
 * only when no actual duty of that person overlaps it (an actual tour at other times, or with
 * another code, replaces it).
 */
@Service
public class WardPresence {

	private final WardPresenceQueries queries;

	private final WorkforceService workforce;

	private final GeographyService geography;

	WardPresence(WardPresenceQueries queries, WorkforceService workforce, GeographyService geography) {
		this.queries = queries;
		this.workforce = workforce;
		this.geography = geography;
	}

	/**
	 * One person on duty on a ward.
	 * @param role the role of the person's ward-team posting on the duty date; empty if not posted to a team
	 * @param kind whether the tour is the actual record or the plan
	 */
	public record OnDuty(long personId, String name, Optional<WorkforceRole> role, String wardCode, DutyKind kind,
			Instant startsAt, Instant endsAt, String activityCode) {

		public OnDuty {
			role = role == null ? Optional.empty() : role;
		}

		/** A constable, dedicated ward officer or sergeant: may take a call that needs a police officer. */
		public boolean policeOfficer() {
			return this.role.map(r -> r == WorkforceRole.PC || r == WorkforceRole.DWO || r == WorkforceRole.SERGEANT)
				.orElse(false);
		}

	}

	/** Who is on duty on the ward at the instant, sergeants and officers first. */
	@Transactional(readOnly = true)
	public List<OnDuty> inWard(String wardCode, Instant at) {
		this.geography.placeOfWard(wardCode);
		return named(this.queries.onWard(List.of(wardCode), Optional.empty(), at));
	}

	/** Who is on duty on each ward of a borough at the instant (one query for the duties, one for names). */
	@Transactional(readOnly = true)
	public List<OnDuty> inBorough(String boroughCode, Instant at) {
		return named(this.queries.onWard(List.of(), Optional.of(boroughCode), at));
	}

	private List<OnDuty> named(List<WardPresenceQueries.Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, String> names = this.workforce.names(rows.stream().map(WardPresenceQueries.Row::personId).distinct().toList());
		return rows.stream()
			.map(r -> new OnDuty(r.personId(), names.getOrDefault(r.personId(), "#" + r.personId()),
					r.role().map(WorkforceRole::valueOf), r.wardCode(), r.kind(), r.startsAt(), r.endsAt(), r.activityCode()))
			.sorted(Comparator.comparing(OnDuty::wardCode)
				.thenComparing(d -> d.role().map(Enum::ordinal).orElse(Integer.MAX_VALUE))
				.thenComparing(OnDuty::name))
			.toList();
	}

}
