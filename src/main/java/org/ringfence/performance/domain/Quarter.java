package org.ringfence.performance.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter such as 2024-Q1 (January to March). */
public record Quarter(int year, int number) implements Comparable<Quarter> {

	private static final Pattern SHAPE = Pattern.compile("^(\\d{4})-Q([1-4])$");

	public Quarter {
		if (number < 1 || number > 4 || year < 1900 || year > 2999) {
			throw new IllegalArgumentException("not a quarter");
		}
	}

	public static Quarter parse(String text) {
		Matcher m = SHAPE.matcher(text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT));
		if (!m.matches()) {
			throw new IllegalArgumentException("a period looks like 2024-Q1");
		}
		return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
	}

	public static Quarter of(YearMonth month) {
		return new Quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
	}

	/** The latest quarter that has ended by the end of the month (the month's own when it ends the quarter). */
	public static Quarter latestEndedBy(YearMonth month) {
		Quarter own = of(month);
		return month.getMonthValue() % 3 == 0 ? own : own.previous();
	}

	public Quarter previous() {
		return this.number == 1 ? new Quarter(this.year - 1, 4) : new Quarter(this.year, this.number - 1);
	}

	public Quarter yearBefore() {
		return new Quarter(this.year - 1, this.number);
	}

	public LocalDate start() {
		return LocalDate.of(this.year, (this.number - 1) * 3 + 1, 1);
	}

	@Override
	public int compareTo(Quarter other) {
		return Integer.compare(this.year * 4 + this.number, other.year * 4 + other.number);
	}

	@Override
	public String toString() {
		return this.year + "-Q" + this.number;
	}

}
