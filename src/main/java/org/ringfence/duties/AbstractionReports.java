package org.ringfence.duties;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ringfence.duties.AbstractionReport.Row;
import org.ringfence.duties.AbstractionReport.Summary;
import org.ringfence.duties.persistence.ReportQueries;
import org.ringfence.duties.persistence.ReportQueries.Cell;
import org.ringfence.platform.InvalidInput;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the abstraction report for any period (a month, or e.g. 24 Oct - 30 Nov) and scope. */
@Service
public class AbstractionReports {

	/** The longest period one report covers. */
	static final int MAX_DAYS = 400;

	private final ReportQueries queries;

	private final org.ringfence.workforce.WorkforceService workforce;

	private final org.ringfence.platform.Metrics metrics;

	AbstractionReports(ReportQueries queries, org.ringfence.workforce.WorkforceService workforce,
			org.ringfence.platform.Metrics metrics) {
		this.queries = queries;
		this.workforce = workforce;
		this.metrics = metrics;
	}

	@Transactional(readOnly = true)
	public AbstractionReport report(LocalDate from, LocalDate to, DutyKind kind, Optional<String> boroughCode) {
		checkPeriod(from, to);
		return this.metrics.report("abstraction", () -> build(from, to, kind, boroughCode.orElse(null),
				this.queries.aggregate(from, to, kind, boroughCode)));
	}

	/** The most duty records one drill-down returns. */
	public static final int MAX_DRILLDOWN = 5_000;

	/** A duty behind a report figure, with the person's name (never shown to the oversight role). */
	public record DrilldownRow(long dutyId, long personId, String name, LocalDate dutyDate, java.time.Instant startsAt,
			java.time.Instant endsAt, String wardWorked, String activityCode, String reportType, boolean abstracted,
			boolean onOwnWard, long minutesInPeriod) {
	}

	/** The duty records of a team (a ward) behind the report's figures for a period, optionally of one type. */
	@Transactional(readOnly = true)
	public List<DrilldownRow> drilldown(LocalDate from, LocalDate to, DutyKind kind, String teamWard,
			Optional<String> reportType) {
		checkPeriod(from, to);
		List<ReportQueries.Slice> slices = this.queries.slices(from, to, kind, teamWard, reportType, MAX_DRILLDOWN);
		Map<Long, String> names = this.workforce.names(slices.stream().map(ReportQueries.Slice::personId).distinct().toList());
		return slices.stream()
			.map(s -> new DrilldownRow(s.dutyId(), s.personId(), names.getOrDefault(s.personId(), ""), s.dutyDate(),
					s.startsAt(), s.endsAt(), s.wardWorked(), s.activityCode(), s.reportType(), s.abstracted(),
					s.onOwnWard(), s.minutes()))
			.toList();
	}

	/** Team strengths by role on a day, for the workbook's "Strengths" sheet. */
	@Transactional(readOnly = true)
	public List<ReportQueries.Strength> strengths(LocalDate day, Optional<String> boroughCode) {
		return this.queries.strengths(day, boroughCode);
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new InvalidInput("The period must end on or after its start and last at most " + MAX_DAYS + " days.",
					List.of(new InvalidInput.FieldError("from/to", "invalid period")));
		}
	}

	/** Rows and summaries from the aggregate cells (pure, so it can be tested without a database). */
	static AbstractionReport build(LocalDate from, LocalDate to, DutyKind kind, String boroughCode, List<Cell> cells) {
		Map<List<Object>, long[]> rowMinutes = new LinkedHashMap<>();
		Map<List<Object>, Cell> rowCell = new LinkedHashMap<>();
		Map<String, Totals> teams = new TreeMap<>();
		Map<String, Totals> clusters = new TreeMap<>();
		Map<String, Totals> boroughs = new TreeMap<>();
		Totals force = new Totals("force", "MPS", "Metropolitan Police Service");
		Map<String, Long> flexReceivedByWard = new TreeMap<>();
		for (Cell cell : cells) {
			if (cell.activityClass() != ActivityClass.ON_WARD) {
				List<Object> key = List.of(cell.month(), cell.teamWard(), cell.abstracted(), cell.reportType());
				rowMinutes.computeIfAbsent(key, k -> new long[1])[0] += cell.minutes();
				rowCell.putIfAbsent(key, cell);
			}
			Totals team = teams.computeIfAbsent(cell.teamWard(), w -> new Totals("team", w, cell.team()));
			Totals cluster = clusters.computeIfAbsent(String.valueOf(cell.clusterCode()),
					c -> new Totals("cluster", c, c));
			Totals borough = boroughs.computeIfAbsent(cell.boroughCode(),
					b -> new Totals("borough", b, cell.borough()));
			for (Totals totals : List.of(team, cluster, borough, force)) {
				totals.add(cell);
			}
			if (cell.flexWard() != null) {
				flexReceivedByWard.merge(cell.flexWard(), cell.minutes(), Long::sum);
			}
		}
		Map<String, String> clusterOfWard = new TreeMap<>();
		Map<String, String> boroughOfWard = new TreeMap<>();
		cells.forEach(c -> {
			clusterOfWard.put(c.teamWard(), String.valueOf(c.clusterCode()));
			boroughOfWard.put(c.teamWard(), c.boroughCode());
		});
		flexReceivedByWard.forEach((ward, minutes) -> {
			Optional.ofNullable(teams.get(ward)).ifPresent(t -> t.flexReceived += minutes);
			Optional.ofNullable(clusterOfWard.get(ward)).map(clusters::get).ifPresent(t -> t.flexReceived += minutes);
			Optional.ofNullable(boroughOfWard.get(ward)).map(boroughs::get).ifPresent(t -> t.flexReceived += minutes);
			force.flexReceived += minutes;
		});
		List<Row> rows = new ArrayList<>();
		rowMinutes.forEach((key, minutes) -> {
			Cell cell = rowCell.get(key);
			rows.add(new Row(cell.month(), cell.bcu(), cell.borough(), cell.boroughCode(), cell.team(),
					List.of(cell.teamWard()), cell.abstracted(), cell.reportType(), minutes[0]));
		});
		rows.sort(Comparator.comparing(Row::month).thenComparing(Row::borough).thenComparing(Row::team)
			.thenComparing(Row::abstractionType));
		return new AbstractionReport(from, to, kind, boroughCode, rows, force.summary(),
				boroughs.values().stream().map(Totals::summary).toList(),
				clusters.values().stream().map(Totals::summary).toList(),
				teams.values().stream().map(Totals::summary).toList());
	}

	/** Running totals for one unit. */
	private static final class Totals {

		final String level;

		final String code;

		final String name;

		long duty;

		long ownWard;

		long abstracted;

		long flexGiven;

		long flexReceived;

		final Map<String, Long> byType = new TreeMap<>();

		Totals(String level, String code, String name) {
			this.level = level;
			this.code = code;
			this.name = name;
		}

		void add(Cell cell) {
			if (cell.countsAsDuty()) {
				this.duty += cell.minutes();
			}
			if (cell.onOwnWard()) {
				this.ownWard += cell.minutes();
			}
			if (cell.abstracted()) {
				this.abstracted += cell.minutes();
			}
			if (cell.activityClass() == ActivityClass.AUTHORISED_FLEX) {
				this.flexGiven += cell.minutes();
			}
			if (cell.activityClass() != ActivityClass.ON_WARD) {
				this.byType.merge(cell.reportType(), cell.minutes(), Long::sum);
			}
		}

		Summary summary() {
			double visibility = this.duty == 0 ? 0 : Math.round(10_000.0 * this.ownWard / this.duty) / 10_000.0;
			return new Summary(this.level, this.code, this.name, this.duty, this.ownWard, this.abstracted,
					Map.copyOf(this.byType), this.flexGiven, this.flexReceived, visibility);
		}

	}

}
