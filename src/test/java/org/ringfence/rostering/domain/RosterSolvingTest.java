package org.ringfence.rostering.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import org.junit.jupiter.api.Test;
import org.ringfence.shifts.PatternShift;
import org.ringfence.shifts.RosterRole;

import static org.assertj.core.api.Assertions.assertThat;

/** The solver on small rosters, without Spring. */
class RosterSolvingTest {

	static final LocalDate MONDAY = LocalDate.of(2034, 3, 6);

	/** A plan on one ward; the ring-fence minimum only where every day has a tour (else it could not be met). */
	static RosterPlan plan(List<PatternShift> shifts, List<Officer> officers, int weeks, boolean ringFence) {
		List<String> wards = List.of("W1");
		return new RosterPlan(MONDAY, weeks, officers,
				SlotPlanner.needs(shifts, wards, MONDAY, weeks, ringFence ? Map.of(RosterRole.CONSTABLE, 1) : Map.of()),
				SlotPlanner.slots(shifts, wards, MONDAY, weeks));
	}

	static RosterPlan solve(RosterPlan plan) {
		Solver<RosterPlan> solver = SolverFactory
			.<RosterPlan>create(RosterSolving.config(Duration.ofSeconds(5), Duration.ofSeconds(2)))
			.buildSolver();
		return solver.solve(plan);
	}

	@Test
	void theSolverAvoidsALateFollowedByAnEarlyThatANaiveRosterMakes() {
		// a late tour on Monday and an early on Tuesday, one each; two officers
		PatternShift early = new PatternShift(LocalTime.of(7, 0), 480, RosterRole.CONSTABLE, new int[] { 0, 1, 0, 0, 0, 0, 0 });
		PatternShift late = new PatternShift(LocalTime.of(15, 0), 480, RosterRole.CONSTABLE, new int[] { 1, 0, 0, 0, 0, 0, 0 });
		Officer a = new Officer(1, "A", RosterRole.CONSTABLE, Optional.of("W1"), List.of());
		Officer b = new Officer(2, "B", RosterRole.CONSTABLE, Optional.of("W1"), List.of());
		RosterPlan plan = plan(List.of(early, late), List.of(a, b), 1, false);
		// naive: the first officer everywhere breaks the 11 hours
		plan.getSlots().forEach(s -> s.setOfficer(a));
		assertThat(RestRules.restShortfall(plan.getSlots().get(0).startsAt(), 480, plan.getSlots().get(1).startsAt(), 480,
				7 * Slot.DAY)).isPositive();
		RosterPlan solved = solve(plan);
		assertThat(solved.getScore().hardScore()).isZero();
		assertThat(solved.getScore().mediumScore()).isZero();
		assertThat(solved.getSlots().get(0).getOfficer()).isNotEqualTo(solved.getSlots().get(1).getOfficer());
	}

	@Test
	void theSolverLeavesElevenHoursAfterADutyWorkedTheDayBeforeTheRoster() {
		// one early tour on the roster's first Monday; A worked until 23:00 on the Sunday before, B did not
		PatternShift early = new PatternShift(LocalTime.of(7, 0), 480, RosterRole.CONSTABLE, new int[] { 1, 0, 0, 0, 0, 0, 0 });
		Officer a = new Officer(1, "A", RosterRole.CONSTABLE, Optional.of("W1"), List.of(),
				List.of(new Officer.Prior("SN_WARD", -60)));
		Officer b = new Officer(2, "B", RosterRole.CONSTABLE, Optional.of("W1"), List.of());
		RosterPlan plan = plan(List.of(early), List.of(a, b), 1, false);
		// naive: A first
		plan.getSlots().forEach(s -> s.setOfficer(a));
		assertThat(a.restShortAfterPriors(plan.getSlots().get(0).startsAt())).isPositive();
		RosterPlan solved = solve(plan);
		assertThat(solved.getScore().hardScore()).isZero();
		assertThat(solved.getScore().mediumScore()).isZero();
		assertThat(solved.getSlots().get(0).getOfficer().personId()).isEqualTo(2);
	}

	@Test
	void pinnedSlotsKeepTheirOfficer() {
		PatternShift early = new PatternShift(LocalTime.of(7, 0), 480, RosterRole.CONSTABLE, new int[] { 1, 1, 1, 1, 1, 1, 1 });
		List<Officer> officers = List.of(new Officer(1, "A", RosterRole.CONSTABLE, Optional.of("W1"), List.of()),
				new Officer(2, "B", RosterRole.CONSTABLE, Optional.of("W1"), List.of()),
				new Officer(3, "C", RosterRole.CONSTABLE, Optional.of("W1"), List.of()));
		RosterPlan plan = plan(List.of(early), officers, 2, true);
		Slot pinned = plan.getSlots().get(3);
		pinned.setOfficer(officers.get(2));
		pinned.setPinned(true);
		RosterPlan solved = solve(plan);
		Slot after = solved.getSlots().stream().filter(s -> s.getId().equals(pinned.getId())).findFirst().orElseThrow();
		assertThat(after.getOfficer().personId()).isEqualTo(3);
		assertThat(solved.getScore().hardScore()).isZero();
		assertThat(solved.getScore().mediumScore()).isZero();
	}

	@Test
	void leaveIsRosteredAround() {
		PatternShift early = new PatternShift(LocalTime.of(7, 0), 480, RosterRole.CONSTABLE, new int[] { 1, 1, 1, 1, 1, 0, 0 });
		Officer onLeave = new Officer(1, "A", RosterRole.CONSTABLE, Optional.of("W1"), List.of(
				new Officer.Absence("AL", 0, 0, Slot.DAY), new Officer.Absence("AL", 1, Slot.DAY, 2 * Slot.DAY)));
		Officer other = new Officer(2, "B", RosterRole.CONSTABLE, Optional.of("W1"), List.of());
		RosterPlan solved = solve(plan(List.of(early), List.of(onLeave, other), 1, false));
		assertThat(solved.getScore().hardScore()).isZero();
		assertThat(solved.getSlots().stream().filter(s -> s.getDay() < 2)).allMatch(s -> s.getOfficer().personId() == 2);
	}

}
