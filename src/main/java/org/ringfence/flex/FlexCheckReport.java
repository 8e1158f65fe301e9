package org.ringfence.flex;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The checks of a flex plan against the duty records and the protocol rule sets in force on its
 * days, each by name with its findings (ward, dates, shortfall). The plan may be authorised only when
 * no check fails; warnings are for the people deciding.
 * @param checkedOn the day the checks ran (days before it cannot be flexed)
 * @param ruleSets the rule sets that judged the plan's days
 * @param dutiesToFlex planned on-ward duties the authorisation would give the flex code
 * @param dutiesFlexed duties that already carry it (a live flex)
 */
public record FlexCheckReport(LocalDate checkedOn, List<RuleSetUsed> ruleSets, boolean passed, List<Check> checks,
		int dutiesToFlex, int dutiesFlexed, Optional<Fairness> fairness) {

	public FlexCheckReport {
		ruleSets = List.copyOf(ruleSets);
		checks = List.copyOf(checks);
		fairness = fairness == null ? Optional.empty() : fairness;
	}

	public enum Outcome {

		PASS, WARN, FAIL

	}

	/** A rule set and the days of the plan it judged. */
	public record RuleSetUsed(long id, String name, LocalDate from, LocalDate to) {
	}

	/** One named check: its outcome, a sentence, and what it found. */
	public record Check(String name, Outcome outcome, String summary, List<Finding> findings) {

		public Check {
			findings = List.copyOf(findings);
		}

	}

	/**
	 * What a check found.
	 * @param wardCode the ward (or cluster code, for cover) concerned, empty when none
	 * @param shortfall how many short (officers, or hours of cover), 0 when not a shortfall
	 * @param personId the officer concerned, if one
	 */
	public record Finding(String wardCode, String wardName, LocalDate from, LocalDate to, int shortfall, String detail,
			Optional<Long> personId) {

		public Finding {
			personId = personId == null ? Optional.empty() : personId;
			wardCode = wardCode == null ? "" : wardCode;
			wardName = wardName == null ? "" : wardName;
		}

	}

	/**
	 * Each ward's share of duty time taken by abstraction and flex over the rolling window, with this
	 * flex, against its borough peers; and a fairer set of providing officers when a ward is over the
	 * threshold.
	 */
	public record Fairness(LocalDate windowFrom, LocalDate windowTo, double boroughMean, double gini, double maxToMean,
			double threshold, List<WardShare> wards, List<Suggestion> suggestions) {

		public Fairness {
			wards = List.copyOf(wards);
			suggestions = List.copyOf(suggestions);
		}

	}

	/** A ward's share (abstracted and flexed minutes over duty minutes) and whether it is over the threshold. */
	public record WardShare(String wardCode, String wardName, double share, double toMean, boolean providing,
			boolean over) {
	}

	/** Instead of an officer from an over-burdened ward, one of the same rank from a less burdened one. */
	public record Suggestion(long insteadOfPersonId, String insteadOfWard, long personId, String providingWard,
			String detail) {
	}

	/** The failing findings as sentences (for a refusal). */
	public List<String> failures() {
		return this.checks.stream()
			.filter(c -> c.outcome() == Outcome.FAIL)
			.flatMap(c -> c.findings().isEmpty() ? java.util.stream.Stream.of(c.name() + ": " + c.summary())
					: c.findings().stream().map(f -> c.name() + ": " + f.detail()))
			.toList();
	}

}
