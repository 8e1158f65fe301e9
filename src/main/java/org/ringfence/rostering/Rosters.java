package org.ringfence.rostering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverJob;
import org.ringfence.duties.ActivityClass;
import org.ringfence.duties.Classification;
import org.ringfence.duties.Duty;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.DutyService;
import org.ringfence.duties.NewDuty;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.Place;
import org.ringfence.platform.Metrics;
import org.ringfence.platform.Actor;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.platform.StateConflict;
import org.ringfence.rostering.RosterViews.Assignment;
import org.ringfence.rostering.RosterViews.NewRoster;
import org.ringfence.rostering.RosterViews.Progress;
import org.ringfence.rostering.RosterViews.RosterJob;
import org.ringfence.rostering.RosterViews.RosterOfficer;
import org.ringfence.rostering.RosterViews.RosterSummary;
import org.ringfence.rostering.RosterViews.RuleSummary;
import org.ringfence.rostering.RosterViews.SlotEdit;
import org.ringfence.rostering.RosterViews.Violation;
import org.ringfence.rostering.domain.Breach;
import org.ringfence.rostering.domain.Officer;
import org.ringfence.rostering.domain.Preferences;
import org.ringfence.rostering.domain.RosterPlan;
import org.ringfence.rostering.domain.RosterSolving;
import org.ringfence.rostering.domain.Slot;
import org.ringfence.rostering.domain.SlotPlanner;
import org.ringfence.rostering.persistence.RosterQueries;
import org.ringfence.rostering.persistence.RosterQueries.OfficerRow;
import org.ringfence.rostering.persistence.RosterQueries.RosterRow;
import org.ringfence.rostering.persistence.RosterQueries.SlotRow;
import org.ringfence.shifts.RosterRole;
import org.ringfence.shifts.ShiftPattern;
import org.ringfence.shifts.ShiftPatterns;
import org.ringfence.workforce.Posting;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rosters: made from a cluster's stored shift pattern for its officers, solved in the background,
 * edited by hand (pinned), re-solved around the pins, and published as planned duties at least a
 * month ahead. Every change is audited.
 */
@Service
public class Rosters {

	private static final Logger log = LoggerFactory.getLogger(Rosters.class);

	/** The most rule breaches kept per rule (the rule's count and penalty are always complete). */
	static final int MAX_VIOLATIONS_PER_RULE = 500;

	private final RosterQueries queries;

	private final RosterEngine engine;

	private final RosteringProperties properties;

	private final GeographyService geography;

	private final ShiftPatterns patterns;

	private final WorkforceService workforce;

	private final DutyService duties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<Long, SolverJob<RosterPlan, Long>> jobs = new ConcurrentHashMap<>();

	private final Map<Long, Long> lastProgress = new ConcurrentHashMap<>();

	private final Map<Long, Long> solveStarted = new ConcurrentHashMap<>();

	private final Metrics metrics;

	private final OfficerPreferences preferences;

	Rosters(RosterQueries queries, RosterEngine engine, RosteringProperties properties, GeographyService geography,
			ShiftPatterns patterns, WorkforceService workforce, DutyService duties, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, JsonMapper json, Clock clock, Metrics metrics,
			OfficerPreferences preferences) {
		this.preferences = preferences;
		this.queries = queries;
		this.engine = engine;
		this.properties = properties;
		this.geography = geography;
		this.patterns = patterns;
		this.workforce = workforce;
		this.duties = duties;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.json = json;
		this.clock = clock;
		this.metrics = metrics;
	}

	@EventListener(ApplicationReadyEvent.class)
	void failInterruptedSolves() {
		int failed = this.queries.failInterrupted();
		if (failed > 0) {
			log.info("{} roster solve(s) interrupted by a restart marked FAILED", failed);
		}
	}

	/** Where a roster belongs, for access checks. */
	@Transactional(readOnly = true)
	public Place placeOf(long rosterId) {
		return this.geography.placeOfCluster(row(rosterId).clusterId());
	}

	/** Where a cluster belongs, for access checks. */
	public Place placeOfCluster(String clusterId) {
		return this.geography.placeOfCluster(clusterId);
	}

	/**
	 * Makes a roster for the cluster's officers (postings to its wards or to the cluster on the start
	 * date) from the pattern and starts solving it in the background.
	 */
	public RosterJob create(NewRoster request) {
		if (request.cluster() == null || request.start() == null) {
			throw new InvalidInput("cluster, start, weeks and patternId are required.",
					List.of(new InvalidInput.FieldError("cluster/start", "required")));
		}
		if (request.weeks() < 1 || request.weeks() > 26) {
			throw new InvalidInput("weeks must be between 1 and 26.", List.of(new InvalidInput.FieldError("weeks", "1 to 26")));
		}
		int seconds = seconds(request.seconds());
		ClusterSummary cluster = this.geography.cluster(request.cluster());
		ShiftPattern pattern = this.patterns.find(request.patternId());
		if (!pattern.clusterId().equals(cluster.id())) {
			throw new DomainRuleViolation("pattern-of-another-cluster", "Shift pattern " + pattern.id() + " is for cluster "
					+ pattern.clusterId() + ", not " + cluster.id() + ".");
		}
		List<OfficerRow> officers = officersOf(cluster, request.start());
		if (officers.isEmpty()) {
			throw new DomainRuleViolation("no-officers", "Cluster " + cluster.id() + " has no officers posted on "
					+ request.start() + " to roster.");
		}
		List<Slot> slots = SlotPlanner.slots(pattern.shifts(), cluster.wardCodes(), request.start(), request.weeks());
		long id = this.transactions.execute(status -> {
			long rosterId = this.queries.insert(cluster.id(), cluster.boroughCode(), pattern.id(), request.start(),
					request.weeks(), seconds, Actor.current());
			this.queries.insertOfficers(rosterId, officers);
			this.queries.insertSlots(rosterId, slots.stream()
				.map(s -> new SlotRow(s.getId(), s.getDay(), s.getDate(), s.getStart(), s.getLengthMinutes(),
						s.getRole().name(), s.getWard(), Optional.empty(), false))
				.toList());
			this.queries.startSolving(rosterId, seconds);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("cluster", cluster.id());
			after.put("pattern", pattern.id());
			after.put("start", request.start().toString());
			after.put("weeks", request.weeks());
			after.put("officers", officers.size());
			after.put("slots", slots.size());
			this.events.publishEvent(StateChange.created("roster", Long.toString(rosterId), cluster.boroughCode(), after));
			return rosterId;
		});
		startSolving(id, seconds);
		return job(id, "SOLVING");
	}

	/** Re-solves the roster around its pinned slots. */
	public RosterJob solve(long id, Optional<Integer> requestedSeconds) {
		int seconds = seconds(requestedSeconds);
		this.transactions.executeWithoutResult(status -> {
			RosterRow roster = this.queries.lock(id).orElseThrow(() -> notFound(id));
			requireEditable(roster, "solve");
			this.queries.startSolving(id, seconds);
			this.events.publishEvent(StateChange.changed("roster solve started", "roster", Long.toString(id),
					roster.boroughCode(), Map.of("status", roster.status()), Map.of("status", "SOLVING", "seconds", seconds)));
		});
		startSolving(id, seconds);
		return job(id, "SOLVING");
	}

	/** Sets (or clears) a slot's officer by hand; pinned unless asked otherwise, so re-solving keeps it. */
	public RosterViews.Roster assign(long id, String slotId, SlotEdit edit) {
		this.transactions.executeWithoutResult(status -> {
			RosterRow roster = this.queries.lock(id).orElseThrow(() -> notFound(id));
			requireEditable(roster, "edit");
			List<SlotRow> slots = this.queries.slots(id);
			SlotRow slot = slots.stream()
				.filter(s -> s.slotId().equals(slotId))
				.findFirst()
				.orElseThrow(() -> new NotFound("Roster " + id + " has no slot " + slotId + "."));
			if (edit.personId().isPresent()) {
				OfficerRow officer = this.queries.officers(id)
					.stream()
					.filter(o -> o.personId() == edit.personId().get())
					.findFirst()
					.orElseThrow(() -> new InvalidInput("Person " + edit.personId().get() + " is not one of this roster's officers.",
							List.of(new InvalidInput.FieldError("personId", "not an officer of the roster"))));
				if (!officer.role().equals(slot.role())) {
					throw new InvalidInput(officer.name() + " (" + officer.role() + ") cannot fill a " + slot.role() + " tour.",
							List.of(new InvalidInput.FieldError("personId", "wrong role for the slot")));
				}
			}
			SlotRow changed = new SlotRow(slot.slotId(), slot.day(), slot.date(), slot.start(), slot.lengthMinutes(),
					slot.role(), slot.ward(), edit.personId(), edit.pinned().orElse(true));
			this.queries.updateSlots(id, List.of(changed));
			RosterPlan plan = plan(this.queries.roster(id).orElseThrow(), slots.stream()
				.map(s -> s.slotId().equals(slotId) ? changed : s)
				.toList());
			keepScore(id, plan, Optional.empty(), Optional.empty(), false, roster.message());
			this.events.publishEvent(StateChange.changed("roster slot assigned", "roster", Long.toString(id),
					roster.boroughCode(), slotState(slot), slotState(changed)));
		});
		return roster(id);
	}

	/**
	 * Publishes the roster: refused while it breaks a hard rule, leaves a slot unfilled, or starts
	 * less than a month ahead; otherwise writes its tours as planned duties (all or none) and freezes
	 * them inside the notice window (duties module).
	 */
	@Transactional
	public RosterViews.Roster publish(long id) {
		RosterRow roster = this.queries.lock(id).orElseThrow(() -> notFound(id));
		requireEditable(roster, "publish");
		List<String> reasons = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock.withZone(NewDuty.LONDON));
		LocalDate earliest = today.plusMonths(1);
		if (roster.start().isBefore(earliest)) {
			reasons.add("It starts on " + roster.start() + ", less than a month ahead: Police Regulations need a roster "
					+ "published at least one month before it starts (the earliest start today is " + earliest + ").");
		}
		List<SlotRow> slots = this.queries.slots(id);
		RosterPlan plan = plan(roster, slots);
		List<Violation> violations = keepScore(id, plan, Optional.empty(), Optional.empty(), false, roster.message());
		violations.stream()
			.filter(v -> !v.level().equals("SOFT"))
			.limit(20)
			.forEach(v -> reasons.add(v.rule() + ": " + v.detail() + "."));
		long broken = violations.stream().filter(v -> !v.level().equals("SOFT")).count();
		if (broken > 20) {
			reasons.add("... and " + (broken - 20) + " more.");
		}
		if (!reasons.isEmpty()) {
			throw new DomainRuleViolation("roster-not-publishable", "Roster " + id + " cannot be published: "
					+ reasons.get(0), reasons);
		}
		String code = onWardCode(roster.start());
		List<NewDuty> tours = slots.stream()
			.filter(s -> s.personId().isPresent())
			.map(s -> NewDuty.ofLocalTimes(s.personId().get(), DutyKind.PLANNED, s.date(), s.start(),
					s.start().plusMinutes(s.lengthMinutes()), Optional.of(s.ward()), "", code))
			.toList();
		this.duties.recordRostered(Long.toString(id), roster.boroughCode(), tours);
		this.queries.published(id, Actor.current());
		this.events.publishEvent(StateChange.changed("roster published", "roster", Long.toString(id), roster.boroughCode(),
				Map.of("status", roster.status()), Map.of("status", "PUBLISHED", "duties", tours.size())));
		return roster(id);
	}

	@Transactional(readOnly = true)
	public RosterViews.Roster roster(long id) {
		RosterRow row = row(id);
		Map<Long, OfficerRow> officers = new LinkedHashMap<>();
		this.queries.officers(id).forEach(o -> officers.put(o.personId(), o));
		List<Assignment> assignments = this.queries.slots(id).stream()
			.map(s -> new Assignment(s.slotId(), s.date(), s.start(), s.start().plusMinutes(s.lengthMinutes()),
					s.lengthMinutes(), s.role(), s.ward(), s.personId(),
					s.personId().map(p -> officers.containsKey(p) ? officers.get(p).name() : "#" + p), s.pinned()))
			.toList();
		List<Violation> violations = this.json.readValue(row.violationsJson(), new TypeReference<List<Violation>>() {
		});
		String patternName;
		try {
			patternName = this.patterns.find(row.patternId()).name();
		}
		catch (NotFound ex) {
			patternName = "#" + row.patternId();
		}
		return new RosterViews.Roster(row.id(), row.clusterId(), row.boroughCode(), row.patternId(), patternName, row.start(),
				row.weeks(), row.start().plusDays(row.weeks() * 7L - 1), row.status(), row.score(), row.hard(), row.medium(),
				row.soft(), feasible(row), new Progress(row.seconds(), row.solveStartedAt(), row.solveEndedAt(),
						row.moveEvaluationSpeed()),
				row.message(), officers.values().stream()
					.map(o -> new RosterOfficer(o.personId(), o.name(), o.role(), o.homeWard()))
					.toList(),
				assignments, rules(violations), violations, row.createdBy(), row.createdAt(), row.publishedBy(),
				row.publishedAt());
	}

	@Transactional(readOnly = true)
	public List<RosterSummary> ofCluster(String clusterId) {
		this.geography.cluster(clusterId);
		return this.queries.ofCluster(clusterId)
			.stream()
			.map(r -> new RosterSummary(r.id(), r.clusterId(), r.start(), r.weeks(), r.status(), r.score(), feasible(r),
					r.createdAt()))
			.toList();
	}

	/** Blocks until the roster's solve (if any) ends; for tests and the command line. */
	public void awaitSolved(long id, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			RosterRow row = row(id);
			if (!row.status().equals("SOLVING") && !this.jobs.containsKey(id)) {
				return;
			}
			Thread.sleep(100);
		}
	}

	// ---------------------------------------------------------------------------------------------

	private void startSolving(long id, int seconds) {
		RosterRow roster = row(id);
		RosterPlan plan = plan(roster, this.queries.slots(id));
		long started = System.nanoTime();
		this.lastProgress.put(id, started);
		this.solveStarted.put(id, started);
		SolverJob<RosterPlan, Long> job = this.engine.solverManager.solveBuilder()
			.withProblemId(id)
			.withProblem(plan)
			.withConfigOverride(new SolverConfigOverride<RosterPlan>().withTerminationConfig(RosterSolving
				.termination(Duration.ofSeconds(seconds), Duration.ofSeconds(Math.min(seconds, this.properties.unimprovedSeconds())))))
			.withBestSolutionConsumer(best -> progress(id, best))
			.withFinalBestSolutionConsumer(best -> finish(id, best))
			.withExceptionHandler((problemId, ex) -> {
				log.warn("Roster {} solve failed", problemId, ex);
				tookMetrics(id, false);
				this.jobs.remove(id);
				this.queries.fail(id, "The solver failed: " + ex.getMessage());
			})
			.run();
		this.jobs.put(id, job);
	}

	private void progress(long id, RosterPlan best) {
		long now = System.nanoTime();
		Long last = this.lastProgress.get(id);
		if (last != null && now - last < 1_000_000_000L) {
			return;
		}
		this.lastProgress.put(id, now);
		HardMediumSoftScore score = best.getScore();
		if (score != null) {
			this.queries.progress(id, score.toString(), score.hardScore(), score.mediumScore(), score.softScore());
		}
	}

	private void tookMetrics(long id, boolean ok) {
		Long started = this.solveStarted.remove(id);
		if (started != null) {
			this.metrics.solverRunTook("rostering", ok, System.nanoTime() - started);
		}
	}

	private void finish(long id, RosterPlan best) {
		tookMetrics(id, true);
		try {
			SolverJob<RosterPlan, Long> job = this.jobs.get(id);
			Optional<Long> speed = Optional.ofNullable(job).map(SolverJob::getMoveEvaluationSpeed);
			this.transactions.executeWithoutResult(status -> {
				RosterRow roster = this.queries.lock(id).orElseThrow(() -> notFound(id));
				this.queries.updateSlots(id, best.getSlots()
					.stream()
					.map(s -> new SlotRow(s.getId(), s.getDay(), s.getDate(), s.getStart(), s.getLengthMinutes(),
							s.getRole().name(), s.getWard(), Optional.ofNullable(s.getOfficer()).map(Officer::personId),
							s.isPinned()))
					.toList());
				keepScore(id, best, Optional.of("SOLVED"), speed, true, "");
				this.events.publishEvent(StateChange.changed("roster solved", "roster", Long.toString(id),
						roster.boroughCode(), Map.of("status", "SOLVING"),
						Map.of("status", "SOLVED", "score", String.valueOf(best.getScore()))));
			});
		}
		catch (RuntimeException ex) {
			log.warn("Roster {}: keeping the solved roster failed", id, ex);
			this.queries.fail(id, "Keeping the solved roster failed: " + ex.getMessage());
		}
		finally {
			this.jobs.remove(id);
			this.lastProgress.remove(id);
		}
	}

	/** Scores the plan, keeps the score and its violations, and returns them. */
	private List<Violation> keepScore(long id, RosterPlan plan, Optional<String> status, Optional<Long> speed,
			boolean ended, String message) {
		ScoreAnalysis<HardMediumSoftScore> analysis = this.engine.solutionManager.analyze(plan,
				ScoreAnalysisFetchPolicy.FETCH_ALL);
		List<Violation> violations = violations(analysis);
		HardMediumSoftScore score = analysis.score();
		this.queries.score(id, status, score.toString(), score.hardScore(), score.mediumScore(), score.softScore(),
				this.json.writeValueAsString(violations), speed, ended, message);
		return violations;
	}

	static List<Violation> violations(ScoreAnalysis<HardMediumSoftScore> analysis) {
		List<Violation> violations = new ArrayList<>();
		for (ConstraintAnalysis<HardMediumSoftScore> constraint : analysis.constraintMap().values()) {
			if (constraint.matches() == null || constraint.matches().isEmpty()) {
				continue;
			}
			String level = level(constraint.weight());
			constraint.matches()
				.stream()
				.sorted(Comparator.comparing(MatchAnalysis::score))
				.limit(MAX_VIOLATIONS_PER_RULE)
				.forEach(match -> {
					int penalty = -penalty(match.score());
					if (match.justification() instanceof Breach breach) {
						violations.add(new Violation(constraint.constraintName(), level, breach.personId(), breach.officer(),
								breach.dates(), breach.detail(), penalty));
					}
					else {
						violations.add(new Violation(constraint.constraintName(), level, Optional.empty(), Optional.empty(),
								List.of(), String.valueOf(match.justification()), penalty));
					}
				});
		}
		violations.sort(Comparator.comparing((Violation v) -> levelOrder(v.level()))
			.thenComparing(Violation::rule)
			.thenComparing(v -> v.dates().isEmpty() ? LocalDate.MIN : v.dates().get(0)));
		return violations;
	}

	private static List<RuleSummary> rules(List<Violation> violations) {
		Map<String, RuleSummary> rules = new LinkedHashMap<>();
		for (Violation v : violations) {
			rules.merge(v.rule(), new RuleSummary(v.rule(), v.level(), 1, v.penalty()),
					(a, b) -> new RuleSummary(a.rule(), a.level(), a.matches() + 1, a.penalty() + b.penalty()));
		}
		return List.copyOf(rules.values());
	}

	private static String level(HardMediumSoftScore weight) {
		return weight.hardScore() != 0 ? "HARD" : weight.mediumScore() != 0 ? "MEDIUM" : "SOFT";
	}

	private static int levelOrder(String level) {
		return switch (level) {
			case "HARD" -> 0;
			case "MEDIUM" -> 1;
			default -> 2;
		};
	}

	private static int penalty(HardMediumSoftScore score) {
		return score.hardScore() != 0 ? score.hardScore() : score.mediumScore() != 0 ? score.mediumScore() : score.softScore();
	}

	/** The plan of a stored roster: its slots (with officers and pins) and officers with what is already fixed for them. */
	RosterPlan plan(RosterRow roster, List<SlotRow> slotRows) {
		ClusterSummary cluster = this.geography.cluster(roster.clusterId());
		ShiftPattern pattern = this.patterns.find(roster.patternId());
		LocalDate start = roster.start();
		LocalDate end = start.plusDays(roster.weeks() * 7L - 1);
		Map<Long, Officer> officers = new LinkedHashMap<>();
		List<OfficerRow> officerRows = this.queries.officers(roster.id());
		Map<Long, Preferences> wishes = this.preferences.forSolver(officerRows.stream().map(OfficerRow::personId).toList());
		for (OfficerRow o : officerRows) {
			List<Officer.Absence> fixed = this.duties.ofPerson(o.personId(), Optional.empty(), start, end)
				.stream()
				.filter(d -> !d.source().equals(rosterSource(roster.id())))
				.map(d -> absence(d, start))
				.toList();
			officers.put(o.personId(), new Officer(o.personId(), o.name(), RosterRole.valueOf(o.role()), o.homeWard(), fixed,
					priors(o.personId(), start), wishes.getOrDefault(o.personId(), Preferences.NONE)));
		}
		int days = roster.weeks() * 7;
		List<Slot> slots = new ArrayList<>();
		for (SlotRow s : slotRows) {
			Slot slot = new Slot(s.slotId(), s.day(), days, s.date(), s.start(), s.lengthMinutes(), RosterRole.valueOf(s.role()),
					s.ward());
			s.personId().map(officers::get).ifPresent(slot::setOfficer);
			slot.setPinned(s.pinned());
			slots.add(slot);
		}
		Map<RosterRole, Integer> minimum = new EnumMap<>(RosterRole.class);
		minimum.put(RosterRole.CONSTABLE, this.properties.ringFenceConstables());
		minimum.put(RosterRole.PCSO, this.properties.ringFencePcsos());
		minimum.put(RosterRole.SERGEANT, this.properties.ringFenceSergeants());
		return new RosterPlan(start, roster.weeks(), List.copyOf(officers.values()),
				SlotPlanner.needs(pattern.shifts(), cluster.wardCodes(), start, roster.weeks(), minimum), slots);
	}

	/** Classes of duty that are not work: no rest is owed after them. */
	private static final Set<ActivityClass> NOT_WORK = java.util.EnumSet.of(ActivityClass.REST_DAY,
			ActivityClass.ANNUAL_LEAVE, ActivityClass.OTHER_LEAVE, ActivityClass.SICKNESS);

	/**
	 * The duties an officer works (planned or actual; rest days, leave and sickness left out) starting
	 * in the day before the roster starts: the first tours must leave 11 hours after them.
	 */
	List<Officer.Prior> priors(long personId, LocalDate start) {
		LocalDate before = start.minusDays(1);
		Map<String, Classification> classes = this.duties.classificationOn(before);
		return this.duties.ofPerson(personId, Optional.empty(), before, before)
			.stream()
			.filter(d -> classes.containsKey(d.activityCode())
					&& !NOT_WORK.contains(classes.get(d.activityCode()).activityClass()))
			.map(d -> new Officer.Prior(d.activityCode(), minutes(d.endsAt(), start)))
			.toList();
	}

	private static String rosterSource(long id) {
		return "roster:" + id;
	}

	static Officer.Absence absence(Duty duty, LocalDate start) {
		return new Officer.Absence(duty.activityCode(), (int) (duty.dutyDate().toEpochDay() - start.toEpochDay()),
				minutes(duty.startsAt(), start), minutes(duty.endsAt(), start));
	}

	/** Local wall-clock minutes from the roster's first midnight to an instant (as slots count them). */
	static int minutes(Instant instant, LocalDate start) {
		LocalDateTime local = LocalDateTime.ofInstant(instant, NewDuty.LONDON);
		long days = local.toLocalDate().toEpochDay() - start.toEpochDay();
		return (int) (days * Slot.DAY + local.getHour() * 60 + local.getMinute());
	}

	/** The cluster's officers on the day: postings to its wards or to the cluster, in a role a pattern rosters. */
	private List<OfficerRow> officersOf(ClusterSummary cluster, LocalDate day) {
		Set<String> wards = Set.copyOf(cluster.wardCodes());
		List<Posting> postings = this.workforce.currentPostings(day)
			.stream()
			.filter(p -> (p.unit().kind() == Unit.Kind.WARD && wards.contains(p.unit().code()))
					|| (p.unit().kind() == Unit.Kind.CLUSTER && p.unit().code().equals(cluster.id())))
			.filter(p -> rosterRole(p).isPresent())
			.toList();
		Map<Long, String> names = this.workforce.names(postings.stream().map(Posting::personId).toList());
		Map<Long, OfficerRow> officers = new HashMap<>();
		for (Posting p : postings) {
			officers.putIfAbsent(p.personId(), new OfficerRow(p.personId(), names.getOrDefault(p.personId(), "#" + p.personId()),
					rosterRole(p).get().name(),
					p.unit().kind() == Unit.Kind.WARD ? Optional.of(p.unit().code()) : Optional.empty()));
		}
		return officers.values().stream().sorted(Comparator.comparing(OfficerRow::role).thenComparing(OfficerRow::name)).toList();
	}

	private static Optional<RosterRole> rosterRole(Posting posting) {
		for (RosterRole role : RosterRole.values()) {
			if (role.filledBy(posting.role())) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	/** The activity code of on-ward duty in the rule set in force on the day (SN_WARD when it is one). */
	private String onWardCode(LocalDate day) {
		Map<String, Classification> classes = this.duties.classificationOn(day);
		if (classes.containsKey("SN_WARD") && classes.get("SN_WARD").activityClass() == ActivityClass.ON_WARD) {
			return "SN_WARD";
		}
		return classes.values()
			.stream()
			.filter(c -> c.activityClass() == ActivityClass.ON_WARD)
			.map(Classification::code)
			.sorted()
			.findFirst()
			.orElseThrow(() -> new DomainRuleViolation("no-on-ward-code",
					"The rule set in force on " + day + " has no on-ward activity code."));
	}

	private int seconds(Optional<Integer> requested) {
		int seconds = requested.orElse(this.properties.seconds());
		if (seconds < 1 || seconds > this.properties.maxSeconds()) {
			throw new InvalidInput("seconds must be between 1 and " + this.properties.maxSeconds() + ".",
					List.of(new InvalidInput.FieldError("seconds", "1 to " + this.properties.maxSeconds())));
		}
		return seconds;
	}

	private static void requireEditable(RosterRow roster, String what) {
		if (roster.status().equals("SOLVING")) {
			throw new StateConflict("roster-solving", "Roster " + roster.id() + " is being solved: wait for it to finish before you " + what + " it.");
		}
		if (roster.status().equals("PUBLISHED")) {
			throw new StateConflict("roster-published", "Roster " + roster.id()
					+ " is published: change its duties (exigencies of duty inside the notice window) instead.");
		}
	}

	private static boolean feasible(RosterRow row) {
		return row.hard() != null && row.hard() == 0 && row.medium() != null && row.medium() == 0;
	}

	private RosterRow row(long id) {
		return this.queries.roster(id).orElseThrow(() -> notFound(id));
	}

	private static NotFound notFound(long id) {
		return new NotFound("No roster " + id + ".");
	}

	private static RosterJob job(long id, String status) {
		return new RosterJob(id, id, status, "/api/v1/rosters/" + id);
	}

	private static Map<String, Object> slotState(SlotRow slot) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("slot", slot.slotId());
		state.put("date", slot.date().toString());
		state.put("start", slot.start().toString());
		state.put("person", slot.personId().map(String::valueOf).orElse(""));
		state.put("pinned", slot.pinned());
		return state;
	}

}
