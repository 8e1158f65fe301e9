package org.ringfence.shifts.domain;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftDesignerTest {

	static final java.util.List<String> NAMES = MsdSamples.NAMES;

	@ParameterizedTest
	@FieldSource("NAMES")
	void reachesTheReferenceFitnessWellUnderTenSeconds(String name) {
		MsdInstance instance = MsdParser.parse(MsdSamples.text(name));
		BigDecimal reference = instance.referenceFitness();
		long started = System.nanoTime();
		ShiftDesigner.Result result = ShiftDesigner.design(instance, ShiftDesigner.Options.of(9_000).withTarget(reference));
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println(name + ": cost " + result.evaluation().cost() + " (reference " + reference + ") in " + millis
				+ " ms, best at " + result.millisToBest() + " ms, " + result.moves() + " moves, bound "
				+ result.lowerBound() + ", shifts " + result.shifts());
		assertThat(result.evaluation().cost()).isLessThanOrEqualTo(reference);
		assertThat(millis).isLessThan(10_000);
	}

}
