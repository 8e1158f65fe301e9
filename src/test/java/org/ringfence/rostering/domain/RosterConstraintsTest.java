package org.ringfence.rostering.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.ringfence.shifts.RosterRole;

import static org.assertj.core.api.Assertions.assertThat;

class RosterConstraintsTest {

	static final LocalDate MONDAY = LocalDate.of(2034, 3, 6);

	final ConstraintVerifier<RosterConstraints, RosterPlan> verifier = ConstraintVerifier.build(new RosterConstraints(),
			RosterPlan.class, Slot.class);

	static Officer officer(long id, RosterRole role, String ward, Officer.Absence... absences) {
		return new Officer(id, "Officer " + id, role, Optional.ofNullable(ward), List.of(absences));
	}

	static Slot slot(String id, int day, int weeks, int hour, int lengthMinutes, RosterRole role, String ward, Officer officer) {
		Slot slot = new Slot(id, day, weeks * 7, MONDAY.plusDays(day), LocalTime.of(hour, 0), lengthMinutes, role, ward);
		slot.setOfficer(officer);
		return slot;
	}

	@Test
	void aLateThenAnEarlyBreaksTheElevenHours() {
		Officer a = officer(1, RosterRole.CONSTABLE, "W1");
		Slot late = slot("late", 0, 1, 15, 480, RosterRole.CONSTABLE, "W1", a);
		Slot early = slot("early", 1, 1, 7, 480, RosterRole.CONSTABLE, "W1", a);
		this.verifier.verifyThat(RosterConstraints::rest).given(late, early).penalizesBy(1 + 180 / 60);
		Slot nextLate = slot("late2", 1, 1, 15, 480, RosterRole.CONSTABLE, "W1", a);
		this.verifier.verifyThat(RosterConstraints::rest).given(late, nextLate).penalizesBy(0);
	}

	@Test
	void aDutyTheDayBeforeTheRosterCountsForTheElevenHours() {
		// a late tour 15:00-23:00 on the Sunday before the roster: ends 60 minutes before the first midnight
		Officer a = new Officer(1, "A", RosterRole.CONSTABLE, Optional.of("W1"), List.of(),
				List.of(new Officer.Prior("SN_WARD", -60)));
		// Monday 07:00 leaves 8 hours: 3 hours short
		this.verifier.verifyThat(RosterConstraints::restBefore)
			.given(slot("early", 0, 1, 7, 480, RosterRole.CONSTABLE, "W1", a))
			.penalizesBy(1 + 180 / 60);
		// Monday 10:00 leaves exactly 11 hours
		this.verifier.verifyThat(RosterConstraints::restBefore)
			.given(slot("day", 0, 1, 10, 480, RosterRole.CONSTABLE, "W1", a))
			.penalizesBy(0);
		// an officer with nothing before the roster
		this.verifier.verifyThat(RosterConstraints::restBefore)
			.given(slot("early", 0, 1, 7, 480, RosterRole.CONSTABLE, "W1", officer(2, RosterRole.CONSTABLE, "W1")))
			.penalizesBy(0);
		assertThat(a.restShortAfterPriors(7 * 60)).isEqualTo(180);
		// a night tour running into the first day overlaps a 05:00 start: the overlap plus 11 hours
		Officer night = new Officer(3, "N", RosterRole.CONSTABLE, Optional.of("W1"), List.of(),
				List.of(new Officer.Prior("SN_WARD", 6 * 60)));
		assertThat(night.restShortAfterPriors(5 * 60)).isEqualTo(60 + 11 * 60);
	}

	@Test
	void sevenDaysInARowBreakTheRestDayRule() {
		Officer a = officer(1, RosterRole.CONSTABLE, "W1");
		List<Object> slots = new ArrayList<>();
		for (int day = 0; day < 7; day++) {
			slots.add(slot("d" + day, day, 2, 7, 480, RosterRole.CONSTABLE, "W1", a));
		}
		this.verifier.verifyThat(RosterConstraints::consecutiveDays).given(slots.toArray()).penalizesBy(1);
		this.verifier.verifyThat(RosterConstraints::consecutiveDays).given(slots.subList(0, 6).toArray()).penalizesBy(0);
	}

	@Test
	void sixDaysAWeekBreakTheAverageOfTwoRestDays() {
		Officer a = officer(1, RosterRole.CONSTABLE, "W1");
		List<Object> slots = new ArrayList<>();
		for (int day : new int[] { 0, 1, 2, 3, 4, 5 }) {
			slots.add(slot("d" + day, day, 1, 7, 480, RosterRole.CONSTABLE, "W1", a));
		}
		this.verifier.verifyThat(RosterConstraints::averageRest).given(slots.toArray()).penalizesBy(1);
	}

	@Test
	void leaveIsKept() {
		Officer onLeave = officer(1, RosterRole.CONSTABLE, "W1", new Officer.Absence("AL", 2, 2 * Slot.DAY + 7 * 60,
				2 * Slot.DAY + 15 * 60));
		this.verifier.verifyThat(RosterConstraints::absence)
			.given(slot("d2", 2, 1, 15, 480, RosterRole.CONSTABLE, "W1", onLeave))
			.penalizesBy(10);
		this.verifier.verifyThat(RosterConstraints::absence)
			.given(slot("d3", 3, 1, 7, 480, RosterRole.CONSTABLE, "W1", onLeave))
			.penalizesBy(0);
	}

	@Test
	void aPcsoCannotFillAConstablesTour() {
		Officer pcso = officer(1, RosterRole.PCSO, "W1");
		this.verifier.verifyThat(RosterConstraints::rightRole)
			.given(slot("d0", 0, 1, 7, 480, RosterRole.CONSTABLE, "W1", pcso))
			.penalizesBy(10);
	}

	@Test
	void eachWardKeepsItsRingFenceMinimum() {
		Officer a = officer(1, RosterRole.CONSTABLE, "W1");
		RingFenceNeed w1 = new RingFenceNeed("W1", 0, MONDAY, RosterRole.CONSTABLE, 1);
		RingFenceNeed w2 = new RingFenceNeed("W2", 0, MONDAY, RosterRole.CONSTABLE, 1);
		Slot filled = slot("a", 0, 1, 7, 480, RosterRole.CONSTABLE, "W1", a);
		Slot unfilled = slot("b", 0, 1, 7, 480, RosterRole.CONSTABLE, "W2", null);
		this.verifier.verifyThat(RosterConstraints::ringFence).given(w1, w2, filled, unfilled).penalizesBy(1);
	}

	@Test
	void anUnfilledSlotIsAMediumViolation() {
		this.verifier.verifyThat(RosterConstraints::unfilled)
			.given(slot("b", 0, 1, 7, 480, RosterRole.CONSTABLE, "W2", null))
			.penalizesBy(1);
	}

	@Test
	void officersAwayFromTheirOwnWardCostSoftly() {
		Officer a = officer(1, RosterRole.CONSTABLE, "W1");
		this.verifier.verifyThat(RosterConstraints::ownWard)
			.given(slot("a", 0, 1, 7, 480, RosterRole.CONSTABLE, "W2", a), slot("b", 1, 1, 7, 480, RosterRole.CONSTABLE, "W1", a))
			.penalizesBy(RosterConstraints.OWN_WARD_WEIGHT);
	}

}
