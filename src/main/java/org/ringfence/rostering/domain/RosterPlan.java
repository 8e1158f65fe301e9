package org.ringfence.rostering.domain;

import java.time.LocalDate;
import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/**
 * A roster to solve: the officers, the slots of every tour of every day of the cycle, and each
 * ward's ring-fence minimum per day. Hard: Police Regulations and the ring-fence; medium: unfilled
 * slots; soft: fairness and officers on their own ward.
 */
@PlanningSolution
public class RosterPlan {

	private LocalDate start;

	private int weeks;

	@ProblemFactCollectionProperty
	private List<Officer> officers;

	@ProblemFactCollectionProperty
	private List<RingFenceNeed> needs;

	@PlanningEntityCollectionProperty
	private List<Slot> slots;

	@PlanningScore
	private HardMediumSoftScore score;

	public RosterPlan() {
	}

	public RosterPlan(LocalDate start, int weeks, List<Officer> officers, List<RingFenceNeed> needs, List<Slot> slots) {
		this.start = start;
		this.weeks = weeks;
		this.officers = officers;
		this.needs = needs;
		this.slots = slots;
		java.util.Map<org.ringfence.shifts.RosterRole, List<Officer>> byRole = new java.util.EnumMap<>(
				org.ringfence.shifts.RosterRole.class);
		for (org.ringfence.shifts.RosterRole role : org.ringfence.shifts.RosterRole.values()) {
			byRole.put(role, officers.stream().filter(o -> o.role() == role).toList());
		}
		for (Slot slot : slots) {
			slot.setCandidates(byRole.get(slot.getRole()));
		}
	}

	public LocalDate getStart() {
		return this.start;
	}

	public int getWeeks() {
		return this.weeks;
	}

	public List<Officer> getOfficers() {
		return this.officers;
	}

	public List<RingFenceNeed> getNeeds() {
		return this.needs;
	}

	public List<Slot> getSlots() {
		return this.slots;
	}

	public HardMediumSoftScore getScore() {
		return this.score;
	}

	public void setScore(HardMediumSoftScore score) {
		this.score = score;
	}

}
