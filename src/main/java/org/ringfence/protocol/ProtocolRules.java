package org.ringfence.protocol;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringfence.platform.Actor;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.StateChange;
import org.ringfence.protocol.persistence.ProtocolQueries;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The protocol module's public API: the rule sets, the set in force on a day (the "rule set in
 * force" lookup every flex decision starts from), and adding a set. Sets are read from the
 * database on each call (a small table), so a set added on one instance is in force on all.
 */
@Service
public class ProtocolRules {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final ProtocolQueries queries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProtocolRules(ProtocolQueries queries, ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.events = events;
		this.clock = clock;
	}

	/** Every set, oldest first. */
	@Transactional(readOnly = true)
	public List<ProtocolRuleSet> ruleSets() {
		return this.queries.ruleSets();
	}

	/** All sets as a timeline, for decisions spanning several days. */
	@Transactional(readOnly = true)
	public RuleSetTimeline timeline() {
		return new RuleSetTimeline(this.queries.ruleSets());
	}

	/** The set in force on a day. */
	@Transactional(readOnly = true)
	public ProtocolRuleSet inForceOn(LocalDate day) {
		return timeline().inForceOn(day)
			.orElseThrow(() -> new DomainRuleViolation("no-rule-set",
					"No protocol rule set is in force on " + day + " (the first took effect on "
							+ timeline().sets().get(0).effectiveFrom() + ")."));
	}

	/**
	 * Adds a rule set, in force from its date until a later one. It must take effect after the latest
	 * set and not before today (London), so that no decision already taken would be judged differently.
	 */
	@Transactional
	public ProtocolRuleSet add(NewRuleSet set) {
		List<String> problems = set.problems();
		if (!problems.isEmpty()) {
			throw new InvalidInput("The rule set is not valid: " + String.join("; ", problems) + ".",
					problems.stream().map(p -> new InvalidInput.FieldError(p.substring(0, p.indexOf(':')), p)).toList());
		}
		this.queries.lock();
		LocalDate today = LocalDate.now(this.clock.withZone(LONDON));
		if (set.effectiveFrom().isBefore(today)) {
			throw new DomainRuleViolation("rule-set-backdated",
					"A rule set cannot take effect before today (" + today + "): decisions already taken keep their set.");
		}
		RuleSetTimeline timeline = new RuleSetTimeline(this.queries.ruleSets());
		timeline.latest().ifPresent(latest -> {
			if (!set.effectiveFrom().isAfter(latest.effectiveFrom())) {
				throw new DomainRuleViolation("rule-set-order", "A new rule set must take effect after the latest one ("
						+ latest.name() + ", from " + latest.effectiveFrom() + ").");
			}
		});
		if (this.queries.nameExists(set.name().strip())) {
			throw new DomainRuleViolation("rule-set-name", "There is already a rule set called " + set.name().strip() + ".");
		}
		long id = this.queries.insert(set, Actor.current());
		ProtocolRuleSet stored = this.queries.ruleSets()
			.stream()
			.filter(s -> s.id() == id)
			.findFirst()
			.orElseThrow();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", stored.name());
		after.put("effectiveFrom", stored.effectiveFrom().toString());
		after.put("ringFence", stored.ringFence().describe());
		after.put("withinBoroughOnly", stored.withinBoroughOnly());
		after.put("maxFlexDays", stored.duration().maxDays());
		after.put("reviewAfterDays", stored.duration().reviewAfterDays());
		after.put("fairnessWindowDays", stored.fairness().windowDays());
		after.put("fairnessMaxToMean", stored.fairness().maxToMean());
		this.events.publishEvent(StateChange.created("protocol rule set", Long.toString(id), null, after));
		return stored;
	}

}
