package org.ringfence.duties;

import java.util.Objects;

/**
 * How a rule set classifies one activity code.
 * @param code the activity code
 * @param activityClass its class under the protocol
 * @param countsAsDuty whether its minutes are duty time (rest days, leave and sickness are not)
 * @param abstracted whether it is an abstraction from duty (the report's "Abstracted from Duty")
 * @param reportType the report's "Abstraction Type" column
 */
public record Classification(String code, ActivityClass activityClass, boolean countsAsDuty, boolean abstracted,
		String reportType) {

	public Classification {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(activityClass, "activityClass");
		Objects.requireNonNull(reportType, "reportType");
		if (abstracted && !countsAsDuty) {
			throw new IllegalArgumentException("An abstraction from duty must count as duty time: " + code);
		}
	}

}
