package org.ringfence.shifts.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the Minimum Shift Design instance reader (under {@code POST /api/v1/shift-design/msd} and
 * the command line). Under plain JUnit it replays {@code MsdParserFuzzTestInputs/instances}; with
 * {@code JAZZER_FUZZ=1} it fuzzes. Property: the only exception is {@link MsdFormatException} (a 400
 * naming the line); an instance that reads has consistent sizes, and its embedded reference
 * solution (if any) evaluates without an exception.
 */
class MsdParserFuzzTest {

	@FuzzTest(maxDuration = "60s")
	void instances(FuzzedDataProvider data) {
		String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
		MsdInstance instance;
		try {
			instance = MsdParser.parse(text);
		}
		catch (MsdFormatException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			return;
		}
		assertThat(instance.days()).isPositive();
		assertThat(instance.minuteInterval()).isPositive();
		assertThat(instance.requirements().length).isEqualTo(instance.days() * 1440 / instance.minuteInterval());
		for (int required : instance.requirements()) {
			assertThat(required).isNotNegative();
		}
		List<MsdShift> reference = instance.referenceSolution();
		if (reference != null && !reference.isEmpty() && MsdEvaluator.problems(instance, reference).isEmpty()) {
			assertThat(MsdEvaluator.evaluate(instance, reference).cost().signum()).isNotNegative();
		}
	}

}
