package org.ringfence.shifts.domain;

import java.math.BigDecimal;
import java.util.List;

/** Writes a solution in the format's solution section (the parser reads it back, commented or not). */
public final class MsdWriter {

	private MsdWriter() {
	}

	/** The fitness and solution sections, as the sample files end. */
	public static String solution(BigDecimal fitness, List<MsdShift> shifts) {
		StringBuilder out = new StringBuilder();
		out.append("#Fitness of assumed optimal Solution:\n# ").append(fitness.toPlainString()).append("\n\n");
		out.append("#Optimal Solution:\n#Shift Start Length Duties:\n");
		int n = 1;
		for (MsdShift shift : shifts) {
			out.append("# ").append(n++).append(":  ").append(MsdTimes.format(shift.startMinute())).append("    ")
				.append(shift.lengthMinutes()).append("      ");
			for (int w : shift.workersPerDay()) {
				out.append(' ').append(w);
			}
			out.append('\n');
		}
		return out.toString();
	}

	/** An instance with the given solution appended (any solution it carried replaced). */
	public static String instance(MsdInstance instance, BigDecimal fitness, List<MsdShift> shifts) {
		StringBuilder out = new StringBuilder();
		out.append("#MinuteInterval:\n").append(instance.minuteInterval()).append("\n\n");
		out.append("#DaysPerCycle:\n").append(instance.days()).append("\n\n");
		out.append("#FlagCyclical: yes or no\n").append(instance.cyclic() ? "yes" : "no").append("\n\n");
		out.append("#Requirements:\n");
		int[] req = instance.requirements();
		for (int i = 0; i < req.length; i++) {
			out.append(i == 0 ? "" : " ").append(req[i]);
		}
		out.append("\n\n#Number of shift templates\n").append(instance.templates().size()).append("\n\n");
		out.append("#Shift templates\n#Abbr, Full name, Start, + Minutes,  -Minutes, Length, +Minutes, -Minutes, available days\n");
		for (ShiftTemplate t : instance.templates()) {
			StringBuilder days = new StringBuilder();
			boolean all = true;
			for (boolean b : t.availableDays()) {
				days.append(b ? '1' : '0');
				all &= b;
			}
			out.append(t.abbreviation()).append(' ').append(t.name().replaceAll("\\s+", "_")).append(' ')
				.append(MsdTimes.format(t.startMinute())).append(' ').append(t.startPlus()).append(' ')
				.append(t.startMinus()).append(' ').append(t.lengthMinutes()).append(' ').append(t.lengthPlus())
				.append(' ').append(t.lengthMinus()).append(' ').append(all ? "*" : days).append('\n');
		}
		out.append("\n#Duties per week: Lower limit, Upper limit\n").append(instance.dutiesLower()).append(' ')
			.append(instance.dutiesUpper()).append("\n\n");
		if (instance.averageHoursPerWeek() != null) {
			out.append("# Average number of hours per week\n ").append(instance.averageHoursPerWeek().toPlainString())
				.append("\n\n");
		}
		MsdWeights w = instance.weights();
		out.append("# Weights about the criteria\n#UnderCover:\n").append(w.underCover().toPlainString())
			.append("\n\n#Overcover:\n").append(w.overCover().toPlainString()).append("\n\n#DutiesPerWeek:\n")
			.append(w.dutiesPerWeek().toPlainString()).append("\n\n#Shifts:\n").append(w.shifts().toPlainString())
			.append("\n\n");
		if (shifts != null) {
			out.append(solution(fitness, shifts));
		}
		return out.toString();
	}

}
