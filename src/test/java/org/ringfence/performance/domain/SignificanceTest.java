package org.ringfence.performance.domain;

import org.junit.jupiter.api.Test;
import org.ringfence.performance.domain.Significance.Comparison;
import org.ringfence.performance.domain.Significance.Sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reference values come from scipy.stats.chi2_contingency(correction=False) on the 2x2 table,
 * which is the test R's prop.test(x, n, correct=FALSE) runs (X-squared = z squared), and from the C
 * library's erfc (Python's math.erfc).
 */
class SignificanceTest {

	final Significance test = new Significance(0.95, 10);

	@Test
	void flagsATenPointChangeOnSamplesOf400() {
		Comparison c = this.test.compare(new Sample(200, 400), new Sample(240, 400));
		assertThat(c.tested()).isTrue();
		assertThat(c.significant()).isTrue();
		assertThat(c.direction()).isEqualTo("up");
		assertThat(c.z() * c.z()).isCloseTo(8.080808080808081, within(1e-12));
		assertThat(c.pValue()).isCloseTo(0.004473649256611767, within(1e-15));
	}

	@Test
	void doesNotFlagAThreePointChangeOnSamplesOf100() {
		Comparison c = this.test.compare(new Sample(50, 100), new Sample(53, 100));
		assertThat(c.tested()).isTrue();
		assertThat(c.significant()).isFalse();
		assertThat(c.pValue()).isCloseTo(0.671233931920622, within(1e-14));
	}

	@Test
	void pValuesMatchTheReferenceComputation() {
		assertThat(this.test.compare(new Sample(1440, 2000), new Sample(1500, 2000)).pValue())
			.isCloseTo(0.03158804604289345, within(1e-15));
		assertThat(this.test.compare(new Sample(30, 60), new Sample(45, 70)).pValue())
			.isCloseTo(0.10026654182581855, within(1e-15));
		assertThat(this.test.compare(new Sample(600, 1000), new Sample(640, 1000)).pValue())
			.isCloseTo(0.06537114143717589, within(1e-15));
	}

	@Test
	void aFallIsFlaggedDown() {
		Comparison c = this.test.compare(new Sample(240, 400), new Sample(200, 400));
		assertThat(c.significant()).isTrue();
		assertThat(c.direction()).isEqualTo("down");
		assertThat(c.z()).isCloseTo(-2.8426762180748057, within(1e-12));
	}

	@Test
	void theConfidenceLevelDecides() {
		// p = 0.0316: significant at 95%, not at 99%
		assertThat(this.test.compare(new Sample(1440, 2000), new Sample(1500, 2000)).significant()).isTrue();
		assertThat(new Significance(0.99, 10).compare(new Sample(1440, 2000), new Sample(1500, 2000)).significant())
			.isFalse();
	}

	@Test
	void neverFlagsWhenTheSampleCannotSupportIt() {
		// 2 of 40 to 30 of 40 is a huge change, but the earlier sample has only 2 positives
		Comparison c = this.test.compare(new Sample(2, 40), new Sample(30, 40));
		assertThat(c.tested()).isFalse();
		assertThat(c.significant()).isFalse();
		assertThat(c.reason()).contains("sample too small").contains("2 positive");
		assertThat(c.pValue()).isNaN();
	}

	@Test
	void erfcMatchesKnownValues() {
		assertThat(Significance.erfc(0.5)).isCloseTo(0.4795001221869535, within(1e-15));
		assertThat(Significance.erfc(1)).isCloseTo(0.15729920705028513, within(1e-15));
		assertThat(Significance.erfc(2) / 0.004677734981047265).isCloseTo(1, within(1e-13));
		assertThat(Significance.erfc(1.5) / 0.033894853524689274).isCloseTo(1, within(1e-13));
		assertThat(Significance.erfc(3) / 2.2090496998585438e-05).isCloseTo(1, within(1e-13));
		assertThat(Significance.erfc(5) / 1.5374597944280351e-12).isCloseTo(1, within(1e-13));
		assertThat(Significance.erfc(8) / 1.1224297172982928e-29).isCloseTo(1, within(1e-13));
		assertThat(Significance.erfc(-1)).isCloseTo(2 - 0.15729920705028513, within(1e-15));
		assertThat(Significance.erfc(0)).isEqualTo(1.0);
	}

	@Test
	void normalCdfMatchesKnownValues() {
		assertThat(Significance.normalCdf(1.96)).isCloseTo(0.9750021048517795, within(1e-15));
		assertThat(Significance.normalCdf(-3.5) / 0.00023262907903552502).isCloseTo(1, within(1e-12));
		assertThat(Significance.normalCdf(0)).isEqualTo(0.5);
	}

	@Test
	void refusesAnImpossibleConfidenceLevel() {
		assertThatThrownBy(() -> new Significance(95, 10)).isInstanceOf(IllegalArgumentException.class);
	}

}
