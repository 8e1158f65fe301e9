package org.ringfence.duties;

import org.ringfence.platform.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.ringfence.duties.persistence.DutyQueries;
import org.ringfence.duties.persistence.DutyQueries.RuleSetRow;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.StateChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned classification of activity codes. A new rule set takes effect from a date, never
 * earlier than the current month (so reports of closed months never change), and starts as a copy
 * of the set before it with the given changes. A new code (e.g. another pre-planned event) joins
 * the set in force and any later ones.
 */
@Service
public class ClassificationRules {

	private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,19}$");

	private final DutyQueries queries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClassificationRules(DutyQueries queries, ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.events = events;
		this.clock = clock;
	}

	/** A rule set with its classifications. */
	public record RuleSet(long id, String name, LocalDate effectiveFrom, String note, List<Classification> classifications) {
	}

	@Transactional(readOnly = true)
	public List<RuleSet> ruleSets() {
		return this.queries.ruleSets()
			.stream()
			.map(r -> new RuleSet(r.id(), r.name(), r.effectiveFrom(), r.note(), this.queries.classificationsOf(r.id())))
			.toList();
	}

	@Transactional
	public RuleSet addRuleSet(String name, LocalDate effectiveFrom, String note, List<Classification> changes) {
		List<RuleSetRow> sets = this.queries.ruleSets();
		RuleSetRow latest = sets.get(sets.size() - 1);
		LocalDate firstOpenDay = LocalDate.now(this.clock).withDayOfMonth(1);
		if (effectiveFrom.isBefore(firstOpenDay)) {
			throw new DomainRuleViolation("rule-set-backdated", "A rule set cannot take effect before " + firstOpenDay
					+ ": reports of closed months must not change.");
		}
		if (!effectiveFrom.isAfter(latest.effectiveFrom())) {
			throw new DomainRuleViolation("rule-set-order",
					"A new rule set must take effect after the latest one (" + latest.effectiveFrom() + ").");
		}
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new DomainRuleViolation("rule-set-name", "A rule set needs a name of 1-100 characters.");
		}
		Map<String, Classification> classes = new LinkedHashMap<>();
		this.queries.classificationsOf(latest.id()).forEach(c -> classes.put(c.code(), c));
		for (Classification change : changes) {
			if (!classes.containsKey(change.code())) {
				throw new DomainRuleViolation("unknown-code", "There is no activity code " + change.code() + ".");
			}
			classes.put(change.code(), change);
		}
		long id = this.queries.insertRuleSet(name.strip(), effectiveFrom, note == null ? "" : note, Actor.current());
		classes.values().forEach(c -> this.queries.insertClassification(id, c));
		this.events.publishEvent(StateChange.created("rule set", Long.toString(id), null,
				Map.of("name", name, "effectiveFrom", effectiveFrom.toString(), "changes",
						changes.stream().map(c -> c.code() + "=" + c.activityClass() + "/" + c.reportType()).toList())));
		return new RuleSet(id, name.strip(), effectiveFrom, note == null ? "" : note, this.queries.classificationsOf(id));
	}

	/** Adds an activity code, classified in the rule set in force today and every later one. */
	@Transactional
	public Classification addCode(String code, String name, Classification classification) {
		if (code == null || !CODE.matcher(code).matches()) {
			throw new DomainRuleViolation("code-format", "A code is 2-20 capital letters, digits or _, starting with a letter.");
		}
		if (!code.equals(classification.code())) {
			throw new DomainRuleViolation("code-mismatch", "The classification is for another code.");
		}
		if (this.queries.codeExists(code)) {
			throw new DomainRuleViolation("code-exists", "Activity code " + code + " exists already.");
		}
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new DomainRuleViolation("code-name", "A code needs a name of 1-100 characters.");
		}
		this.queries.insertCode(code, name.strip(), Actor.current());
		LocalDate today = LocalDate.now(this.clock);
		List<RuleSetRow> sets = this.queries.ruleSets();
		for (int i = 0; i < sets.size(); i++) {
			boolean inForceOrLater = i == sets.size() - 1 || !sets.get(i + 1).effectiveFrom().isBefore(today)
					|| !sets.get(i).effectiveFrom().isBefore(today);
			if (inForceOrLater) {
				this.queries.insertClassification(sets.get(i).id(), classification);
			}
		}
		this.events.publishEvent(StateChange.created("activity code", code, null,
				Map.of("name", name, "class", classification.activityClass().name(), "reportType",
						classification.reportType())));
		return classification;
	}


}
