package org.ringfence.demand.domain;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

	@Test
	void aPeriodOfWholeMonthsHasNoParts() {
		Period period = new Period(LocalDate.of(2021, 4, 1), LocalDate.of(2022, 3, 31));
		assertThat(period.wholeMonths()).hasValueSatisfying(
				m -> assertThat(m).containsExactly(YearMonth.of(2021, 4), YearMonth.of(2022, 3)));
		assertThat(period.parts()).isEmpty();
		assertThat(period.months()).isEqualTo(12.0);
		assertThat(period.monthsTouched()).hasSize(12);
	}

	@Test
	void partsOfMonthsAtTheEndsAreParts() {
		Period period = new Period(LocalDate.of(2021, 4, 15), LocalDate.of(2021, 6, 10));
		assertThat(period.wholeMonths()).hasValueSatisfying(
				m -> assertThat(m).containsExactly(YearMonth.of(2021, 5), YearMonth.of(2021, 5)));
		assertThat(period.parts()).containsExactly(
				new Period.Part(YearMonth.of(2021, 4), LocalDate.of(2021, 4, 15), LocalDate.of(2021, 4, 30)),
				new Period.Part(YearMonth.of(2021, 6), LocalDate.of(2021, 6, 1), LocalDate.of(2021, 6, 10)));
		assertThat(period.months()).isEqualTo(16 / 30.0 + 1 + 10 / 30.0);
	}

	@Test
	void aFewDaysOfOneMonthAreOnePartAndNoWholeMonth() {
		Period period = new Period(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 1));
		assertThat(period.wholeMonths()).isEmpty();
		assertThat(period.parts()).containsExactly(
				new Period.Part(YearMonth.of(2021, 4), LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 1)));
	}

	@Test
	void toMustNotBeBeforeFromNorTooFarAfter() {
		assertThatThrownBy(() -> new Period(LocalDate.of(2021, 4, 2), LocalDate.of(2021, 4, 1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Period(LocalDate.of(2001, 1, 1), LocalDate.of(2021, 4, 1)))
			.hasMessageContaining("10 years");
	}

}
