package org.ringfence.shifts.domain;

import java.math.BigDecimal;

/**
 * The cost of a solution as the format defines it: {@code wUnder * shortage minutes + wOver * excess
 * minutes + wShifts * shifts used}, where a slot short of k workers counts k x slot-length minutes of
 * shortage (excess likewise) and a shift counts as used when anybody works it on any day.
 * {@code coverage} is the number of workers on duty in each slot.
 */
public record MsdEvaluation(BigDecimal cost, long shortageMinutes, long excessMinutes, int shiftsUsed,
		int[] coverage) {

	public MsdEvaluation {
		coverage = coverage.clone();
	}

	@Override
	public int[] coverage() {
		return this.coverage.clone();
	}

}
