package org.ringfence.performance.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DiagnosticsTest {

	@Test
	void ranksRisingDemandLowActivityAndLowVisibilityFirst() {
		List<Diagnostics.Indicator> ranked = Diagnostics.rank(List.of(
				new Diagnostics.Input("W1", "Steady", 300, 300, 100, 0.9),
				new Diagnostics.Input("W2", "Struggling", 450, 300, 20, 0.6),
				new Diagnostics.Input("W3", "Improving", 200, 300, 120, 0.95)));
		assertThat(ranked).extracting(Diagnostics.Indicator::wardCode).containsExactly("W2", "W1", "W3");
		assertThat(ranked.get(0).rank()).isEqualTo(1);
		assertThat(ranked.get(0).demandTrend()).isCloseTo(0.5, within(1e-9));
		assertThat(ranked.get(0).activityPerDemand()).isCloseTo(20 / 150.0, within(1e-4));
	}

	@Test
	void theScoreFollowsTheStatedFormula() {
		// two wards: z-scores are +1 and -1 for each indicator that differs
		List<Diagnostics.Indicator> ranked = Diagnostics.rank(List.of(new Diagnostics.Input("A", "A", 300, 300, 100, 0.8),
				new Diagnostics.Input("B", "B", 300, 300, 100, 0.6)));
		// same trend and activity: only visibility differs, z(V) = +1 for A, -1 for B
		assertThat(ranked.get(0).wardCode()).isEqualTo("B");
		assertThat(ranked.get(0).score()).isEqualTo(1.0);
		assertThat(ranked.get(1).score()).isEqualTo(-1.0);
	}

	@Test
	void unknownDemandAndVisibilityCountAsAverage() {
		List<Diagnostics.Indicator> ranked = Diagnostics.rank(List.of(new Diagnostics.Input("A", "A", 0, 0, 10, null),
				new Diagnostics.Input("B", "B", 0, 0, 10, null)));
		assertThat(ranked).allSatisfy(i -> {
			assertThat(i.score()).isEqualTo(0.0);
			assertThat(i.demandTrend()).isNull();
		});
		assertThat(ranked).extracting(Diagnostics.Indicator::wardCode).containsExactly("A", "B");
	}

}
