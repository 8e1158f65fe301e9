package org.ringfence.deflection;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.ringfence.deflection.DeflectionDecision.Condition;
import org.ringfence.deflection.DeflectionDecision.Officer;
import org.ringfence.deflection.DeflectionDecision.Outcome;
import org.ringfence.deflection.DeflectionDecision.OutcomeResult;
import org.ringfence.deflection.domain.DeflectionRules;
import org.ringfence.deflection.persistence.DeflectionQueries;
import org.ringfence.deflection.persistence.DeflectionQueries.DecisionRow;
import org.ringfence.duties.WardPresence;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.LocatedWard;
import org.ringfence.geography.WardDetail;
import org.ringfence.identity.Place;
import org.ringfence.platform.Actor;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call deflection decisions: judge an incident against the protocol's four conditions from the duty
 * records and the ward team's call priorities, store the decision (tagged "SNT" when deflected) with
 * its audit entry, record its outcome later, and evaluate a month's deflected calls.
 */
@Service
public class CallDeflection {

	/** Roles that may take a call needing a police officer. */
	public static final Set<String> POLICE_OFFICER_ROLES = Set.of("PC", "DWO", "SERGEANT");

	/** The most decisions a list returns. */
	public static final int MAX_LIST = 1000;

	private final DeflectionQueries queries;

	private final CallPriorities priorities;

	private final WardPresence presence;

	private final GeographyService geography;

	private final DeflectionProperties settings;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	CallDeflection(DeflectionQueries queries, CallPriorities priorities, WardPresence presence, GeographyService geography,
			DeflectionProperties settings, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.queries = queries;
		this.priorities = priorities;
		this.presence = presence;
		this.geography = geography;
		this.settings = settings;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/** Where the incident is: the ward given, or the ward containing the location (which must agree). */
	@Transactional(readOnly = true)
	public WardDetail wardOf(Incident incident) {
		if (incident.latitude().isPresent() != incident.longitude().isPresent()) {
			throw new InvalidInput("Give both latitude and longitude, or neither.",
					List.of(new InvalidInput.FieldError("latitude/longitude", "both or neither")));
		}
		Optional<LocatedWard> located = Optional.empty();
		if (incident.latitude().isPresent()) {
			located = this.geography.locate(incident.latitude().get(), incident.longitude().get());
			if (located.isEmpty()) {
				throw new InvalidInput("The location is not in a Metropolitan Police ward.",
						List.of(new InvalidInput.FieldError("latitude/longitude", "outside the Met")));
			}
		}
		if (incident.wardCode().isEmpty() && located.isEmpty()) {
			throw new InvalidInput("Give the ward or the location of the incident.",
					List.of(new InvalidInput.FieldError("wardCode", "a ward or a location is required")));
		}
		String code = incident.wardCode().isPresent() ? incident.wardCode().get() : located.get().wardCode();
		if (located.isPresent() && !located.get().wardCode().equals(code)) {
			throw new InvalidInput("The location is in ward " + located.get().wardCode() + " (" + located.get().wardName()
					+ "), not " + code + ".", List.of(new InvalidInput.FieldError("wardCode", "does not contain the location")));
		}
		return this.geography.ward(code);
	}

	/** Where the incident's ward sits, for access checks before deciding. */
	@Transactional(readOnly = true)
	public Place placeOf(Incident incident) {
		return this.geography.placeOfWard(wardOf(incident).code());
	}

	/**
	 * Judges the incident, stores the decision and publishes its audit entry. A deflected call is
	 * tagged "SNT".
	 */
	@Transactional
	public DeflectionDecision decide(Incident incident) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (incident.cadReference().isEmpty() || incident.cadReference().length() > 40) {
			errors.add(new InvalidInput.FieldError("cadReference", "1-40 characters"));
		}
		if (incident.expectedMinutes() < 1 || incident.expectedMinutes() > 1440) {
			errors.add(new InvalidInput.FieldError("expectedMinutes", "1-1440"));
		}
		Optional<CallCategory> category = this.priorities.category(incident.callCategory());
		if (category.isEmpty()) {
			errors.add(new InvalidInput.FieldError("callCategory", "unknown call category " + incident.callCategory()));
		}
		if (incident.overrideReason().map(r -> r.length() > 1000).orElse(false)) {
			errors.add(new InvalidInput.FieldError("overrideReason", "at most 1000 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("The incident is not valid.", errors);
		}
		WardDetail ward = wardOf(incident);
		Instant at = incident.at().orElseGet(this.clock::instant);
		List<DeflectionRules.Person> onDuty = this.presence.inWard(ward.code(), at)
			.stream()
			.map(d -> {
				Officer o = officer(d);
				return new DeflectionRules.Person(o.personId(), o.name(), o.role(), o.roleTitle(), d.policeOfficer(), d.endsAt());
			})
			.toList();
		Optional<DeflectionRules.Priorities> teamPriorities = this.priorities.ofWard(ward.code())
			.map(p -> new DeflectionRules.Priorities(
					p.categories().stream().map(CallCategory::code).collect(java.util.stream.Collectors.toSet()),
					p.categories().stream().map(CallCategory::name).toList(), p.lastReviewed()));
		DeflectionRules.Settings thresholds = new DeflectionRules.Settings(this.settings.maxExpectedMinutes(),
				this.settings.prioritiesStaleDays());
		CallCategory type = category.get();
		DeflectionRules.Judgement judgement = DeflectionRules.judge(new DeflectionRules.Case(type.code(), type.name(),
				type.arrestLikely(), incident.needsPoliceOfficer(), incident.expectedMinutes(), incident.criticalIncident(),
				incident.overrideReason(), onDuty, teamPriorities, this.priorities.today()), thresholds);
		List<Condition> conditions = judgement.conditions()
			.stream()
			.map(c -> new Condition(c.number(), c.name(), c.passed(), c.reason()))
			.toList();
		List<Officer> officers = judgement.officers()
			.stream()
			.map(p -> new Officer(p.personId(), p.name(), p.role(), p.roleTitle(), p.onDutyUntil()))
			.toList();
		long id = this.queries.insert(new DeflectionQueries.NewDecision(incident.cadReference(), at, ward.code(),
				ward.boroughCode(), incident.latitude(), incident.longitude(), type.code(), incident.needsPoliceOfficer(),
				incident.expectedMinutes(), incident.criticalIncident(), incident.overrideReason(), judgement.deflect(),
				judgement.overridden(), this.json.writeValueAsString(conditions), this.json.writeValueAsString(officers),
				this.json.writeValueAsString(judgement.warnings()), this.json.writeValueAsString(thresholds.asMap()),
				Actor.current()));
		DeflectionDecision decision = decision(id);
		this.events.publishEvent(StateChange.created("deflection decision", Long.toString(id), ward.boroughCode(),
				state(decision)));
		return decision;
	}

	@Transactional(readOnly = true)
	public DeflectionDecision decision(long id) {
		return this.queries.decision(id).map(this::view).orElseThrow(() -> new NotFound("No deflection decision " + id + "."));
	}

	/** Decisions on incidents in [from, to), newest first (at most {@link #MAX_LIST}). */
	@Transactional(readOnly = true)
	public List<DeflectionDecision> decisions(Instant from, Instant to, Optional<List<String>> boroughs,
			boolean deflectedOnly) {
		return this.queries.decisions(from, to, boroughs, deflectedOnly, MAX_LIST).stream().map(this::view).toList();
	}

	/** Records (or corrects) what happened on a deflected call: minutes away from the ward and the result. */
	@Transactional
	public DeflectionDecision recordOutcome(long id, int minutesAway, OutcomeResult result, String note) {
		DeflectionDecision before = decision(id);
		if (!before.deflect()) {
			throw new DomainRuleViolation("not-deflected", "Decision " + id + " did not deflect the call: it has no SNT outcome.");
		}
		if (minutesAway < 0 || minutesAway > 2880) {
			throw new InvalidInput("Minutes away must be 0-2880.",
					List.of(new InvalidInput.FieldError("minutesAway", "0-2880")));
		}
		String text = note == null ? "" : note.strip();
		if (text.length() > 1000) {
			throw new InvalidInput("The note is too long.", List.of(new InvalidInput.FieldError("note", "at most 1000 characters")));
		}
		this.queries.recordOutcome(id, minutesAway, result.name(), text, Actor.current());
		DeflectionDecision after = decision(id);
		this.events.publishEvent(StateChange.changed("deflection outcome recorded", "deflection decision",
				Long.toString(id), after.boroughCode(), outcome(before), outcome(after)));
		return after;
	}

	/** The month's deflected calls per borough and ward, with their outcomes; all London when no borough. */
	@Transactional(readOnly = true)
	public DeflectionEvaluation evaluation(YearMonth month, Optional<String> borough) {
		borough.ifPresent(this.geography::borough);
		Instant from = month.atDay(1).atStartOfDay(CallPriorities.LONDON).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(CallPriorities.LONDON).toInstant();
		List<DecisionRow> rows = this.queries.deflectedCalls(from, to, borough);
		Map<String, String> wardNames = this.geography.wardNames();
		Map<String, String> wardBorough = new LinkedHashMap<>();
		this.geography.wards(borough).forEach(w -> wardBorough.put(w.code(), w.boroughCode()));
		Map<String, String> boroughNames = new LinkedHashMap<>();
		this.geography.boroughs().forEach(b -> boroughNames.put(b.code(), b.name()));
		int threshold = this.settings.maxExpectedMinutes();
		Map<String, Tally> wards = new java.util.TreeMap<>();
		for (DeflectionQueries.WardCount count : this.queries.countsByWard(from, to, borough)) {
			Tally tally = wards.computeIfAbsent(count.wardCode(), w -> new Tally());
			tally.decisions += count.decisions();
		}
		List<DeflectionEvaluation.Call> calls = new ArrayList<>();
		for (DecisionRow row : rows) {
			wards.computeIfAbsent(row.wardCode(), w -> new Tally()).add(row, threshold);
			calls.add(new DeflectionEvaluation.Call(row.id(), row.cadReference(), row.incidentAt(), row.boroughCode(),
					row.boroughName(), row.wardCode(), row.wardName(), row.category(), row.categoryName(),
					row.expectedMinutes(), row.overridden(), row.outcomeMinutes(), row.outcomeResult(), row.outcomeNote()));
		}
		Map<String, Tally> boroughs = new java.util.TreeMap<>();
		Tally total = new Tally();
		wards.forEach((ward, tally) -> {
			String b = wardBorough.computeIfAbsent(ward, w -> this.geography.ward(w).boroughCode());
			boroughs.computeIfAbsent(b, x -> new Tally()).merge(tally);
			total.merge(tally);
		});
		Function<String, String> boroughName = b -> boroughNames.getOrDefault(b, b);
		List<DeflectionEvaluation.Summary> wardSummaries = wards.entrySet()
			.stream()
			.map(e -> {
				String b = wardBorough.getOrDefault(e.getKey(), "");
				return e.getValue().summary(e.getKey(), wardNames.getOrDefault(e.getKey(), e.getKey()), b);
			})
			.sorted(java.util.Comparator.comparing((DeflectionEvaluation.Summary s) -> boroughName.apply(s.boroughCode()))
				.thenComparing(DeflectionEvaluation.Summary::name))
			.toList();
		List<DeflectionEvaluation.Summary> boroughSummaries = boroughs.entrySet()
			.stream()
			.map(e -> e.getValue().summary(e.getKey(), boroughName.apply(e.getKey()), e.getKey()))
			.sorted(java.util.Comparator.comparing(DeflectionEvaluation.Summary::name))
			.toList();
		String scopeName = borough.map(boroughName).orElse("London");
		return new DeflectionEvaluation(month.toString(), borough, scopeName, threshold,
				total.summary(borough.orElse("MPS"), scopeName, borough.orElse("")), boroughSummaries, wardSummaries, calls);
	}

	/** Counting for the evaluation. */
	private static final class Tally {

		int decisions;

		int deflected;

		int overridden;

		int outcomes;

		long minutes;

		int longerThanExpected;

		int overThreshold;

		void add(DecisionRow row, int threshold) {
			this.deflected++;
			if (row.overridden()) {
				this.overridden++;
			}
			row.outcomeMinutes().ifPresent(m -> {
				this.outcomes++;
				this.minutes += m;
				if (m > row.expectedMinutes()) {
					this.longerThanExpected++;
				}
				if (m > threshold) {
					this.overThreshold++;
				}
			});
		}

		void merge(Tally other) {
			this.decisions += other.decisions;
			this.deflected += other.deflected;
			this.overridden += other.overridden;
			this.outcomes += other.outcomes;
			this.minutes += other.minutes;
			this.longerThanExpected += other.longerThanExpected;
			this.overThreshold += other.overThreshold;
		}

		DeflectionEvaluation.Summary summary(String code, String name, String borough) {
			Optional<Double> average = this.outcomes == 0 ? Optional.empty()
					: Optional.of(Math.round(10.0 * this.minutes / this.outcomes) / 10.0);
			return new DeflectionEvaluation.Summary(code, name, borough, this.decisions, this.deflected, this.overridden,
					this.outcomes, this.minutes, average, this.longerThanExpected, this.overThreshold);
		}

	}

	static Officer officer(WardPresence.OnDuty d) {
		return new Officer(d.personId(), d.name(), d.role().map(Enum::name).orElse(""),
				d.role().map(r -> r.title()).orElse("Team member"), d.endsAt());
	}

	private DeflectionDecision view(DecisionRow row) {
		List<Condition> conditions = this.json.readValue(row.conditionsJson(), new TypeReference<List<Condition>>() {
		});
		List<Officer> officers = this.json.readValue(row.officersJson(), new TypeReference<List<Officer>>() {
		});
		List<String> warnings = this.json.readValue(row.warningsJson(), new TypeReference<List<String>>() {
		});
		Map<String, Object> settings = this.json.readValue(row.settingsJson(), new TypeReference<Map<String, Object>>() {
		});
		Optional<Outcome> outcome = row.outcomeResult()
			.map(r -> new Outcome(row.outcomeMinutes().orElse(0), OutcomeResult.valueOf(r), row.outcomeNote(),
					row.outcomeBy().orElse(""), row.outcomeAt().orElse(row.decidedAt())));
		return new DeflectionDecision(row.id(), row.cadReference(), row.incidentAt(), row.wardCode(), row.wardName(),
				row.boroughCode(), row.category(), row.categoryName(), row.needsPoliceOfficer(), row.expectedMinutes(),
				row.criticalIncident(), row.deflected(), row.overridden(), row.overrideReason(),
				row.tag().map(List::of).orElse(List.of()), conditions, officers, warnings, settings, row.decidedBy(),
				row.decidedAt(), outcome);
	}

	private static Map<String, Object> state(DeflectionDecision d) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("cadReference", d.cadReference());
		state.put("incidentAt", d.incidentAt().toString());
		state.put("ward", d.wardCode());
		state.put("callCategory", d.callCategory());
		state.put("needsPoliceOfficer", d.needsPoliceOfficer());
		state.put("expectedMinutes", d.expectedMinutes());
		state.put("criticalIncident", d.criticalIncident());
		state.put("deflected", d.deflect());
		state.put("overridden", d.overridden());
		d.overrideReason().ifPresent(r -> state.put("overrideReason", r));
		state.put("tags", d.tags());
		state.put("failedConditions", d.conditions().stream().filter(c -> !c.passed()).map(Condition::number).toList());
		state.put("officers", d.officers().stream().map(Officer::personId).toList());
		return state;
	}

	private static Map<String, Object> outcome(DeflectionDecision d) {
		Map<String, Object> state = new LinkedHashMap<>();
		d.outcome().ifPresent(o -> {
			state.put("minutesAway", o.minutesAway());
			state.put("result", o.result().name());
			state.put("note", o.note());
		});
		return state;
	}

}
