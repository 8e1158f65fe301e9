package org.ringfence.rostering.domain;

import java.time.Duration;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/** The solver's configuration for rosters (no Spring): the model, the constraints and when to stop. */
public final class RosterSolving {

	private RosterSolving() {
	}

	/** Stops after spent, or after unimproved without a better score (when given). */
	public static SolverConfig config(Duration spent, Duration unimproved) {
		return new SolverConfig().withEnvironmentMode(EnvironmentMode.NO_ASSERT)
			.withSolutionClass(RosterPlan.class)
			.withEntityClasses(Slot.class)
			.withConstraintProviderClass(RosterConstraints.class)
			.withTerminationConfig(termination(spent, unimproved));
	}

	public static TerminationConfig termination(Duration spent, Duration unimproved) {
		TerminationConfig termination = new TerminationConfig().withSpentLimit(spent);
		if (unimproved != null) {
			termination.setUnimprovedSpentLimit(unimproved);
		}
		return termination;
	}

}
