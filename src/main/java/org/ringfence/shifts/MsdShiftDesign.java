package org.ringfence.shifts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.ringfence.platform.InvalidInput;
import org.ringfence.shifts.domain.MsdEvaluation;
import org.ringfence.shifts.domain.MsdEvaluator;
import org.ringfence.shifts.domain.MsdFormatException;
import org.ringfence.shifts.domain.MsdInstance;
import org.ringfence.shifts.domain.MsdParser;
import org.ringfence.shifts.domain.MsdShift;
import org.ringfence.shifts.domain.MsdTimes;
import org.ringfence.shifts.domain.ShiftDesigner;

/**
 * Shift design on Minimum Shift Design instances (text in the TU Wien DBAI format): design within a
 * time limit, or evaluate a given solution. Pure computation, no Spring and no database, so the
 * command line uses it too. Bad input becomes {@link InvalidInput} naming the line.
 */
public final class MsdShiftDesign {

	public static final int MIN_SECONDS = 1;

	public static final int MAX_SECONDS = 60;

	/** Largest instance text accepted (characters). */
	public static final int MAX_CHARS = 1_000_000;

	private MsdShiftDesign() {
	}

	public static MsdReport design(String instanceText, int seconds) {
		return design(instanceText, seconds * 1000L, 42L);
	}

	public static MsdReport design(String instanceText, long millis, long seed) {
		MsdInstance instance = parse(instanceText);
		ShiftDesigner.Result result = ShiftDesigner.design(instance, ShiftDesigner.Options.of(millis).withSeed(seed));
		MsdEvaluation e = result.evaluation();
		return new MsdReport(e.cost(), e.shortageMinutes(), e.excessMinutes(), e.shiftsUsed(), result.provenOptimal(),
				MsdEvaluator.plain(BigDecimal.valueOf(result.lowerBound()).setScale(6, RoundingMode.HALF_UP)),
				result.millis(), result.moves(), shifts(result.shifts()));
	}

	/** Evaluates the solution section the text carries (as the samples end). */
	public static MsdReport evaluate(String instanceText) {
		MsdInstance instance = parse(instanceText);
		if (instance.referenceSolution() == null) {
			throw new InvalidInput("the instance carries no solution to evaluate",
					List.of(new InvalidInput.FieldError("solution",
							"Add a solution section (#Shift Start Length Duties: then one line per shift) or post JSON {instance, shifts}")));
		}
		return evaluate(instance, instance.referenceSolution());
	}

	/** Evaluates the given shifts (start "H:MM", length in minutes, workers per day) against the instance. */
	public static MsdReport evaluate(String instanceText, List<DesignedShift> shifts) {
		MsdInstance instance = parse(instanceText);
		List<MsdShift> solution = new ArrayList<>();
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		for (int i = 0; i < (shifts == null ? 0 : shifts.size()); i++) {
			DesignedShift s = shifts.get(i);
			int start = s.start() == null ? -1 : MsdTimes.parse(s.start());
			if (start < 0 || s.lengthMinutes() <= 0 || s.workersPerDay() == null
					|| java.util.Arrays.stream(s.workersPerDay()).anyMatch(w -> w < 0)) {
				errors.add(new InvalidInput.FieldError("shifts[" + i + "]",
						"needs start HH:MM, a positive lengthMinutes and workersPerDay of non-negative numbers"));
				continue;
			}
			solution.add(new MsdShift(start % 1440, s.lengthMinutes(), s.workersPerDay()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("the shifts cannot be read", errors);
		}
		return evaluate(instance, solution);
	}

	private static MsdReport evaluate(MsdInstance instance, List<MsdShift> solution) {
		List<String> problems = MsdEvaluator.problems(instance, solution);
		if (!problems.isEmpty()) {
			throw new InvalidInput("the solution does not fit the instance",
					problems.stream().map(p -> new InvalidInput.FieldError("shifts", p)).toList());
		}
		MsdEvaluation e = MsdEvaluator.evaluate(instance, solution);
		return new MsdReport(e.cost(), e.shortageMinutes(), e.excessMinutes(), e.shiftsUsed(), null, null, null, null,
				shifts(solution));
	}

	public static MsdInstance parse(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInput("empty instance",
					List.of(new InvalidInput.FieldError("line 1", "the body is empty: post the instance text")));
		}
		if (text.length() > MAX_CHARS) {
			throw new InvalidInput("instance too large",
					List.of(new InvalidInput.FieldError("body", "at most " + MAX_CHARS + " characters")));
		}
		try {
			return MsdParser.parse(text);
		}
		catch (MsdFormatException ex) {
			throw new InvalidInput(ex.getMessage(), List.of(
					new InvalidInput.FieldError(ex.line() > 0 ? "line " + ex.line() : "instance", ex.reason())));
		}
	}

	static List<DesignedShift> shifts(List<MsdShift> shifts) {
		return shifts.stream()
			.map(s -> new DesignedShift(MsdTimes.clock(s.startMinute()), s.lengthMinutes(), s.workersPerDay()))
			.toList();
	}

}
