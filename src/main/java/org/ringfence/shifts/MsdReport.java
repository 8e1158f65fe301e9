package org.ringfence.shifts;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Minimum Shift Design result: the cost as the format defines it, its parts, and the shifts.
 * {@code provenOptimal} is null for an evaluation; {@code lowerBound}, {@code millis} and
 * {@code moves} are set by the designer only.
 */
public record MsdReport(BigDecimal cost, long shortageMinutes, long excessMinutes, int shiftsUsed,
		Boolean provenOptimal, BigDecimal lowerBound, Long millis, Long moves, List<DesignedShift> shifts) {
}
