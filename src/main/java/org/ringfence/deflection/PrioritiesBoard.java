package org.ringfence.deflection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a controller needs about a borough's wards at a glance: each ward's call priorities, how
 * fresh they are, and who of its Safer Neighbourhoods team is on duty on the ward now.
 */
public record PrioritiesBoard(String boroughCode, String boroughName, Instant at, List<Ward> wards) {

	/** One ward: its priorities (if the team has communicated any) and who is on duty on it. */
	public record Ward(String wardCode, String wardName, String clusterName, Optional<WardCallPriorities> priorities,
			List<DeflectionDecision.Officer> onDuty) {

		public Ward {
			priorities = priorities == null ? Optional.empty() : priorities;
		}

		public boolean policeOfficerOnDuty() {
			return this.onDuty.stream().anyMatch(o -> CallDeflection.POLICE_OFFICER_ROLES.contains(o.role()));
		}

	}

}
