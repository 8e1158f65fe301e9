package org.ringfence.flex;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ringfence.duties.FlexDuties;
import org.ringfence.flex.persistence.FlexQueries;
import org.ringfence.flex.persistence.FlexQueries.OfficerRow;
import org.ringfence.flex.persistence.FlexQueries.RequestRow;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.protocol.FairnessRule;
import org.ringfence.protocol.ProtocolRuleSet;
import org.ringfence.protocol.ProtocolRules;
import org.ringfence.protocol.RuleSetTimeline;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The flex dashboard's figures for a borough or London (callers check scope first). */
@Service
public class FlexMonitoring {

	/** Months of flex share before the day's month, and after it. */
	static final int MONTHS_BACK = 5;

	static final int MONTHS_AHEAD = 2;

	private final FlexQueries queries;

	private final FlexRequests requests;

	private final FlexDuties duties;

	private final ProtocolRules protocol;

	private final GeographyService geography;

	private final Clock clock;

	FlexMonitoring(FlexQueries queries, FlexRequests requests, FlexDuties duties, ProtocolRules protocol,
			GeographyService geography, Clock clock) {
		this.queries = queries;
		this.requests = requests;
		this.duties = duties;
		this.protocol = protocol;
		this.geography = geography;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneId.of("Europe/London")));
	}

	@Transactional(readOnly = true)
	public FlexDashboard dashboard(Optional<String> boroughCode, LocalDate asOf) {
		boroughCode.ifPresent(this.geography::borough);
		RuleSetTimeline timeline = this.protocol.timeline();
		Map<String, String> names = this.geography.wardNames();
		List<RequestRow> rows = this.queries.requests(boroughCode, Optional.empty())
			.stream()
			.filter(r -> r.status().deployed() || r.status() == FlexStatus.ENDED || r.status() == FlexStatus.CLOSED)
			.toList();
		List<Long> ids = rows.stream().map(RequestRow::id).toList();
		Map<Long, List<OfficerRow>> officers = this.queries.officersOf(ids);
		Map<Long, LocalDate> reviews = this.queries.firstReviews(ids);
		List<FlexRequestSummary> deployed = new ArrayList<>();
		List<FlexRequestSummary> flagged = new ArrayList<>();
		List<FlexDashboard.Arrow> arrows = new ArrayList<>();
		Map<String, String> boroughOfWard = new HashMap<>();
		for (RequestRow row : rows) {
			List<OfficerRow> lines = officers.getOrDefault(row.id(), List.of());
			List<String> providing = lines.stream().map(OfficerRow::providingWard).distinct().sorted().toList();
			var flags = this.requests.flags(row, Optional.ofNullable(reviews.get(row.id())), timeline, asOf);
			FlexRequestSummary summary = new FlexRequestSummary(row.id(), FlexRequests.reference(row.id()), row.status(),
					row.status().label(), row.boroughCode(), row.receivingWard(),
					names.getOrDefault(row.receivingWard(), row.receivingWard()), providing,
					providing.stream().map(w -> names.getOrDefault(w, w)).toList(), lines.size(), row.firstDay(),
					row.lastDay(), row.problemType(), flags);
			if (!flags.isEmpty()) {
				flagged.add(summary);
			}
			if (row.status().deployed()) {
				deployed.add(summary);
				for (String ward : providing) {
					int count = (int) lines.stream().filter(l -> l.providingWard().equals(ward)).count();
					String from = boroughOfWard.computeIfAbsent(ward, w -> this.geography.placeOfWard(w).boroughCode());
					arrows.add(new FlexDashboard.Arrow(summary.reference(), ward, names.getOrDefault(ward, ward),
							row.receivingWard(), summary.receivingWardName(), from, row.boroughCode(), count));
				}
			}
		}
		long overdue = flagged.stream()
			.filter(s -> s.flags().stream().anyMatch(f -> f.code().equals("REVIEW_OVERDUE")))
			.count();
		long pastLimit = flagged.stream()
			.filter(s -> s.flags().stream().anyMatch(f -> f.code().equals("PAST_LIMIT_WITHOUT_EXCEPTION")))
			.count();
		return new FlexDashboard(boroughCode.orElse(null),
				boroughCode.map(b -> this.geography.borough(b).name()).orElse("London"), asOf, deployed, flagged, overdue,
				pastLimit, wardsOver(boroughCode, asOf, timeline, names), months(boroughCode, asOf), arrows);
	}

	/**
	 * The requests deployed now (authorised or live) whose days overlap from..to, in a borough or
	 * London, newest first, flagged as of {@code to}: the dashboard's {@code deployed} list cut to a period, without
	 * the dashboard's fairness and monthly figures (which read a window of duties).
	 */
	@Transactional(readOnly = true)
	public List<FlexRequestSummary> deployed(Optional<String> boroughCode, LocalDate from, LocalDate to) {
		boroughCode.ifPresent(this.geography::borough);
		return summaries(this.queries.deployed(boroughCode, from, to), to);
	}

	/**
	 * The requests whose flex was deployed on some day of from..to, whatever they are now (authorised,
	 * live, ended or closed), newest first, flagged as of {@code to}: what a report of a past period counts.
	 */
	@Transactional(readOnly = true)
	public List<FlexRequestSummary> deployedDuring(Optional<String> boroughCode, LocalDate from, LocalDate to) {
		boroughCode.ifPresent(this.geography::borough);
		return summaries(this.queries.deployedDuring(boroughCode, from, to), to);
	}

	private List<FlexRequestSummary> summaries(List<RequestRow> found, LocalDate asOf) {
		RuleSetTimeline timeline = this.protocol.timeline();
		Map<String, String> names = this.geography.wardNames();
		List<RequestRow> rows = new ArrayList<>(found);
		rows.sort(Comparator.comparingLong(RequestRow::id).reversed()); // newest first, as the dashboard
		List<Long> ids = rows.stream().map(RequestRow::id).toList();
		Map<Long, List<OfficerRow>> officers = this.queries.officersOf(ids);
		Map<Long, LocalDate> reviews = this.queries.firstReviews(ids);
		List<FlexRequestSummary> summaries = new ArrayList<>();
		for (RequestRow row : rows) {
			List<OfficerRow> lines = officers.getOrDefault(row.id(), List.of());
			List<String> providing = lines.stream().map(OfficerRow::providingWard).distinct().sorted().toList();
			summaries.add(new FlexRequestSummary(row.id(), FlexRequests.reference(row.id()), row.status(), row.status().label(),
					row.boroughCode(), row.receivingWard(), names.getOrDefault(row.receivingWard(), row.receivingWard()),
					providing, providing.stream().map(w -> names.getOrDefault(w, w)).toList(), lines.size(), row.firstDay(),
					row.lastDay(), row.problemType(),
					this.requests.flags(row, Optional.ofNullable(reviews.get(row.id())), timeline, asOf)));
		}
		return summaries;
	}

	private List<FlexDashboard.WardOver> wardsOver(Optional<String> boroughCode, LocalDate asOf, RuleSetTimeline timeline,
			Map<String, String> names) {
		Optional<ProtocolRuleSet> set = timeline.inForceOn(asOf);
		if (set.isEmpty()) {
			return List.of();
		}
		FairnessRule rule = set.get().fairness();
		Map<String, String> boroughOf = new HashMap<>();
		for (WardSummary ward : this.geography.wards(boroughCode)) {
			boroughOf.put(ward.code(), ward.boroughCode());
		}
		Map<String, Map<String, Double>> sharesByBorough = new TreeMap<>();
		for (FlexDuties.WardLoad load : this.duties.wardLoads(boroughCode, asOf.minusDays(rule.windowDays()), asOf, today())) {
			String borough = boroughOf.get(load.wardCode());
			if (borough != null && load.dutyMinutes() > 0) {
				sharesByBorough.computeIfAbsent(borough, b -> new TreeMap<>())
					.put(load.wardCode(), (double) (load.abstractedMinutes() + load.flexMinutes()) / load.dutyMinutes());
			}
		}
		List<FlexDashboard.WardOver> over = new ArrayList<>();
		sharesByBorough.forEach((borough, shares) -> {
			double mean = FairnessRule.mean(shares.values());
			shares.forEach((ward, share) -> {
				if (rule.over(share, mean)) {
					over.add(new FlexDashboard.WardOver(ward, names.getOrDefault(ward, ward), borough, round(share), round(mean),
							round(mean > 0 ? share / mean : 0), rule.maxToMean()));
				}
			});
		});
		over.sort(Comparator.comparingDouble(FlexDashboard.WardOver::toMean).reversed());
		return over;
	}

	private List<FlexDashboard.Month> months(Optional<String> boroughCode, LocalDate asOf) {
		YearMonth from = YearMonth.from(asOf).minusMonths(MONTHS_BACK);
		YearMonth to = YearMonth.from(asOf).plusMonths(MONTHS_AHEAD);
		Map<String, FlexDuties.MonthlyFlex> byMonth = new HashMap<>();
		this.duties.monthlyFlex(boroughCode, from.atDay(1), to.atEndOfMonth(), today())
			.forEach(m -> byMonth.put(m.month(), m));
		List<FlexDashboard.Month> months = new ArrayList<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			FlexDuties.MonthlyFlex figures = byMonth.get(m.toString());
			long duty = figures == null ? 0 : figures.dutyMinutes();
			long flex = figures == null ? 0 : figures.flexMinutes();
			months.add(new FlexDashboard.Month(m.toString(), duty / 60, flex / 60, duty == 0 ? 0 : round((double) flex / duty)));
		}
		return months;
	}

	static double round(double value) {
		return Math.round(value * 10_000.0) / 10_000.0;
	}

}
