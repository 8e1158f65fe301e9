package org.ringfence.performance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.ringfence.demand.WardDemand;
import org.ringfence.demand.WardDemandFigures;
import org.ringfence.duties.AbstractionReport;
import org.ringfence.duties.AbstractionReports;
import org.ringfence.duties.DutyKind;
import org.ringfence.flex.FlexMonitoring;
import org.ringfence.flex.FlexRequestSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.performance.domain.Diagnostics;
import org.ringfence.performance.domain.Quarter;
import org.ringfence.performance.persistence.ActivityQueries;
import org.ringfence.performance.persistence.ProblemQueries;
import org.ringfence.platform.Metrics;
import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;

/**
 * Builds the monthly SN performance report of an area from its sources: survey results (this
 * module), EPIC activity (this module), the abstraction report (duties module: visibility,
 * abstraction, authorised flex minutes), the flex dashboard (flex module: requests deployed),
 * problems (this module) and ward demand (demand module, for the diagnostic indicators).
 */
@Service
public class PerformanceReports {

	private final Areas areas;

	private final Surveys surveys;

	private final ActivityQueries activity;

	private final ProblemQueries problems;

	private final AbstractionReports abstraction;

	private final FlexMonitoring flex;

	private final WardDemand demand;

	private final GeographyService geography;

	private final ObjectProvider<PriorityLookup> priorities;

	private final Clock clock;

	private final Metrics metrics;

	/**
	 * Threads that read a report's independent sources. Bounded, so that the database connections a
	 * report takes stay bounded too (each source holds one only while it runs); the caller holds none
	 * while it waits (no transaction around {@link #build}).
	 */
	private final ExecutorService pool;

	/** {@link #pool}, carrying the caller's security context to its threads. */
	private final Executor sources;

	PerformanceReports(Areas areas, Surveys surveys, ActivityQueries activity, ProblemQueries problems,
			AbstractionReports abstraction, FlexMonitoring flex, WardDemand demand, GeographyService geography,
			ObjectProvider<PriorityLookup> priorities, Clock clock, Metrics metrics) {
		this.metrics = metrics;
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(SOURCE_THREADS, r -> {
			Thread t = new Thread(r, "performance-report-" + threads.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		this.sources = new DelegatingSecurityContextExecutorService(this.pool);
		this.areas = areas;
		this.surveys = surveys;
		this.activity = activity;
		this.problems = problems;
		this.abstraction = abstraction;
		this.flex = flex;
		this.demand = demand;
		this.geography = geography;
		this.priorities = priorities;
		this.clock = clock;
	}

	/** How many of a report's sources are read at once (over all reports being built). */
	static final int SOURCE_THREADS = 4;

	@PreDestroy
	void stop() {
		this.pool.shutdownNow();
	}

	/** The report of an area the caller may read. */
	public PerformanceReport report(YearMonth month, Area.Level level, Optional<String> code) {
		return build(month, this.areas.readable(level, code));
	}

	/**
	 * The report of an area (no scope check: callers check). Its independent sources (the survey
	 * outcomes, the abstraction report, flex requests, the two demand periods) are read in parallel
	 * on {@link #sources}, each in its own read-only transaction; EPIC activity and problems are read
	 * here meanwhile. Each source is read once per report (not once per unit).
	 */
	public PerformanceReport build(YearMonth month, Area area) {
		return this.metrics.report("performance", () -> assemble(month, area));
	}

	private PerformanceReport assemble(YearMonth month, Area area) {
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		long t0 = System.nanoTime();
		List<String> notes = new ArrayList<>();
		Optional<Collection<String>> boroughFilter = area.boroughFilter().map(b -> (Collection<String>) b);
		boolean london = area.level() == Area.Level.FORCE || area.level() == Area.Level.BCU;
		Optional<String> oneBorough = london ? Optional.empty() : Optional.of(area.boroughCodes().get(0));
		Quarter quarter = Quarter.latestEndedBy(month);
		List<Area> unitAreas = boroughAreas(area);

		// the independent sources, in parallel
		CompletableFuture<List<SurveyOutcome>> outcomesF = supply(() -> this.surveys.outcomes(area, quarter));
		CompletableFuture<Map<String, List<SurveyOutcome>>> unitOutcomesF = unitAreas.isEmpty()
				? CompletableFuture.completedFuture(Map.of()) : supply(() -> this.surveys.outcomesOfEach(unitAreas, quarter));
		CompletableFuture<AbstractionReport> abstractionF = supply(
				() -> this.abstraction.report(from, to, DutyKind.ACTUAL, oneBorough));
		Optional<String> flexBorough = area.level() == Area.Level.BOROUGH || area.level() == Area.Level.WARD
				? Optional.of(area.boroughCodes().get(0)) : Optional.empty();
		CompletableFuture<List<FlexRequestSummary>> flexF = supply(() -> this.flex.deployedDuring(flexBorough, from, to));
		CompletableFuture<List<WardDemandFigures>> recentF = supply(
				() -> this.demand.figures(oneBorough, month.minusMonths(2).atDay(1), to));
		CompletableFuture<List<WardDemandFigures>> priorF = supply(
				() -> this.demand.figures(oneBorough, month.minusMonths(5).atDay(1), month.minusMonths(3).atEndOfMonth()));

		List<WardSummary> wards = this.areas.wards(area);
		Set<String> wardCodes = wards.stream().map(WardSummary::code).collect(Collectors.toSet());
		Map<String, String> wardNames = this.geography.wardNames();

		// activity
		List<ActivityQueries.Total> totals = this.activity.totals(month, boroughFilter)
			.stream()
			.filter(t -> wardCodes.contains(t.wardCode()))
			.toList();
		Optional<PriorityLookup> lookup = Optional.ofNullable(this.priorities.getIfAvailable());
		PerformanceReport.Activity activityTotals = activity(totals, lookup, area, month);

		// problems
		List<ProblemQueries.WardCounts> problemCounts = this.problems.countsByWard(from, to, boroughFilter)
			.stream()
			.filter(c -> wardCodes.contains(c.wardCode()))
			.toList();
		PerformanceReport.ProblemCounts problemTotals = new PerformanceReport.ProblemCounts(
				problemCounts.stream().mapToLong(ProblemQueries.WardCounts::opened).sum(),
				problemCounts.stream().mapToLong(ProblemQueries.WardCounts::closed).sum(),
				problemCounts.stream().mapToLong(ProblemQueries.WardCounts::openAtEnd).sum());
		t0 = lap("activity and problems", t0);

		// outcomes
		List<SurveyOutcome> outcomes = join(outcomesF);
		boolean synthetic = outcomes.stream().anyMatch(SurveyOutcome::synthetic);
		if (synthetic) {
			notes.add("Survey results are synthetic demo data, not real survey results.");
		}

		// visibility and abstraction
		AbstractionReport abstractionReport = join(abstractionF);
		t0 = lap("outcomes and abstraction", t0);
		List<AbstractionReport.Summary> parts = switch (area.level()) {
			case FORCE -> List.of(abstractionReport.force());
			case BCU, BOROUGH -> abstractionReport.boroughs().stream().filter(s -> area.boroughCodes().contains(s.code())).toList();
			case WARD -> abstractionReport.teams().stream().filter(s -> s.code().equals(area.code())).toList();
		};
		PerformanceReport.Visibility visibility = visibility(parts);

		// flex
		PerformanceReport.FlexUse flexUse = flexUse(area, from, to, visibility, join(flexF));

		// units
		Map<String, Optional<Double>> satisfaction = new HashMap<>();
		join(unitOutcomesF).forEach((b, list) -> satisfaction.put(b, list.stream()
			.filter(o -> o.question().equals("satisfaction"))
			.findFirst()
			.flatMap(SurveyOutcome::proportion)));
		List<PerformanceReport.UnitRow> units = units(area, wards, totals, abstractionReport, problemCounts, satisfaction);

		// diagnostics
		Map<String, WardDemandFigures> recent = byWard(join(recentF));
		Map<String, WardDemandFigures> prior = byWard(join(priorF));
		t0 = lap("flex, units and demand", t0);
		Map<String, Long> activityByWard = new HashMap<>();
		totals.stream()
			.filter(t -> !EpicMeasure.ofCode(t.measure()).map(EpicMeasure::countsPeople).orElse(false))
			.forEach(t -> activityByWard.merge(t.wardCode(), t.count(), Long::sum));
		Map<String, AbstractionReport.Summary> teams = abstractionReport.teams()
			.stream()
			.collect(Collectors.toMap(AbstractionReport.Summary::code, s -> s, (a, b) -> a));
		List<Diagnostics.Input> inputs = new ArrayList<>();
		for (WardSummary w : wards) {
			AbstractionReport.Summary team = teams.get(w.code());
			Double vis = team == null || team.dutyMinutes() == 0 ? null : (double) team.ownWardMinutes() / team.dutyMinutes();
			inputs.add(new Diagnostics.Input(w.code(), w.name(), demandOf(recent.get(w.code())), demandOf(prior.get(w.code())),
					activityByWard.getOrDefault(w.code(), 0L), vis));
		}
		List<Diagnostics.Indicator> diagnostics = Diagnostics.rank(inputs);
		lap("diagnostics", t0);
		if (recent.values().stream().allMatch(f -> f.tno() + f.asb() == 0)) {
			notes.add("The demand module holds no crime or ASB records for " + month.minusMonths(2) + " to " + month
					+ ": the demand trend is unknown and counts as average in the ranking.");
		}
		return new PerformanceReport(month.toString(), area, this.clock.instant(),
				new PerformanceReport.Outcomes(quarter.toString(), this.surveys.rule(), synthetic, outcomes), activityTotals,
				visibility, flexUse, problemTotals, units, diagnostics, Diagnostics.FORMULA, notes);
	}

	/** The boroughs of a force or BCU report (its unit rows), else none. */
	private List<Area> boroughAreas(Area area) {
		if (area.level() != Area.Level.FORCE && area.level() != Area.Level.BCU) {
			return List.of();
		}
		Map<String, String> boroughNames = this.geography.boroughs()
			.stream()
			.collect(Collectors.toMap(b -> b.code(), b -> b.name()));
		return area.boroughCodes()
			.stream()
			.map(b -> new Area(Area.Level.BOROUGH, b, boroughNames.getOrDefault(b, b), List.of(b), Optional.empty()))
			.toList();
	}

	private <T> CompletableFuture<T> supply(java.util.function.Supplier<T> source) {
		return CompletableFuture.supplyAsync(source, this.sources);
	}

	/** The value of a source, or its exception as thrown by the source itself. */
	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private PerformanceReport.Activity activity(List<ActivityQueries.Total> totals, Optional<PriorityLookup> lookup, Area area,
			YearMonth month) {
		Map<String, long[]> byMeasure = new HashMap<>();
		for (ActivityQueries.Total t : totals) {
			long[] sums = byMeasure.computeIfAbsent(t.measure(), m -> new long[2]);
			sums[0] += t.count();
			sums[1] += t.linked();
		}
		List<PerformanceReport.CategoryTotal> categories = new ArrayList<>();
		long total = 0;
		long linked = 0;
		long attendance = 0;
		for (EpicCategory category : EpicCategory.values()) {
			List<PerformanceReport.MeasureTotal> measures = new ArrayList<>();
			long categoryTotal = 0;
			for (EpicMeasure m : EpicMeasure.values()) {
				if (m.category() != category) {
					continue;
				}
				long[] sums = byMeasure.getOrDefault(m.code(), new long[2]);
				measures.add(new PerformanceReport.MeasureTotal(m.code(), m.label(), sums[0], sums[1]));
				if (m.countsPeople()) {
					attendance += sums[0];
				}
				else {
					categoryTotal += sums[0];
					linked += sums[1];
				}
			}
			total += categoryTotal;
			categories.add(new PerformanceReport.CategoryTotal(category.name(), category.label(), measures, categoryTotal));
		}
		List<PerformanceReport.PriorityActivity> priorityRows = new ArrayList<>();
		String note;
		if (lookup.isEmpty()) {
			note = "priorities: not available";
		}
		else if (area.wardCode().isPresent()) {
			Map<Long, Long> perPriority = this.activity.byPriority(area.wardCode().get(), month);
			for (PriorityRef p : lookup.get().forWard(area.wardCode().get(), month.atDay(1), month.atEndOfMonth())) {
				priorityRows.add(new PerformanceReport.PriorityActivity(p.id(), p.category(), p.issue(), p.status(),
						perPriority.getOrDefault(p.id(), 0L)));
			}
			note = priorityRows.size() + " priorities in the month; " + linked + " of " + total
					+ " activities recorded against a priority";
		}
		else {
			note = linked + " of " + total + " activities recorded against a ward priority";
		}
		return new PerformanceReport.Activity(categories, total, linked, attendance, lookup.isPresent(), note, priorityRows);
	}

	static PerformanceReport.Visibility visibility(List<AbstractionReport.Summary> parts) {
		long duty = 0;
		long own = 0;
		long abstracted = 0;
		long given = 0;
		long received = 0;
		Map<String, Long> byType = new TreeMap<>();
		for (AbstractionReport.Summary s : parts) {
			duty += s.dutyMinutes();
			own += s.ownWardMinutes();
			abstracted += s.abstractedMinutes();
			given += s.flexGivenMinutes();
			received += s.flexReceivedMinutes();
			s.minutesByType().forEach((k, v) -> byType.merge(k, v, Long::sum));
		}
		return new PerformanceReport.Visibility(duty, own, abstracted, share(own, duty), share(abstracted, duty), given,
				received, byType);
	}

	private PerformanceReport.FlexUse flexUse(Area area, LocalDate from, LocalDate to, PerformanceReport.Visibility v,
			List<FlexRequestSummary> overlapping) {
		List<FlexRequestSummary> deployed = overlapping
			.stream()
			.filter(r -> area.boroughCodes().contains(r.boroughCode()))
			.filter(r -> area.wardCode().isEmpty() || r.receivingWard().equals(area.wardCode().get())
					|| r.providingWards().contains(area.wardCode().get()))
			.filter(r -> !r.firstDay().isAfter(to) && !r.lastDay().isBefore(from))
			.toList();
		return new PerformanceReport.FlexUse(v.flexGivenMinutes(), v.flexReceivedMinutes(), deployed.size(),
				deployed.stream().map(FlexRequestSummary::reference).toList(),
				"Minutes of authorised SNT flex come from the duty records; requests are those authorised or live now "
						+ "whose dates overlap the month (the flex module's dashboard lists no ended requests).");
	}

	private List<PerformanceReport.UnitRow> units(Area area, List<WardSummary> wards, List<ActivityQueries.Total> totals,
			AbstractionReport report, List<ProblemQueries.WardCounts> problemCounts,
			Map<String, Optional<Double>> satisfaction) {
		if (area.level() == Area.Level.WARD) {
			return List.of();
		}
		boolean byBorough = area.level() != Area.Level.BOROUGH;
		Map<String, String> unitOfWard = new HashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		if (byBorough) {
			Map<String, String> boroughNames = this.geography.boroughs()
				.stream()
				.collect(Collectors.toMap(b -> b.code(), b -> b.name()));
			for (String b : area.boroughCodes()) {
				names.put(b, boroughNames.getOrDefault(b, b));
			}
			wards.forEach(w -> unitOfWard.put(w.code(), w.boroughCode()));
		}
		else {
			wards.stream()
				.sorted(java.util.Comparator.comparing(WardSummary::name))
				.forEach(w -> names.put(w.code(), w.name()));
			wards.forEach(w -> unitOfWard.put(w.code(), w.code()));
		}
		Map<String, long[]> act = new HashMap<>();
		for (ActivityQueries.Total t : totals) {
			if (EpicMeasure.ofCode(t.measure()).map(EpicMeasure::countsPeople).orElse(false)) {
				continue;
			}
			long[] a = act.computeIfAbsent(unitOfWard.get(t.wardCode()), u -> new long[2]);
			a[0] += t.count();
			a[1] += t.linked();
		}
		Map<String, long[]> probs = new HashMap<>();
		for (ProblemQueries.WardCounts c : problemCounts) {
			long[] p = probs.computeIfAbsent(unitOfWard.get(c.wardCode()), u -> new long[2]);
			p[0] += c.opened();
			p[1] += c.closed();
		}
		Map<String, AbstractionReport.Summary> summaries = (byBorough ? report.boroughs() : report.teams()).stream()
			.collect(Collectors.toMap(AbstractionReport.Summary::code, s -> s, (a, b) -> a));
		List<PerformanceReport.UnitRow> rows = new ArrayList<>();
		for (Map.Entry<String, String> unit : names.entrySet()) {
			long[] a = act.getOrDefault(unit.getKey(), new long[2]);
			long[] p = probs.getOrDefault(unit.getKey(), new long[2]);
			AbstractionReport.Summary s = summaries.get(unit.getKey());
			long duty = s == null ? 0 : s.dutyMinutes();
			long own = s == null ? 0 : s.ownWardMinutes();
			rows.add(new PerformanceReport.UnitRow(unit.getKey(), unit.getValue(), a[0], a[1], duty, own, share(own, duty),
					s == null ? 0 : s.abstractedMinutes(), p[0], p[1],
					satisfaction.getOrDefault(unit.getKey(), Optional.empty())));
		}
		return rows;
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PerformanceReports.class);

	private static long lap(String part, long t0) {
		long now = System.nanoTime();
		log.debug("report part {}: {} ms", part, (now - t0) / 1_000_000);
		return now;
	}

	private static Map<String, WardDemandFigures> byWard(List<WardDemandFigures> figures) {
		return figures.stream().collect(Collectors.toMap(WardDemandFigures::wardCode, f -> f, (a, b) -> a));
	}

	private static long demandOf(WardDemandFigures f) {
		return f == null ? 0 : f.tno() + f.asb();
	}

	private static double share(long part, long whole) {
		return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
	}

}
