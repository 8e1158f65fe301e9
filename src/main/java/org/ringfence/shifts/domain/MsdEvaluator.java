package org.ringfence.shifts.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Computes a solution's coverage and cost exactly as the Minimum Shift Design format defines it. */
public final class MsdEvaluator {

	private MsdEvaluator() {
	}

	/** Workers on duty in each slot: a shift started on day d covers its slots from d's start time, wrapping past the cycle's end only when cyclic. */
	public static int[] coverage(MsdInstance instance, List<MsdShift> shifts) {
		int slots = instance.slots();
		int interval = instance.minuteInterval();
		int[] coverage = new int[slots];
		for (MsdShift shift : shifts) {
			int startSlot = shift.startMinute() / interval;
			int length = shift.lengthMinutes() / interval;
			for (int d = 0; d < instance.days(); d++) {
				int w = shift.workersOn(d);
				if (w == 0) {
					continue;
				}
				int first = d * instance.slotsPerDay() + startSlot;
				for (int k = 0; k < length; k++) {
					int t = first + k;
					if (t >= slots) {
						if (!instance.cyclic()) {
							break;
						}
						t %= slots;
					}
					coverage[t] += w;
				}
			}
		}
		return coverage;
	}

	public static MsdEvaluation evaluate(MsdInstance instance, List<MsdShift> shifts) {
		List<String> problems = problems(instance, shifts);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		int[] coverage = coverage(instance, shifts);
		long shortage = 0;
		long excess = 0;
		for (int t = 0; t < coverage.length; t++) {
			int gap = instance.requirement(t) - coverage[t];
			if (gap > 0) {
				shortage += (long) gap * instance.minuteInterval();
			}
			else {
				excess += (long) -gap * instance.minuteInterval();
			}
		}
		int used = (int) shifts.stream().filter(MsdShift::used).count();
		MsdWeights w = instance.weights();
		BigDecimal cost = w.underCover()
			.multiply(BigDecimal.valueOf(shortage))
			.add(w.overCover().multiply(BigDecimal.valueOf(excess)))
			.add(w.shifts().multiply(BigDecimal.valueOf(used)));
		return new MsdEvaluation(plain(cost), shortage, excess, used, coverage);
	}

	/** A cost without trailing zeros (480, not 480.00). */
	public static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	/**
	 * Why a solution does not fit its instance: wrong number of days, a start or length off the slot
	 * grid, a shift no template admits, or workers on a day the admitting templates are not available.
	 * Each problem names the shift by its 1-based position.
	 */
	public static List<String> problems(MsdInstance instance, List<MsdShift> shifts) {
		List<String> problems = new ArrayList<>();
		int interval = instance.minuteInterval();
		for (int i = 0; i < shifts.size(); i++) {
			MsdShift s = shifts.get(i);
			String name = "shift " + (i + 1) + " (" + MsdTimes.clock(s.startMinute()) + ", " + s.lengthMinutes()
					+ " minutes)";
			if (s.workersPerDay().length != instance.days()) {
				problems.add(name + " has " + s.workersPerDay().length + " workers-per-day values, the cycle has "
						+ instance.days() + " days");
				continue;
			}
			if (s.startMinute() % interval != 0 || s.lengthMinutes() % interval != 0) {
				problems.add(name + " is not on the " + interval + "-minute slot grid");
				continue;
			}
			if (!s.used()) {
				continue;
			}
			List<ShiftTemplate> admitting = instance.templates()
				.stream()
				.filter(t -> t.admits(s.startMinute(), s.lengthMinutes()))
				.toList();
			if (admitting.isEmpty()) {
				problems.add(name + " fits no shift template's start and length windows");
				continue;
			}
			for (int d = 0; d < instance.days(); d++) {
				int day = d;
				if (s.workersOn(d) > 0 && admitting.stream().noneMatch(t -> t.availableOn(day))) {
					problems.add(name + " has workers on day " + (d + 1) + ", when no template admitting it is available");
				}
			}
		}
		return problems;
	}

}
