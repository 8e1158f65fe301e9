package org.ringfence.allocation;

import java.util.Optional;

import org.ringfence.allocation.domain.SchoolRanking.Direction;

/**
 * A criterion of the Safer Schools needs analysis.
 * @param source FILE (imported with the schools), WARD_ASB or WARD_TNO (ASB or crime recorded in the
 *     school's ward over the demand period)
 * @param boroughCode the borough whose partnership added it; empty for the London-wide (2011) criteria
 */
public record SchoolCriterion(String code, String label, Direction direction, double defaultWeight, String source,
		Optional<String> boroughCode, boolean builtin) {

	public boolean fromDemand() {
		return !"FILE".equals(this.source);
	}

}
