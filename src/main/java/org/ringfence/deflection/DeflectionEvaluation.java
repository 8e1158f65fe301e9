package org.ringfence.deflection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The monthly evaluation of deflected calls (the protocol: deflected CADs are tagged "SNT" for
 * future evaluation of the decision and to review unit performance): per borough and ward, how many
 * decisions were made and deflected, how many on override, and the time the officers spent away
 * from the ward as recorded in the outcomes; then every deflected call.
 * @param boroughCode the borough, or empty for London
 */
public record DeflectionEvaluation(String month, Optional<String> boroughCode, String scopeName, int maxExpectedMinutes,
		Summary total, List<Summary> boroughs, List<Summary> wards, List<Call> calls) {

	/**
	 * Figures for a borough, a ward or the whole.
	 * @param outcomesRecorded deflected calls with an outcome recorded
	 * @param minutesAway total minutes away from the ward over the recorded outcomes
	 * @param longerThanExpected recorded outcomes that took longer than the call was expected to
	 * @param overThreshold recorded outcomes longer than the protocol threshold (a protracted absence after all)
	 */
	public record Summary(String code, String name, String boroughCode, int decisions, int deflected, int overridden,
			int outcomesRecorded, long minutesAway, Optional<Double> averageMinutesAway, int longerThanExpected,
			int overThreshold) {
	}

	/** One deflected call with its outcome. */
	public record Call(long id, String cadReference, Instant incidentAt, String boroughCode, String boroughName,
			String wardCode, String wardName, String callCategory, String callCategoryName, int expectedMinutes,
			boolean overridden, Optional<Integer> minutesAway, Optional<String> result, String note) {
	}

}
