package org.ringfence.rostering.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.ringfence.shifts.PatternShift;
import org.ringfence.shifts.RosterRole;

import static org.assertj.core.api.Assertions.assertThat;

/** Officers' preferences: what a tour goes against, the soft rule's weight, and the solver honouring them when it can. */
class PreferencesTest {

	static final LocalDate MONDAY = LocalDate.of(2034, 3, 6);

	final ConstraintVerifier<RosterConstraints, RosterPlan> verifier = ConstraintVerifier.build(new RosterConstraints(),
			RosterPlan.class, Slot.class);

	static Preferences sundaysOffNoEarlies() {
		return new Preferences(Set.of(DayOfWeek.SUNDAY), Optional.of(LocalTime.of(8, 0)), Optional.of(LocalTime.of(22, 0)));
	}

	@Test
	void aTourGoesAgainstTheWishesItBreaks() {
		Preferences p = sundaysOffNoEarlies();
		LocalDate sunday = MONDAY.plusDays(6);
		assertThat(p.brokenBy(sunday, LocalTime.of(7, 0), 480)).containsExactly("rest on Sundays", "no start before 08:00");
		assertThat(p.brokenBy(MONDAY, LocalTime.of(10, 0), 480)).isEmpty();
		assertThat(p.brokenBy(MONDAY, LocalTime.of(15, 0), 480)).containsExactly("no work after 22:00");
		assertThat(p.brokenBy(MONDAY, LocalTime.of(14, 0), 480)).isEmpty();
		// across midnight: ends after any time of the day
		assertThat(p.brokenBy(MONDAY, LocalTime.of(18, 0), 480)).containsExactly("no work after 22:00");
		assertThat(Preferences.NONE.brokenBy(sunday, LocalTime.of(5, 0), 600)).isEmpty();
	}

	@Test
	void eachBrokenWishCostsTwoSoft() {
		Officer a = new Officer(1, "A", RosterRole.CONSTABLE, Optional.of("W1"), List.of(), List.of(), sundaysOffNoEarlies());
		Slot sundayEarly = new Slot("s", 6, 7, MONDAY.plusDays(6), LocalTime.of(7, 0), 480, RosterRole.CONSTABLE, "W1");
		sundayEarly.setOfficer(a);
		this.verifier.verifyThat(RosterConstraints::preferences).given(sundayEarly).penalizesBy(4);
		Slot mondayDay = new Slot("m", 0, 7, MONDAY, LocalTime.of(10, 0), 480, RosterRole.CONSTABLE, "W1");
		mondayDay.setOfficer(a);
		this.verifier.verifyThat(RosterConstraints::preferences).given(mondayDay).penalizesBy(0);
	}

	@Test
	void theSolverGivesTheSundayTourToTheOfficerWithoutTheWish() {
		PatternShift sunday = new PatternShift(LocalTime.of(10, 0), 480, RosterRole.CONSTABLE, new int[] { 0, 0, 0, 0, 0, 0, 1 });
		Officer wantsSundays = new Officer(1, "A", RosterRole.CONSTABLE, Optional.of("W1"), List.of(), List.of(),
				new Preferences(Set.of(DayOfWeek.SUNDAY), Optional.empty(), Optional.empty()));
		Officer other = new Officer(2, "B", RosterRole.CONSTABLE, Optional.of("W1"), List.of());
		List<String> wards = List.of("W1");
		RosterPlan plan = new RosterPlan(MONDAY, 1, List.of(wantsSundays, other),
				SlotPlanner.needs(List.of(sunday), wards, MONDAY, 1, Map.of()), SlotPlanner.slots(List.of(sunday), wards, MONDAY, 1));
		plan.getSlots().forEach(s -> s.setOfficer(wantsSundays));
		RosterPlan solved = SolverFactory.<RosterPlan>create(RosterSolving.config(Duration.ofSeconds(5), Duration.ofSeconds(2)))
			.buildSolver()
			.solve(plan);
		assertThat(solved.getScore().hardScore()).isZero();
		assertThat(solved.getScore().mediumScore()).isZero();
		assertThat(solved.getSlots().get(0).getOfficer().personId()).isEqualTo(2);
	}

}
