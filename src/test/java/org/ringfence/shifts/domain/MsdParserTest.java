package org.ringfence.shifts.domain;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MsdParserTest {

	static final List<String> NAMES = MsdSamples.NAMES;

	static final String SMALL = """
			#MinuteInterval:
			120

			#DaysPerCycle:
			2

			#FlagCyclical: yes or no
			%s

			#Requirements:
			0 0 0 2 2 2 0 0 0 0 0 1
			0 0 0 2 2 2 0 0 0 0 0 1

			#Number of shift templates
			2

			#Shift templates
			#Abbr, Full name, Start, + Minutes,  -Minutes, Length, +Minutes, -Minutes, available days
			D Day shift 6:0 0 0 360 0 0 *
			N Night 22:0 0 0 240 120 0 *

			# Weights about the criteria
			#UnderCover:
			2

			#Overcover:
			1

			#DutiesPerWeek:
			0

			#Shifts:
			5
			""";

	@Test
	void readsEverySectionOfASample() {
		MsdInstance instance = MsdParser.parse(MsdSamples.text("DataSet1-RandomExample2.txt"));
		assertThat(instance.minuteInterval()).isEqualTo(30);
		assertThat(instance.days()).isEqualTo(7);
		assertThat(instance.cyclic()).isTrue();
		assertThat(instance.slots()).isEqualTo(7 * 48);
		assertThat(instance.requirement(10)).isEqualTo(6);
		assertThat(instance.templates()).hasSize(4);
		ShiftTemplate early = instance.templates().get(0);
		assertThat(early.abbreviation()).isEqualTo("F");
		assertThat(early.earliestStart()).isEqualTo(5 * 60);
		assertThat(early.latestStart()).isEqualTo(8 * 60);
		assertThat(early.shortest()).isEqualTo(420);
		assertThat(early.longest()).isEqualTo(540);
		assertThat(instance.dutiesLower()).isEqualTo(3);
		assertThat(instance.dutiesUpper()).isEqualTo(5);
		assertThat(instance.averageHoursPerWeek()).isEqualByComparingTo("38.5");
		assertThat(instance.weights().shifts()).isEqualByComparingTo("30");
		assertThat(instance.weights().dutiesPerWeek()).isEqualByComparingTo("0");
		assertThat(instance.referenceFitness()).isEqualByComparingTo("300");
		assertThat(instance.referenceSolution()).hasSize(11);
		assertThat(instance.referenceSolution().get(0))
			.isEqualTo(new MsdShift(6 * 60 + 30, 450, new int[] { 2, 2, 2, 2, 4, 2, 2 }));
	}

	@ParameterizedTest
	@FieldSource("NAMES")
	void evaluatorReproducesTheEmbeddedReferenceCostExactly(String name) {
		MsdInstance instance = MsdParser.parse(MsdSamples.text(name));
		assertThat(MsdEvaluator.problems(instance, instance.referenceSolution())).isEmpty();
		MsdEvaluation evaluation = MsdEvaluator.evaluate(instance, instance.referenceSolution());
		assertThat(evaluation.cost()).isEqualTo(instance.referenceFitness());
		assertThat(evaluation.shortageMinutes()).isZero();
		assertThat(evaluation.excessMinutes()).isZero();
	}

	@Test
	void costCountsMinutesOfShortageAndExcessWithTheirWeightsAndOnlyUsedShifts() {
		MsdInstance instance = MsdParser.parse(SMALL.formatted("yes"));
		// a day shift 06:00-12:00 with 1 worker on day 1 and 3 on day 2; a night 22:00-02:00 (wraps) with 1 on day 2;
		// an unused shift that does not count
		List<MsdShift> shifts = List.of(new MsdShift(360, 360, new int[] { 1, 3 }),
				new MsdShift(22 * 60, 240, new int[] { 0, 1 }), new MsdShift(360, 360, new int[] { 0, 0 }));
		MsdEvaluation e = MsdEvaluator.evaluate(instance, shifts);
		// day 1: slots 3..5 need 2, have 1 -> 3 slots x 1 x 120 = 360 short; slot 11 needs 1, has 0 -> 120 short
		// day 2: slots 3..5 need 2, have 3 -> 360 excess; slot 11 has the night -> ok; it wraps to day 1 slot 0 -> 120 excess
		assertThat(e.shortageMinutes()).isEqualTo(480);
		assertThat(e.excessMinutes()).isEqualTo(480);
		assertThat(e.shiftsUsed()).isEqualTo(2);
		assertThat(e.cost()).isEqualTo(new BigDecimal("1450")); // 2*480 + 1*480 + 5*2
		assertThat(e.coverage()[0]).isEqualTo(1);
	}

	@Test
	void aNonCyclicInstanceDropsWhatRunsPastTheEnd() {
		MsdInstance instance = MsdParser.parse(SMALL.formatted("no"));
		List<MsdShift> shifts = List.of(new MsdShift(22 * 60, 240, new int[] { 0, 1 }));
		MsdEvaluation e = MsdEvaluator.evaluate(instance, shifts);
		assertThat(e.coverage()[0]).isZero();
		assertThat(e.excessMinutes()).isZero();
	}

	@Test
	void aSolutionOutsideTheTemplatesIsRefused() {
		MsdInstance instance = MsdParser.parse(SMALL.formatted("yes"));
		assertThat(MsdEvaluator.problems(instance, List.of(new MsdShift(8 * 60, 360, new int[] { 1, 0 }))))
			.singleElement()
			.asString()
			.contains("fits no shift template");
		assertThat(MsdEvaluator.problems(instance, List.of(new MsdShift(7 * 60, 360, new int[] { 1, 0 }))))
			.singleElement()
			.asString()
			.contains("120-minute slot grid");
	}

	@Test
	void writerOutputReadsBackToTheSameInstanceAndSolution() {
		MsdInstance instance = MsdParser.parse(MsdSamples.text("DataSet1-RandomExample1.txt"));
		String text = MsdWriter.instance(instance, instance.referenceFitness(), instance.referenceSolution());
		MsdInstance again = MsdParser.parse(text);
		assertThat(again.requirements()).isEqualTo(instance.requirements());
		assertThat(again.templates()).isEqualTo(instance.templates());
		assertThat(again.referenceSolution()).isEqualTo(instance.referenceSolution());
		assertThat(again.referenceFitness()).isEqualTo(instance.referenceFitness());
		assertThat(MsdParser.solution(MsdWriter.solution(BigDecimal.ONE, instance.referenceSolution()), 7, 60))
			.isEqualTo(instance.referenceSolution());
	}

	@Test
	void badInstancesNameTheLineAndTheReason() {
		String good = SMALL.formatted("yes");
		assertLine(good.replace("0 0 0 2 2 2 0 0 0 0 0 1\n0 0 0", "0 0 0 2 2 2 0 0 0 0 0 1\n0 0"), 12,
				"expected 24 requirement values (2 days x 12 slots of 120 minutes), found 23");
		assertLine(good.replace("0 0 0 2 2 2 0 0 0 0 0 1\n0", "0 0 0 2 -2 2 0 0 0 0 0 1\n0"), 11, "cannot be negative");
		assertLine(good.replace("D Day shift 6:0", "D Day shift 6:75"), 19, "bad start time '6:75'");
		assertLine(good.replace("N Night 22:0 0 0 240", "N Night 22:0 0 -5 240"), 20, "cannot be negative");
		assertLine(good.replace("120\n", "7\n"), 2, "must divide a day");
		assertLine(good.replace("#Number of shift templates\n2", "#Number of shift templates\n3"), 20,
				"says 3, found 2");
		assertLine(good.replace("\nyes\n", "\nperhaps\n"), 8, "yes or no");
		assertLine(good.replace("#Shifts:\n5", "#Shifts:\nfive"), 33, "must be a number");
		assertLine("60\n" + good, 1, "data outside any section");
		assertThatThrownBy(() -> MsdParser.parse(good.replace("#UnderCover:\n2", "")))
			.isInstanceOf(MsdFormatException.class)
			.hasMessageContaining("missing section #UnderCover");
	}

	private static void assertLine(String text, int line, String reason) {
		assertThatThrownBy(() -> MsdParser.parse(text)).isInstanceOfSatisfying(MsdFormatException.class, ex -> {
			assertThat(ex.reason()).contains(reason);
			assertThat(ex.line()).isEqualTo(line);
		});
	}

}
