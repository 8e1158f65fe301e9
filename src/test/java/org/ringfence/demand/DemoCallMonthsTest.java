package org.ringfence.demand;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic calls of the demo fill the last twelve complete months, one source month each. */
class DemoCallMonthsTest {

	@Test
	void eachMonthOfTheCountsYearLandsOnTheSameCalendarMonthOfTheRecentYear() {
		YearMonth lastComplete = YearMonth.of(2026, 10);
		Set<YearMonth> targets = new HashSet<>();
		for (YearMonth m = YearMonth.of(2021, 4); !m.isAfter(YearMonth.of(2022, 3)); m = m.plusMonths(1)) {
			YearMonth target = DemoCallLoader.recentMonth(m, lastComplete);
			assertThat(target.getMonth()).isEqualTo(m.getMonth());
			assertThat(target).isBetween(YearMonth.of(2025, 11), lastComplete);
			targets.add(target);
		}
		assertThat(targets).hasSize(12);
		assertThat(DemoCallLoader.recentMonth(YearMonth.of(2021, 10), lastComplete)).isEqualTo(YearMonth.of(2026, 10));
		assertThat(DemoCallLoader.recentMonth(YearMonth.of(2021, 11), lastComplete)).isEqualTo(YearMonth.of(2025, 11));
	}

}
