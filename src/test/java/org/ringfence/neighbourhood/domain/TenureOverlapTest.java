package org.ringfence.neighbourhood.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenureOverlapTest {

	static final LocalDate TODAY = LocalDate.of(2034, 6, 1);

	@Test
	void membersTwoToThreeYearsInPostAtOnceWithinTheYear() {
		// A enters 2-3 years in Sep 2034, B is in it now until Jan 2035, C enters in Feb 2035: A and B overlap, then A and C
		List<LocalDate> starts = List.of(LocalDate.of(2032, 9, 1), LocalDate.of(2032, 1, 1), LocalDate.of(2033, 2, 1));
		TenureOverlap.Peak peak = TenureOverlap.peak(starts, 2, 3, TODAY, TODAY.plusYears(1).minusDays(1));
		assertThat(peak.members()).isEqualTo(2);
		assertThat(peak.on()).isEqualTo(LocalDate.of(2034, 9, 1));
	}

	@Test
	void nobodyInTheWindowAndLeavingIsExclusive() {
		assertThat(TenureOverlap.peak(List.of(LocalDate.of(2034, 1, 1)), 2, 3, TODAY, TODAY.plusYears(1)).members()).isZero();
		// three years in post on 1 June 2034: out of the window that day
		assertThat(TenureOverlap.peak(List.of(LocalDate.of(2031, 6, 1)), 2, 3, TODAY, TODAY).members()).isZero();
		assertThat(TenureOverlap.peak(List.of(LocalDate.of(2031, 6, 2)), 2, 3, TODAY, TODAY).members()).isEqualTo(1);
	}

	@Test
	void bandsOfTimeInPost() {
		assertThat(TenureOverlap.band(TODAY.minusMonths(11), TODAY)).isZero();
		assertThat(TenureOverlap.band(TODAY.minusYears(1), TODAY)).isEqualTo(1);
		assertThat(TenureOverlap.band(TODAY.minusYears(2).minusDays(1), TODAY)).isEqualTo(2);
		assertThat(TenureOverlap.band(TODAY.minusYears(3), TODAY)).isEqualTo(3);
	}

}
