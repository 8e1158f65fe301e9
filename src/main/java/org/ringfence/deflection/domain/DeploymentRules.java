package org.ringfence.deflection.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ringfence.platform.DomainRuleViolation;

/**
 * The protocol's rules for using SNT members at a significant event: the first consideration is
 * reassurance of the local community, so every deployment states its reassurance purpose; SNT
 * officers are used away from their home borough only in extreme circumstances, so a deployment
 * outside the home borough needs that justification written down (and is flagged). A deployment
 * lies within the event's days. Pure rules.
 */
public final class DeploymentRules {

	/** The shortest reassurance purpose or justification accepted: a sentence, not a word. */
	public static final int MIN_TEXT = 10;

	private DeploymentRules() {
	}

	/** A deployment to judge. */
	public record Deployment(LocalDate eventFrom, LocalDate eventTo, String eventBorough, LocalDate from, LocalDate to,
			Optional<LocalTime> tourStart, Optional<LocalTime> tourEnd, String homeBorough, String reassurancePurpose,
			Optional<String> extremeCircumstances) {

		public Deployment {
			reassurancePurpose = reassurancePurpose == null ? "" : reassurancePurpose.strip();
			extremeCircumstances = extremeCircumstances == null ? Optional.empty()
					: extremeCircumstances.map(String::strip).filter(s -> !s.isEmpty());
			tourStart = tourStart == null ? Optional.empty() : tourStart;
			tourEnd = tourEnd == null ? Optional.empty() : tourEnd;
		}

		public boolean outsideHomeBorough() {
			return !this.homeBorough.equals(this.eventBorough);
		}

	}

	/**
	 * Checks a deployment; returns whether it is outside the person's home borough (to be flagged).
	 * @throws DomainRuleViolation naming every rule broken; code "extreme-circumstances-required" when
	 * the only problem is a missing justification for use outside the home borough
	 */
	public static boolean check(Deployment d) {
		List<String> reasons = new ArrayList<>();
		if (d.to().isBefore(d.from())) {
			reasons.add("The deployment ends before it starts.");
		}
		if (d.from().isBefore(d.eventFrom()) || d.to().isAfter(d.eventTo())) {
			reasons.add("The deployment (" + d.from() + " to " + d.to() + ") must lie within the event's days ("
					+ d.eventFrom() + " to " + d.eventTo() + ").");
		}
		if (d.tourStart().isPresent() != d.tourEnd().isPresent()) {
			reasons.add("A tour needs both a start and an end time.");
		}
		if (d.reassurancePurpose().length() < MIN_TEXT) {
			reasons.add("State the reassurance purpose (at least " + MIN_TEXT
					+ " characters): reassurance of the local community is the first consideration.");
		}
		boolean outside = d.outsideHomeBorough();
		boolean justificationMissing = outside && d.extremeCircumstances().map(s -> s.length() < MIN_TEXT).orElse(true);
		if (justificationMissing) {
			reasons.add("The officer's home borough is " + d.homeBorough() + ", not the event's (" + d.eventBorough()
					+ "): SNT officers are used away from their home borough only in extreme circumstances, which must be "
					+ "stated (at least " + MIN_TEXT + " characters).");
		}
		if (!reasons.isEmpty()) {
			String code = justificationMissing && reasons.size() == 1 ? "extreme-circumstances-required"
					: "deployment-invalid";
			throw new DomainRuleViolation(code, String.join(" ", reasons), reasons);
		}
		return outside;
	}

}
