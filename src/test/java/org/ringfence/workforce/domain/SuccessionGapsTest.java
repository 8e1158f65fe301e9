package org.ringfence.workforce.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ringfence.workforce.domain.SuccessionGaps.Gap;
import org.ringfence.workforce.domain.SuccessionGaps.Span;

import static org.assertj.core.api.Assertions.assertThat;

class SuccessionGapsTest {

	static final LocalDate FROM = LocalDate.of(2024, 1, 1);

	static final LocalDate TO = LocalDate.of(2025, 1, 1);

	@Test
	void aTeamAtStrengthThroughoutHasNoGap() {
		List<Span> spans = List.of(new Span(LocalDate.of(2020, 1, 1), null), new Span(LocalDate.of(2021, 1, 1), null));
		assertThat(SuccessionGaps.find(spans, 2, FROM, TO)).isEmpty();
	}

	@Test
	void aLeaverReplacedLateLeavesAGapUntilTheSuccessorStarts() {
		List<Span> spans = List.of(new Span(LocalDate.of(2020, 1, 1), null),
				new Span(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 3, 1)), new Span(LocalDate.of(2024, 5, 1), null));
		assertThat(SuccessionGaps.find(spans, 2, FROM, TO))
			.containsExactly(new Gap(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 5, 1), 1, 2));
		assertThat(SuccessionGaps.find(spans, 2, FROM, TO).get(0).days()).isEqualTo(61);
	}

	@Test
	void aSeamlessHandoverIsNoGap() {
		List<Span> spans = List.of(new Span(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 6, 1)),
				new Span(LocalDate.of(2024, 6, 1), null));
		assertThat(SuccessionGaps.find(spans, 1, FROM, TO)).isEmpty();
	}

	@Test
	void nobodyInPostIsAGapOfZeroStrength() {
		assertThat(SuccessionGaps.find(List.of(), 1, FROM, TO)).containsExactly(new Gap(FROM, TO, 0, 1));
	}

	@Test
	void tenureReadsInYearsAndMonths() {
		assertThat(Tenure.describe(LocalDate.of(2022, 8, 23), LocalDate.of(2026, 11, 23))).isEqualTo("4 years 3 months");
		assertThat(Tenure.describe(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23))).isEqualTo("3 days");
		assertThat(Tenure.describe(LocalDate.of(2025, 11, 23), LocalDate.of(2026, 11, 23))).isEqualTo("1 year");
	}

}
