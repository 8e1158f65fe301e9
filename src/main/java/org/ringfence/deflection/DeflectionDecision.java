package org.ringfence.deflection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stored call deflection decision: the incident, the protocol's four conditions as judged, the
 * verdict, who may take the call, and later its outcome.
 * @param deflect whether the call goes to the SNT
 * @param overridden deflected on the controller's override for a critical or major incident
 * @param tags "SNT" for a deflected call
 * @param officers SNT members on duty on the ward who may take it (empty when not deflected)
 * @param settings the thresholds the decision was judged by
 */
public record DeflectionDecision(long id, String cadReference, Instant incidentAt, String wardCode, String wardName,
		String boroughCode, String callCategory, String callCategoryName, boolean needsPoliceOfficer, int expectedMinutes,
		boolean criticalIncident, boolean deflect, boolean overridden, Optional<String> overrideReason, List<String> tags,
		List<Condition> conditions, List<Officer> officers, List<String> warnings, Map<String, Object> settings,
		String decidedBy, Instant decidedAt, Optional<Outcome> outcome) {

	/** The tag every deflected call carries, for evaluation. */
	public static final String SNT_TAG = "SNT";

	public DeflectionDecision {
		overrideReason = overrideReason == null ? Optional.empty() : overrideReason;
		outcome = outcome == null ? Optional.empty() : outcome;
	}

	/** One of the protocol's four conditions: number 1-4, its name, pass or fail, and why. */
	public record Condition(int number, String name, boolean passed, String reason) {
	}

	/** An SNT member who may take the call. */
	public record Officer(long personId, String name, String role, String roleTitle, Instant onDutyUntil) {
	}

	/** What happened: minutes away from the ward, the result, a note. */
	public record Outcome(int minutesAway, OutcomeResult result, String note, String recordedBy, Instant recordedAt) {
	}

	/** How a deflected call ended. */
	public enum OutcomeResult {

		RESOLVED_BY_SNT, CRIME_RECORDED, REFERRED_TO_PARTNER, ARREST_MADE, HANDED_TO_RESPONSE, NO_TRACE

	}

}
