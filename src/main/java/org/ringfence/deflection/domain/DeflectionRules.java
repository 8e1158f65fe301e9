package org.ringfence.deflection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ringfence.platform.DomainRuleViolation;

/**
 * The MPS Conditional Deployment Protocol for SNT officers (SN Deployment Protocol, 2011): a
 * demand may be deflected to an SNT officer only if all four conditions hold:
 * <ol>
 * <li>SNT resources are on duty and available in the ward where the incident is;</li>
 * <li>the resource available is appropriate to the demand (a call needing a police officer needs a
 * constable, dedicated ward officer or sergeant; a call suitable for a PCSO may go to anyone);</li>
 * <li>the call is compatible with the priorities the team has communicated to CCC (its category is
 * one the team accepts);</li>
 * <li>it is unlikely to result in a protracted enquiry or absence from the ward (expected duration
 * at most the configured threshold, and not a category likely to end in an arrest).</li>
 * </ol>
 * A controller may override for a developing critical or major incident when the SNT is the most
 * appropriate resource: explicitly, with a reason, and only with someone on duty to send. Stale
 * priorities do not block, they warn. Pure rules: no Spring, no database.
 */
public final class DeflectionRules {

	private DeflectionRules() {
	}

	/** Someone of the ward's team on duty on the ward at the time of the incident. */
	public record Person(long personId, String name, String role, String roleTitle, boolean policeOfficer,
			Instant onDutyUntil) {
	}

	/** What the team told CCC it accepts, and when it last reviewed that. */
	public record Priorities(Set<String> categories, List<String> categoryNames, LocalDate lastReviewed) {
	}

	/**
	 * The call as the controller describes it, with what the records say about the ward.
	 * @param onDuty the team members on duty on the ward at the time
	 * @param priorities the team's call priorities, if it has communicated any
	 * @param today the day of the decision, for the age of the priorities
	 */
	public record Case(String category, String categoryName, boolean arrestLikely, boolean needsPoliceOfficer,
			int expectedMinutes, boolean criticalIncident, Optional<String> overrideReason, List<Person> onDuty,
			Optional<Priorities> priorities, LocalDate today) {

		public Case {
			overrideReason = overrideReason == null ? Optional.empty() : overrideReason.map(String::strip).filter(r -> !r.isEmpty());
			priorities = priorities == null ? Optional.empty() : priorities;
			onDuty = List.copyOf(onDuty);
		}

	}

	/** The thresholds a decision is judged by. */
	public record Settings(int maxExpectedMinutes, int prioritiesStaleDays) {

		public Settings {
			if (maxExpectedMinutes < 1 || prioritiesStaleDays < 1) {
				throw new IllegalArgumentException("Thresholds must be positive");
			}
		}

		public Map<String, Object> asMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("maxExpectedMinutes", this.maxExpectedMinutes);
			map.put("prioritiesStaleDays", this.prioritiesStaleDays);
			return map;
		}

	}

	/** One condition of the protocol as judged: its number (1-4), name, verdict and why. */
	public record Condition(int number, String name, boolean passed, String reason) {
	}

	/**
	 * The verdict.
	 * @param deflect whether the call may go to the SNT
	 * @param overridden deflected on the controller's override although a condition failed
	 * @param officers who may take it (empty when not deflected)
	 * @param warnings things the controller should know that do not block (stale priorities, an unused override)
	 */
	public record Judgement(boolean deflect, boolean overridden, List<Condition> conditions, List<Person> officers,
			List<String> warnings) {

		public boolean allConditionsPass() {
			return this.conditions.stream().allMatch(Condition::passed);
		}

	}

	public static final String AVAILABLE = "SNT resources on duty and available in the ward";

	public static final String APPROPRIATE = "The resource available is appropriate to the demand";

	public static final String PRIORITIES = "Compatible with the priorities the team communicated to CCC";

	public static final String NOT_PROTRACTED = "Unlikely to cause a protracted enquiry or absence from the ward";

	public static Judgement judge(Case call, Settings settings) {
		if (call.overrideReason().isPresent() && !call.criticalIncident()) {
			throw new DomainRuleViolation("override-needs-critical-incident",
					"The override is only for a developing critical or major incident: mark the incident critical or "
							+ "remove the override.");
		}
		List<String> warnings = new ArrayList<>();
		List<Person> fitting = call.needsPoliceOfficer()
				? call.onDuty().stream().filter(Person::policeOfficer).toList() : call.onDuty();
		List<Condition> conditions = List.of(available(call), appropriate(call, fitting),
				priorities(call, settings, warnings), notProtracted(call, settings));
		boolean pass = conditions.stream().allMatch(Condition::passed);
		if (pass) {
			call.overrideReason().ifPresent(r -> warnings.add("The override was not needed: all four conditions pass."));
			return new Judgement(true, false, conditions, fitting, warnings);
		}
		if (call.overrideReason().isPresent()) {
			if (call.onDuty().isEmpty()) {
				warnings.add("The override cannot apply: no SNT member is on duty on the ward to send.");
				return new Judgement(false, false, conditions, List.of(), warnings);
			}
			warnings.add("Deflected on the controller's override for a developing critical or major incident.");
			return new Judgement(true, true, conditions, fitting.isEmpty() ? call.onDuty() : fitting, warnings);
		}
		if (call.criticalIncident() && !call.onDuty().isEmpty()) {
			warnings.add("A critical or major incident: if the SNT is the most appropriate resource, override with a reason.");
		}
		return new Judgement(false, false, conditions, List.of(), warnings);
	}

	static Condition available(Case call) {
		if (call.onDuty().isEmpty()) {
			return new Condition(1, AVAILABLE, false,
					"No member of the ward's Safer Neighbourhoods team is on duty on the ward at that time (duty records).");
		}
		Map<String, Integer> byRole = new LinkedHashMap<>();
		call.onDuty().forEach(p -> byRole.merge(p.roleTitle().toLowerCase(), 1, Integer::sum));
		List<String> parts = new ArrayList<>();
		byRole.forEach((role, n) -> parts.add(n + " " + role));
		return new Condition(1, AVAILABLE, true, call.onDuty().size() + " on duty on the ward: " + String.join(", ", parts) + ".");
	}

	static Condition appropriate(Case call, List<Person> fitting) {
		if (!call.needsPoliceOfficer()) {
			return new Condition(2, APPROPRIATE, true, "Suitable for a PCSO: any member of the team may take it.");
		}
		if (fitting.isEmpty()) {
			return new Condition(2, APPROPRIATE, false, call.onDuty().isEmpty()
					? "Needs a police officer (constable, dedicated ward officer or sergeant); none is on duty on the ward."
					: "Needs a police officer (constable, dedicated ward officer or sergeant), but only "
							+ call.onDuty().stream().map(p -> p.roleTitle().toLowerCase()).distinct().toList()
							+ " on duty on the ward.");
		}
		return new Condition(2, APPROPRIATE, true,
				"Needs a police officer: " + fitting.size() + " on duty (constable, dedicated ward officer or sergeant).");
	}

	static Condition priorities(Case call, Settings settings, List<String> warnings) {
		if (call.priorities().isEmpty()) {
			return new Condition(3, PRIORITIES, false, "The team has not communicated any call priorities to CCC.");
		}
		Priorities priorities = call.priorities().get();
		long age = ChronoUnit.DAYS.between(priorities.lastReviewed(), call.today());
		if (age > settings.prioritiesStaleDays()) {
			warnings.add("The team's priorities were last reviewed on " + priorities.lastReviewed() + ", " + age
					+ " days ago (stale after " + settings.prioritiesStaleDays() + ").");
		}
		if (priorities.categories().contains(call.category())) {
			return new Condition(3, PRIORITIES, true, "'" + call.categoryName() + "' is among the team's call priorities"
					+ " (reviewed " + priorities.lastReviewed() + ").");
		}
		return new Condition(3, PRIORITIES, false, "'" + call.categoryName() + "' is not among the team's call priorities"
				+ (priorities.categoryNames().isEmpty() ? " (it accepts none)" : " (" + String.join("; ", priorities.categoryNames()) + ")")
				+ ".");
	}

	static Condition notProtracted(Case call, Settings settings) {
		List<String> problems = new ArrayList<>();
		if (call.expectedMinutes() > settings.maxExpectedMinutes()) {
			problems.add("expected to take " + call.expectedMinutes() + " minutes, more than " + settings.maxExpectedMinutes());
		}
		if (call.arrestLikely()) {
			problems.add("'" + call.categoryName() + "' calls are likely to end in an arrest and a protracted absence");
		}
		if (!problems.isEmpty()) {
			String text = String.join("; ", problems);
			return new Condition(4, NOT_PROTRACTED, false, Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".");
		}
		return new Condition(4, NOT_PROTRACTED, true, "Expected to take " + call.expectedMinutes() + " minutes (at most "
				+ settings.maxExpectedMinutes() + ") and not a call likely to end in an arrest.");
	}

}
