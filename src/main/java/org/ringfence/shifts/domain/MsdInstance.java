package org.ringfence.shifts.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A Minimum Shift Design instance (TU Wien DBAI format): slot length in minutes, days per cycle,
 * whether the cycle wraps, the workers required in each slot (days x slots per day, from the first
 * day's 00:00), the shift templates, the duties-per-week limits and average hours (read, kept, not
 * part of the minimum shift design cost), the weights, and, when the file carries them, the
 * reference fitness and reference solution.
 */
public record MsdInstance(int minuteInterval, int days, boolean cyclic, int[] requirements,
		List<ShiftTemplate> templates, int dutiesLower, int dutiesUpper, BigDecimal averageHoursPerWeek,
		MsdWeights weights, BigDecimal referenceFitness, List<MsdShift> referenceSolution) {

	public MsdInstance {
		requirements = requirements.clone();
		templates = List.copyOf(templates);
		referenceSolution = referenceSolution == null ? null : List.copyOf(referenceSolution);
	}

	@Override
	public int[] requirements() {
		return this.requirements.clone();
	}

	public int requirement(int slot) {
		return this.requirements[slot];
	}

	public int slotsPerDay() {
		return 1440 / this.minuteInterval;
	}

	public int slots() {
		return this.requirements.length;
	}

	public Optional<BigDecimal> reference() {
		return Optional.ofNullable(this.referenceFitness);
	}

	public Optional<List<MsdShift>> solution() {
		return Optional.ofNullable(this.referenceSolution);
	}

	/** This instance carrying another solution (e.g. one to evaluate). */
	public MsdInstance withSolution(List<MsdShift> shifts) {
		return new MsdInstance(this.minuteInterval, this.days, this.cyclic, this.requirements, this.templates,
				this.dutiesLower, this.dutiesUpper, this.averageHoursPerWeek, this.weights, this.referenceFitness,
				shifts);
	}

}
