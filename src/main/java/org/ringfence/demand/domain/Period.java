package org.ringfence.demand.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A period of whole days, both dates included, split into the calendar months it covers whole
 * (read from the monthly totals) and the parts of months at its ends (read from the timed
 * records). Records known only by their month count when the period covers their whole month.
 */
public record Period(LocalDate from, LocalDate to) {

	/** The longest period a profile may cover. */
	public static final int MAX_YEARS = 10;

	public Period {
		if (from == null || to == null) {
			throw new IllegalArgumentException("from and to are required");
		}
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to must not be before from");
		}
		if (from.plusYears(MAX_YEARS).isBefore(to)) {
			throw new IllegalArgumentException("a period covers at most " + MAX_YEARS + " years");
		}
	}

	/** Part of one month: its dates, both included. */
	public record Part(YearMonth month, LocalDate from, LocalDate to) {
	}

	/** The first and last months the period covers whole, if any. */
	public Optional<YearMonth[]> wholeMonths() {
		YearMonth first = YearMonth.from(this.from);
		if (this.from.getDayOfMonth() != 1) {
			first = first.plusMonths(1);
		}
		YearMonth last = YearMonth.from(this.to);
		if (!this.to.equals(last.atEndOfMonth())) {
			last = last.minusMonths(1);
		}
		return first.isAfter(last) ? Optional.empty() : Optional.of(new YearMonth[] { first, last });
	}

	/** The parts of months at the ends (none, one or two). */
	public List<Part> parts() {
		List<Part> parts = new ArrayList<>();
		YearMonth first = YearMonth.from(this.from);
		YearMonth last = YearMonth.from(this.to);
		boolean firstWhole = this.from.getDayOfMonth() == 1 && (last.isAfter(first) || this.to.equals(first.atEndOfMonth()));
		if (!firstWhole) {
			LocalDate end = last.equals(first) ? this.to : first.atEndOfMonth();
			parts.add(new Part(first, this.from, end));
		}
		if (last.isAfter(first) && !this.to.equals(last.atEndOfMonth())) {
			parts.add(new Part(last, last.atDay(1), this.to));
		}
		return parts;
	}

	/** The period's length in months: whole months count 1, parts by their share of their month's days. */
	public double months() {
		double months = 0;
		YearMonth month = YearMonth.from(this.from);
		YearMonth last = YearMonth.from(this.to);
		while (!month.isAfter(last)) {
			LocalDate start = month.equals(YearMonth.from(this.from)) ? this.from : month.atDay(1);
			LocalDate end = month.equals(last) ? this.to : month.atEndOfMonth();
			months += (end.toEpochDay() - start.toEpochDay() + 1) / (double) month.lengthOfMonth();
			month = month.plusMonths(1);
		}
		return months;
	}

	/** Every month the period touches, in order. */
	public List<YearMonth> monthsTouched() {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(this.from); !m.isAfter(YearMonth.from(this.to)); m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}

}
