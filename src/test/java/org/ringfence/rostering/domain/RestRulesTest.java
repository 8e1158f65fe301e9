package org.ringfence.rostering.domain;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestRulesTest {

	static final int WEEK = 7 * Slot.DAY;

	@Test
	void lateThenEarlyNextDayLeavesOnlyEightHoursRest() {
		// late 15:00-23:00 on day 0, early 07:00-15:00 on day 1: 8 hours' rest, 3 short
		assertThat(RestRules.restShortfall(15 * 60, 480, Slot.DAY + 7 * 60, 480, WEEK)).isEqualTo(180);
		// in either order
		assertThat(RestRules.restShortfall(Slot.DAY + 7 * 60, 480, 15 * 60, 480, WEEK)).isEqualTo(180);
	}

	@Test
	void elevenHoursExactlyIsEnough() {
		assertThat(RestRules.restShortfall(7 * 60, 480, Slot.DAY + 2 * 60, 480, WEEK)).isZero();
		assertThat(RestRules.restShortfall(7 * 60, 480, Slot.DAY + 7 * 60, 480, WEEK)).isZero();
	}

	@Test
	void theCycleWrapsFromItsLastDayToItsFirst() {
		// a late on the last day (day 6) and an early on day 0 of the next cycle
		assertThat(RestRules.restShortfall(6 * Slot.DAY + 15 * 60, 480, 7 * 60, 480, WEEK)).isEqualTo(180);
	}

	@Test
	void twoToursAtOnceAreShortByTheirLengthAndTheRest() {
		assertThat(RestRules.restShortfall(7 * 60, 480, 7 * 60, 480, WEEK)).isEqualTo(480 + 660);
	}

	@Test
	void sixDaysInARowAreAllowedSevenAreNot() {
		assertThat(RestRules.excessConsecutiveDays(Set.of(0, 1, 2, 3, 4, 5), 14)).isZero();
		assertThat(RestRules.excessConsecutiveDays(Set.of(0, 1, 2, 3, 4, 5, 6), 14)).isEqualTo(1);
		assertThat(RestRules.excessConsecutiveDays(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8), 14)).isEqualTo(3);
	}

	@Test
	void aRunMayWrapRoundTheCycle() {
		// days 11, 12, 13 then 0, 1, 2, 3: seven in a row across the end of a two-week cycle
		assertThat(RestRules.excessConsecutiveDays(Set.of(11, 12, 13, 0, 1, 2, 3), 14)).isEqualTo(1);
		assertThat(RestRules.excessConsecutiveDays(Set.of(12, 13, 0, 1, 2, 3), 14)).isZero();
	}

	@Test
	void twoRestDaysAWeekOnAverage() {
		assertThat(RestRules.excessWorkingDays(10, 2)).isZero();
		assertThat(RestRules.excessWorkingDays(11, 2)).isEqualTo(1);
	}

}
