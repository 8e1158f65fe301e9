package org.ringfence.flex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A PSP form 302 as drafted: the receiving ward, the problem (crime or ASB type, intelligence
 * summary), aims, objectives, timescales (first and last day), the resource plan (named officers,
 * their providing wards, dates and tours), expected results, and a reference to the problem record.
 * @param durationException reasons for running past the protocol's limit (ideally 4 weeks), if it must
 */
public record NewFlexRequest(String receivingWard, String problemType, String intelligenceSummary, String aims,
		String objectives, String expectedResults, String problemReference, LocalDate firstDay, LocalDate lastDay,
		Optional<String> durationException, List<Officer> officers) {

	/** The longest text field. */
	public static final int MAX_TEXT = 4000;

	/** The most officers one request names. */
	public static final int MAX_OFFICERS = 60;

	public NewFlexRequest {
		durationException = durationException == null ? Optional.empty()
				: durationException.map(String::strip).filter(s -> !s.isEmpty());
		officers = officers == null ? List.of() : List.copyOf(officers);
		problemReference = problemReference == null ? "" : problemReference.strip();
	}

	/**
	 * One line of the resource plan: an officer (by person id), the ward providing them, their days
	 * and which of their tours.
	 */
	public record Officer(long personId, String providingWard, LocalDate firstDay, LocalDate lastDay, Tours tours) {

		public Officer {
			tours = tours == null ? Tours.ALL : tours;
		}

	}

	/** What is wrong with it on its own, as field and message; empty when nothing is. */
	public List<String[]> problems() {
		List<String[]> problems = new ArrayList<>();
		text(problems, "receivingWard", this.receivingWard, 20);
		text(problems, "problemType", this.problemType, 100);
		text(problems, "intelligenceSummary", this.intelligenceSummary, MAX_TEXT);
		text(problems, "aims", this.aims, MAX_TEXT);
		text(problems, "objectives", this.objectives, MAX_TEXT);
		text(problems, "expectedResults", this.expectedResults, MAX_TEXT);
		if (this.problemReference.length() > 100) {
			problems.add(new String[] { "problemReference", "at most 100 characters" });
		}
		if (this.durationException.map(String::length).orElse(0) > MAX_TEXT) {
			problems.add(new String[] { "durationException", "at most " + MAX_TEXT + " characters" });
		}
		if (this.firstDay == null || this.lastDay == null) {
			problems.add(new String[] { "firstDay/lastDay", "both are required" });
		}
		else if (outOfRange(this.firstDay) || outOfRange(this.lastDay)) {
			problems.add(new String[] { "firstDay/lastDay", "dates must be in the years 2000-2099" });
		}
		else if (this.lastDay.isBefore(this.firstDay)) {
			problems.add(new String[] { "lastDay", "must be on or after the first day" });
		}
		else if (this.lastDay.isAfter(this.firstDay.plusDays(365))) {
			problems.add(new String[] { "lastDay", "a flex lasts at most a year" });
		}
		if (this.officers.isEmpty()) {
			problems.add(new String[] { "officers", "name at least one officer in the resource plan" });
		}
		if (this.officers.size() > MAX_OFFICERS) {
			problems.add(new String[] { "officers", "at most " + MAX_OFFICERS + " officers" });
		}
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < this.officers.size(); i++) {
			Officer officer = this.officers.get(i);
			String field = "officers[" + i + "]";
			if (!seen.add(officer.personId())) {
				problems.add(new String[] { field, "person " + officer.personId() + " is named twice" });
			}
			if (officer.providingWard() == null || officer.providingWard().isBlank()) {
				problems.add(new String[] { field + ".providingWard", "required" });
			}
			else if (officer.providingWard().equals(this.receivingWard)) {
				problems.add(new String[] { field + ".providingWard", "the receiving ward cannot provide officers to itself" });
			}
			if (officer.firstDay() == null || officer.lastDay() == null) {
				problems.add(new String[] { field, "firstDay and lastDay are required" });
			}
			else if (outOfRange(officer.firstDay()) || outOfRange(officer.lastDay())) {
				problems.add(new String[] { field, "dates must be in the years 2000-2099" });
			}
			else if (officer.lastDay().isBefore(officer.firstDay())) {
				problems.add(new String[] { field + ".lastDay", "must be on or after the first day" });
			}
			else if (this.firstDay != null && this.lastDay != null
					&& (officer.firstDay().isBefore(this.firstDay) || officer.lastDay().isAfter(this.lastDay))) {
				problems.add(new String[] { field, "the officer's days must lie within the flex (" + this.firstDay + " to "
						+ this.lastDay + ")" });
			}
		}
		return problems;
	}

	/** Outside these years date arithmetic further on could overflow (found by fuzzing). */
	private static boolean outOfRange(LocalDate day) {
		return day.getYear() < 2000 || day.getYear() > 2099;
	}

	private static void text(List<String[]> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new String[] { field, "required" });
		}
		else if (value.length() > max) {
			problems.add(new String[] { field, "at most " + max + " characters" });
		}
	}

}
