package org.ringfence.flex;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ringfence.duties.FlexDuties;
import org.ringfence.duties.FlexDuties.PlannedDuty;
import org.ringfence.flex.domain.FlexChecks.WardInfo;
import org.ringfence.flex.domain.RotationPlanner;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.Role;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.protocol.ProtocolRuleSet;
import org.ringfence.protocol.ProtocolRules;
import org.ringfence.protocol.Rank;
import org.ringfence.protocol.RuleSetTimeline;
import org.ringfence.workforce.WorkforceService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotation proposals for long-term problems (see {@link RotationPlanner}): read-only, for the SMT
 * lead and superintendent of the receiving ward's borough (and analysts).
 */
@Service
public class FlexRotations {

	/** The longest problem one proposal plans. */
	public static final int MAX_WEEKS = 26;

	/** The most officers asked for in each period. */
	public static final int MAX_OFFICERS = 20;

	static final Set<Role> PLANNERS = Set.of(Role.ADMIN, Role.ANALYST, Role.SUPERINTENDENT, Role.SMT_LEAD);

	private final FlexDuties duties;

	private final ProtocolRules protocol;

	private final GeographyService geography;

	private final WorkforceService workforce;

	private final CurrentAccess access;

	private final Clock clock;

	FlexRotations(FlexDuties duties, ProtocolRules protocol, GeographyService geography, WorkforceService workforce,
			CurrentAccess access, Clock clock) {
		this.duties = duties;
		this.protocol = protocol;
		this.geography = geography;
		this.workforce = workforce;
		this.access = access;
		this.clock = clock;
	}

	/** A long-term problem to plan a rotation for: from a day for some weeks, officers asked for each period. */
	public record Problem(String receivingWard, LocalDate firstDay, int weeks, int constables, int pcsos) {
	}

	@Transactional(readOnly = true)
	public FlexRotation propose(Problem problem) {
		if (problem.firstDay() == null || problem.weeks() < 1 || problem.weeks() > MAX_WEEKS || problem.constables() < 0
				|| problem.pcsos() < 0 || problem.constables() + problem.pcsos() < 1
				|| problem.constables() + problem.pcsos() > MAX_OFFICERS) {
			throw new InvalidInput("Give the first day, 1-" + MAX_WEEKS + " weeks and 1-" + MAX_OFFICERS
					+ " officers (constables and PCSOs) a period.",
					List.of(new InvalidInput.FieldError("weeks/constables/pcsos", "out of range")));
		}
		Place place;
		try {
			place = this.geography.placeOfWard(problem.receivingWard());
		}
		catch (RuntimeException ex) {
			throw new InvalidInput("There is no ward " + problem.receivingWard() + ".",
					List.of(new InvalidInput.FieldError("receivingWard", "no such ward")));
		}
		if (!this.access.may(PLANNERS, place)) {
			throw new ScopeDenied("The receiving ward is outside your borough.");
		}
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("Europe/London")));
		if (problem.firstDay().isBefore(today)) {
			throw new DomainRuleViolation("timescales-past", "A rotation is planned from today or later.");
		}
		LocalDate last = problem.firstDay().plusWeeks(problem.weeks()).minusDays(1);
		RuleSetTimeline timeline = this.protocol.timeline();
		ProtocolRuleSet set = timeline.inForceOn(problem.firstDay())
			.orElseThrow(() -> new DomainRuleViolation("no-rule-set", "No protocol rule set is in force then."));
		Map<String, WardInfo> wards = new LinkedHashMap<>();
		for (WardSummary ward : this.geography.wards(Optional.of(place.boroughCode()))) {
			wards.put(ward.code(), new WardInfo(ward.code(), ward.name(), ward.boroughCode(), ward.clusterId()));
		}
		List<PlannedDuty> onWard = this.duties.onWardDuties(wards.keySet(), problem.firstDay(), last);
		Map<String, Long> duty = new HashMap<>();
		Map<String, Long> away = new HashMap<>();
		for (FlexDuties.WardLoad load : this.duties.wardLoads(place.boroughCode(),
				problem.firstDay().minusDays(set.fairness().windowDays()), last, today)) {
			duty.put(load.wardCode(), load.dutyMinutes());
			away.put(load.wardCode(), load.abstractedMinutes() + load.flexMinutes());
		}
		Set<Long> people = new HashSet<>();
		onWard.forEach(d -> people.add(d.personId()));
		Map<Rank, Integer> officers = new EnumMap<>(Rank.class);
		officers.put(Rank.CONSTABLE, problem.constables());
		officers.put(Rank.PCSO, problem.pcsos());
		return RotationPlanner.plan(new RotationPlanner.Problem(problem.receivingWard(), problem.firstDay(), last, officers),
				new RotationPlanner.Context(timeline, wards, onWard, duty, away, this.workforce.names(people)));
	}

}
