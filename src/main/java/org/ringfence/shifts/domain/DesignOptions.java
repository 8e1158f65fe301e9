package org.ringfence.shifts.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cluster's shift design options: each option is a set of shift templates (8-hour or 10-hour
 * tours starting from 06:00 and ending by 23:00, with or without a late evening tour 18:00-02:00)
 * designed against the officers needed per hour of the week with {@link ShiftDesigner}: under-cover
 * weighted {@link #UNDER_WEIGHT} per officer-minute (times the evening/weekend factor from 18:00 to
 * 23:00 and at weekends), over-cover {@link #OVER_WEIGHT}, each distinct shift {@link #SHIFT_WEIGHT},
 * and, when asked, the 16/7 minimum as a hard rule.
 */
public final class DesignOptions {

	/** Weight per officer-minute short (before the evening/weekend factor). */
	public static final BigDecimal UNDER_WEIGHT = BigDecimal.valueOf(2);

	/** Weight per officer-minute over. */
	public static final BigDecimal OVER_WEIGHT = BigDecimal.ONE;

	/** Weight per distinct shift used (4 officer-hours over). */
	public static final BigDecimal SHIFT_WEIGHT = BigDecimal.valueOf(240);

	/** The earliest start of a day tour. */
	public static final int DAY_START = 6 * 60;

	/** Day tours end by this time. */
	public static final int DAY_END = 23 * 60;

	/** The late evening tour: 18:00 for 8 hours (to 02:00). */
	public static final int LATE_EVENING_START = 18 * 60;

	public static final int LATE_EVENING_LENGTH = 8 * 60;

	private DesignOptions() {
	}

	/** An option to design: its key (for forms), name, tour length and whether it has the late evening tour. */
	public record Spec(String key, String name, int tourHours, boolean lateEvening) {

		public String describe() {
			return this.tourHours + "-hour tours starting " + MsdTimes.clock(DAY_START) + "-"
					+ MsdTimes.clock(DAY_END - this.tourHours * 60) + " (ending by " + MsdTimes.clock(DAY_END) + ")"
					+ (this.lateEvening ? ", and a late evening tour " + MsdTimes.clock(LATE_EVENING_START) + "-"
							+ MsdTimes.clock((LATE_EVENING_START + LATE_EVENING_LENGTH) % 1440) : "");
		}

	}

	/** The four standard options: 8 h and 10 h tours, each without and with a late evening tour. */
	public static final List<Spec> STANDARD = List.of(new Spec("8h", "8-hour tours", 8, false),
			new Spec("8h-late", "8-hour tours and a late evening tour", 8, true),
			new Spec("10h", "10-hour tours", 10, false),
			new Spec("10h-late", "10-hour tours and a late evening tour", 10, true));

	public static Spec spec(String key) {
		return STANDARD.stream()
			.filter(s -> s.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no option " + key));
	}

	/**
	 * The designer's settings: the extra weight of an officer short in the evening (18:00-23:00) and at
	 * weekends (1 = none), the 16/7 rule (null: not applied), and the time per option.
	 */
	public record Settings(double eveningWeekendWeight, OptionFigures.SixteenSeven sixteenSeven, long millis) {

		public Settings {
			if (!(eveningWeekendWeight >= 1) || eveningWeekendWeight > 10) {
				throw new IllegalArgumentException("the evening and weekend weight is between 1 and 10");
			}
			if (millis < 100) {
				throw new IllegalArgumentException("an option needs at least 100 ms");
			}
		}

	}

	/** A designed option: its shifts, officers on duty per hour, its figures and the designer's result. */
	public record Designed(Spec spec, List<MsdShift> shifts, int[] onDuty, OptionFigures figures, boolean minimumMet,
			double objective, long millis) {

		public Designed {
			shifts = List.copyOf(shifts);
			onDuty = onDuty.clone();
		}

		@Override
		public int[] onDuty() {
			return this.onDuty.clone();
		}

	}

	/** The instance an option designs: hourly slots of one week (cyclic), the option's templates and weights. */
	public static MsdInstance instance(int[] needed, Spec spec) {
		if (needed.length != 168) {
			throw new IllegalArgumentException("a week has 168 hours");
		}
		boolean[] everyDay = new boolean[7];
		Arrays.fill(everyDay, true);
		int length = spec.tourHours() * 60;
		List<ShiftTemplate> templates = new ArrayList<>();
		templates.add(new ShiftTemplate("T", spec.tourHours() + "-hour tour", DAY_START, DAY_END - length - DAY_START, 0,
				length, 0, 0, everyDay));
		if (spec.lateEvening()) {
			templates.add(new ShiftTemplate("L", "late evening tour", LATE_EVENING_START, 0, 0, LATE_EVENING_LENGTH, 0, 0,
					everyDay));
		}
		return new MsdInstance(60, 7, true, needed, templates, 0, 7, BigDecimal.ZERO,
				new MsdWeights(UNDER_WEIGHT, OVER_WEIGHT, BigDecimal.ZERO, SHIFT_WEIGHT), null, null);
	}

	/** Per hour of the week: the evening/weekend factor from 18:00 to 23:00 and on Saturday and Sunday, else 1. */
	public static double[] underWeightFactors(double eveningWeekendWeight) {
		double[] factors = new double[168];
		for (int h = 0; h < 168; h++) {
			int hourOfDay = h % 24;
			boolean evening = hourOfDay >= OptionFigures.EVENING_FROM && hourOfDay < OptionFigures.EVENING_TO;
			factors[h] = evening || h >= 5 * 24 ? eveningWeekendWeight : 1.0;
		}
		return factors;
	}

	/** Designs one option against the officers needed. */
	public static Designed design(int[] needed, Spec spec, Settings settings) {
		MsdInstance instance = instance(needed, spec);
		ShiftDesigner.Options options = new ShiftDesigner.Options(settings.millis(), 42L, null,
				underWeightFactors(settings.eveningWeekendWeight()),
				settings.sixteenSeven() == null ? null : settings.sixteenSeven().perHour());
		ShiftDesigner.Result result = ShiftDesigner.design(instance, options);
		int[] onDuty = result.evaluation().coverage();
		OptionFigures figures = OptionFigures.of(needed, onDuty,
				settings.sixteenSeven() == null ? OptionFigures.SixteenSeven.DEFAULT : settings.sixteenSeven());
		return new Designed(spec, result.shifts(), onDuty, figures, result.minimumMet(), result.objective(),
				result.millis());
	}

}
