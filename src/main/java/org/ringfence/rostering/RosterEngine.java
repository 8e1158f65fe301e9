package org.ringfence.rostering;

import java.time.Duration;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import jakarta.annotation.PreDestroy;
import org.ringfence.rostering.domain.RosterPlan;
import org.ringfence.rostering.domain.RosterSolving;

import org.springframework.stereotype.Component;

/** Timefold's solver manager (background solves, one roster a job) and solution manager (scoring), built by hand. */
@Component
class RosterEngine {

	final SolverFactory<RosterPlan> solverFactory;

	final SolverManager<RosterPlan, Long> solverManager;

	final SolutionManager<RosterPlan, HardMediumSoftScore> solutionManager;

	RosterEngine(RosteringProperties properties) {
		this.solverFactory = SolverFactory.create(RosterSolving.config(Duration.ofSeconds(properties.seconds()),
				Duration.ofSeconds(properties.unimprovedSeconds())));
		this.solverManager = SolverManager.create(this.solverFactory, new SolverManagerConfig());
		this.solutionManager = SolutionManager.create(this.solverFactory);
	}

	@PreDestroy
	void close() {
		this.solverManager.close();
	}

}
