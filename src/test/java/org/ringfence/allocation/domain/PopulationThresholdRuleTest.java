package org.ringfence.allocation.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PopulationThresholdRuleTest {

	static final int NO_CAP = ApportionmentProblem.NO_CAP;

	@Test
	void wardsOverTheThresholdShareWhatIsLeftEquallyTheMostPopulousFirst() {
		int[] populations = { 15_000, 9_000, 14_000, 16_500, 14_001 };
		PopulationThresholdRule.Result result = PopulationThresholdRule.apply(populations, 18, new int[] { 2, 2, 2, 2, 2 },
				new int[] { NO_CAP, NO_CAP, NO_CAP, NO_CAP, NO_CAP }, PopulationThresholdRule.THRESHOLD_2007);
		// 8 left for the 3 wards over 14,000 (14,000 itself is not over): 3, 3, 2 by population
		assertThat(result.seats()).containsExactly(5, 2, 2, 5, 4);
		assertThat(result.enhanced()).isEqualTo(3);
		assertThat(result.unplaced()).isZero();
	}

	@Test
	void whatNoEnhancedWardCanTakeIsUnplaced() {
		PopulationThresholdRule.Result none = PopulationThresholdRule.apply(new int[] { 9_000, 12_000 }, 6,
				new int[] { 2, 2 }, new int[] { NO_CAP, NO_CAP }, 14_000);
		assertThat(none.seats()).containsExactly(2, 2);
		assertThat(none.unplaced()).isEqualTo(2);
		PopulationThresholdRule.Result capped = PopulationThresholdRule.apply(new int[] { 20_000, 12_000 }, 8,
				new int[] { 2, 2 }, new int[] { 3, NO_CAP }, 14_000);
		assertThat(capped.seats()).containsExactly(3, 2);
		assertThat(capped.unplaced()).isEqualTo(3);
	}

}
