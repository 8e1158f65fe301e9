package org.ringfence.shifts.domain;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Demand to officers needed, an option's figures, and the options designed on a small week. */
class DesignOptionsTest {

	@Test
	void demandBecomesOfficersRoundedUpWithAMinimum() {
		double[] demand = new double[168];
		demand[0] = 0.0;
		demand[1] = 1.0;
		demand[2] = 1.01;
		demand[3] = 5.0;
		demand[4] = 0.3;
		int[] needed = new OfficersNeeded(1.0, 0).perHour(demand);
		assertThat(Arrays.copyOf(needed, 5)).containsExactly(0, 1, 2, 5, 1);
		int[] withMinimum = new OfficersNeeded(2.5, 1).perHour(demand);
		assertThat(Arrays.copyOf(withMinimum, 5)).containsExactly(1, 1, 1, 2, 1);
		assertThat(new OfficersNeeded(2.5, 1).describe()).contains("max(1, ceil(").contains("/ 2.5))");
		assertThatThrownBy(() -> new OfficersNeeded(0, 0)).isInstanceOf(IllegalArgumentException.class);
		// the default rate: the busiest hour (5.0) needs 4 officers
		double rate = OfficersNeeded.rateForPeak(demand, 4);
		assertThat(rate).isEqualTo(1.25);
		int[] scaled = new OfficersNeeded(rate, 0).perHour(demand);
		assertThat(java.util.Arrays.stream(scaled).max().getAsInt()).isEqualTo(4);
		assertThat(OfficersNeeded.rateForPeak(new double[168], 4)).isEqualTo(1.0);
		// rounding the rate never makes the busiest hour need more than asked
		double[] odd = new double[168];
		odd[0] = 0.7131;
		assertThat(java.util.Arrays.stream(new OfficersNeeded(OfficersNeeded.rateForPeak(odd, 4), 0).perHour(odd)).max()
			.getAsInt()).isEqualTo(4);
		assertThatThrownBy(() -> new OfficersNeeded(1, -1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void figuresCountShortOverEveningWeekendAndSixteenSeven() {
		int[] needed = new int[168];
		int[] onDuty = new int[168];
		// Monday 18:00-23:00 needs 2, has 1; Saturday 10:00 needs 3, has 3; Sunday 12:00 needs 1, has 0
		for (int h = 18; h < 23; h++) {
			needed[h] = 2;
			onDuty[h] = 1;
		}
		needed[5 * 24 + 10] = 3;
		onDuty[5 * 24 + 10] = 3;
		needed[6 * 24 + 12] = 1;
		// Tuesday 03:00: one officer too many
		onDuty[24 + 3] = 1;
		OptionFigures figures = OptionFigures.of(needed, onDuty, OptionFigures.SixteenSeven.DEFAULT);
		assertThat(figures.officerHoursShort()).isEqualTo(5 + 1);
		assertThat(figures.hoursShort()).isEqualTo(6);
		assertThat(figures.officerHoursOver()).isEqualTo(1);
		assertThat(figures.officerHours()).isEqualTo(5 + 3 + 1);
		// evenings: 5 of the 10 officer-hours needed (Monday only; Saturday/Sunday evenings need none)
		assertThat(figures.eveningCoveredPercent()).isEqualTo(50.0);
		// weekend: 3 of 4
		assertThat(figures.weekendCoveredPercent()).isEqualTo(75.0);
		assertThat(figures.sixteenSevenMet()).isFalse();
		// 16 hours x 7 days, minus the Monday evening's 5 and Saturday 10:00 that have someone
		assertThat(figures.sixteenSevenHoursShort()).isEqualTo(16 * 7 - 6);

		int[] always = new int[168];
		Arrays.fill(always, 1);
		OptionFigures full = OptionFigures.of(new int[168], always, OptionFigures.SixteenSeven.DEFAULT);
		assertThat(full.sixteenSevenMet()).isTrue();
		assertThat(full.eveningCoveredPercent()).isEqualTo(100.0);
		assertThat(OptionFigures.of(new int[168], always, new OptionFigures.SixteenSeven(7, 23, 2)).sixteenSevenMet())
			.isFalse();
	}

	@Test
	void theSixteenSevenWindowIsHoursSevenToTwentyThree() {
		int[] min = OptionFigures.SixteenSeven.DEFAULT.perHour();
		assertThat(min[6]).isZero();
		assertThat(min[7]).isEqualTo(1);
		assertThat(min[22]).isEqualTo(1);
		assertThat(min[23]).isZero();
		assertThat(Arrays.stream(min).sum()).isEqualTo(16 * 7);
		assertThatThrownBy(() -> new OptionFigures.SixteenSeven(23, 7, 1)).isInstanceOf(IllegalArgumentException.class);
	}

	/** A week needing 2 officers 08:00-16:00 and 1 more 16:00-22:00 weekdays, 3 in the weekend evenings. */
	static int[] week() {
		int[] needed = new int[168];
		for (int d = 0; d < 7; d++) {
			for (int h = 8; h < 22; h++) {
				needed[d * 24 + h] = h < 16 ? 2 : d >= 5 ? 3 : 1;
			}
		}
		return needed;
	}

	@Test
	void optionsUseOnlyTheirTemplatesAndTheLateEveningTourCoversAfterMidnight() {
		DesignOptions.Settings settings = new DesignOptions.Settings(2.0, OptionFigures.SixteenSeven.DEFAULT, 400);
		for (DesignOptions.Spec spec : DesignOptions.STANDARD) {
			DesignOptions.Designed option = DesignOptions.design(week(), spec, settings);
			assertThat(option.shifts()).as(spec.key()).isNotEmpty();
			for (MsdShift shift : option.shifts()) {
				boolean late = shift.startMinute() == 18 * 60 && shift.lengthMinutes() == 480;
				boolean day = shift.lengthMinutes() == spec.tourHours() * 60 && shift.startMinute() >= 6 * 60
						&& shift.startMinute() + shift.lengthMinutes() <= 23 * 60;
				assertThat(day || (spec.lateEvening() && late)).as(spec.key() + " " + shift).isTrue();
			}
			// 16/7 is a hard minimum and the templates can meet it
			assertThat(option.minimumMet()).as(spec.key()).isTrue();
			assertThat(option.figures().sixteenSevenMet()).as(spec.key()).isTrue();
			// the coverage the figures use is the shifts' own
			int[] coverage = new int[168];
			for (MsdShift shift : option.shifts()) {
				for (int d = 0; d < 7; d++) {
					for (int k = 0; k < shift.lengthMinutes() / 60; k++) {
						coverage[(d * 24 + shift.startMinute() / 60 + k) % 168] += shift.workersOn(d);
					}
				}
			}
			assertThat(option.onDuty()).as(spec.key()).containsExactly(coverage);
			if (!spec.lateEvening()) {
				assertThat(coverage[23]).as("no tour without the late one runs past 23:00").isZero();
			}
		}
	}

	@Test
	void aHeavierEveningAndWeekendWeightCoversThemAtLeastAsWell() {
		int[] needed = week();
		// one officer short of need on weekday mornings costs as much as at weekends unless weighted
		DesignOptions.Spec spec = DesignOptions.spec("8h");
		DesignOptions.Designed plain = DesignOptions.design(needed, spec,
				new DesignOptions.Settings(1.0, null, 400));
		DesignOptions.Designed weighted = DesignOptions.design(needed, spec,
				new DesignOptions.Settings(5.0, null, 400));
		assertThat(weighted.figures().weekendCoveredPercent()).isGreaterThanOrEqualTo(plain.figures().weekendCoveredPercent());
		assertThat(weighted.figures().eveningCoveredPercent()).isGreaterThanOrEqualTo(plain.figures().eveningCoveredPercent());
		double[] factors = DesignOptions.underWeightFactors(5.0);
		assertThat(factors[10]).isEqualTo(1.0);
		assertThat(factors[18]).isEqualTo(5.0);
		assertThat(factors[23]).isEqualTo(1.0);
		assertThat(factors[5 * 24 + 3]).isEqualTo(5.0);
	}

}
