package org.ringfence.workforce.domain;

import java.time.LocalDate;
import java.time.Period;

/** How long someone has been in post, in the words a team page uses: "2 years 3 months". */
public final class Tenure {

	private Tenure() {
	}

	public static String describe(LocalDate start, LocalDate today) {
		if (start.isAfter(today)) {
			return "starts " + start;
		}
		Period period = Period.between(start, today);
		if (period.getYears() == 0 && period.getMonths() == 0) {
			int days = period.getDays();
			return days + (days == 1 ? " day" : " days");
		}
		StringBuilder text = new StringBuilder();
		if (period.getYears() > 0) {
			text.append(period.getYears()).append(period.getYears() == 1 ? " year" : " years");
		}
		if (period.getMonths() > 0) {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(period.getMonths()).append(period.getMonths() == 1 ? " month" : " months");
		}
		return text.toString();
	}

}
