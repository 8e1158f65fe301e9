package org.ringfence.duties.persistence;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.duties.ActivityClass;
import org.ringfence.duties.Classification;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.NewDuty;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The abstraction report's one aggregate: duty minutes of ward-team members within a period,
 * split at month ends (local time), classified by the rule set in force on each duty's date, by
 * month, team and class. Reads the published views of workforce and geography, not their tables.
 */
@Repository
public class ReportQueries {

	private final JdbcClient jdbc;

	public ReportQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One aggregate cell.
	 * @param flexWard for authorised flex, the ward where it was worked (else null)
	 * @param onOwnWard on-ward duty on the team's own ward(s)
	 */
	public record Cell(String month, String bcu, String borough, String boroughCode, String clusterCode, String team,
			String teamWard, ActivityClass activityClass, boolean countsAsDuty, boolean abstracted, String reportType,
			boolean onOwnWard, String flexWard, long minutes) {
	}

	/**
	 * The per-row part of the aggregate, kept as lean as the bare sum it is measured against: duty
	 * seconds by month, rule set (a CASE on the duty date), team, duty ward and activity code. The
	 * months and rule-set boundaries are computed in Java and bound as values, so the scan can run in
	 * parallel and nothing is recomputed per row; classification and names are joined to the few
	 * thousand aggregated rows afterwards. Tours last at most 24 hours (a check constraint), which
	 * gives the index scan a lower bound as well as an upper one.
	 */
	static final String RAW = """
			select mo.n, %s as rule_set_id, t.ward_code, t.also_ward_code, d.ward_code, d.activity_code,
			       sum(extract(epoch from least(d.ends_at, mo.e) - greatest(d.starts_at, mo.s))) as seconds
			from duties.duty d
			join (values %s) as mo(n, s, e) on d.starts_at < mo.e and d.ends_at > mo.s
			join workforce.team_membership t on t.person_id = d.person_id and t.start_date <= d.duty_date
			     and (t.end_date is null or t.end_date > d.duty_date)
			where d.kind = ? and d.starts_at >= ? and d.starts_at < ? and d.ends_at > ? %s
			group by 1, 2, 3, 4, 5, 6""";

	/** One duty behind a report figure, with its minutes inside the period. */
	public record Slice(long dutyId, long personId, java.time.LocalDate dutyDate, java.time.Instant startsAt,
			java.time.Instant endsAt, String wardWorked, String activityCode, ActivityClass activityClass,
			String reportType, boolean abstracted, boolean onOwnWard, long minutes) {
	}

	static final String SLICES = """
			with bounds as (
			  select (cast(:from as date))::timestamp at time zone 'Europe/London' as p_start,
			         (cast(:to as date) + 1)::timestamp at time zone 'Europe/London' as p_end),
			rule_sets as (
			  select id, effective_from, lead(effective_from) over (order by effective_from) as effective_to
			  from duties.rule_set)
			select d.id, d.person_id, d.duty_date, d.starts_at, d.ends_at, d.ward_code, d.activity_code, c.activity_class,
			       c.report_type, c.abstracted,
			       (c.activity_class = 'ON_WARD' and d.ward_code in (t.ward_code, t.also_ward_code)) as on_own_ward,
			       round(extract(epoch from least(d.ends_at, b.p_end) - greatest(d.starts_at, b.p_start)) / 60)::bigint
			from duties.duty d
			cross join bounds b
			join rule_sets r on d.duty_date >= r.effective_from and (r.effective_to is null or d.duty_date < r.effective_to)
			join duties.classification c on c.rule_set_id = r.id and c.code = d.activity_code
			join workforce.team_membership t on t.person_id = d.person_id and t.start_date <= d.duty_date
			     and (t.end_date is null or t.end_date > d.duty_date)
			where d.kind = :kind and t.ward_code = :team and d.starts_at < b.p_end and d.ends_at > b.p_start
			  and d.starts_at >= b.p_start - interval '24 hours'
			  and (cast(:type as text) is null or c.report_type = :type)
			order by d.starts_at, d.person_id
			limit :limit""";

	/** The duties of a team's members in a period (optionally of one report type): the records behind its figures. */
	public List<Slice> slices(LocalDate from, LocalDate to, DutyKind kind, String teamWard, Optional<String> reportType,
			int limit) {
		return this.jdbc.sql(SLICES)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("kind", kind.name())
			.param("team", teamWard)
			.param("type", reportType.orElse(null))
			.param("limit", limit)
			.query((rs, n) -> new Slice(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
					ActivityClass.valueOf(rs.getString(8)), rs.getString(9), rs.getBoolean(10), rs.getBoolean(11),
					rs.getLong(12)))
			.list();
	}

	/** How many people of each role were in each ward team on a day (the "Strengths" sheet). */
	public record Strength(String bcu, String borough, String boroughCode, String team, String wardCode, String role,
			int count) {
	}

	public List<Strength> strengths(LocalDate day, Optional<String> boroughCode) {
		return this.jdbc.sql("""
				select p.bcu_name, p.borough_name, p.borough_code, p.ward_name, t.ward_code, t.role, count(*)::int
				from workforce.team_membership t join geography.ward_place p on p.ward_code = t.ward_code
				where t.start_date <= :day and (t.end_date is null or t.end_date > :day)
				  and (cast(:borough as text) is null or p.borough_code = :borough)
				group by p.bcu_name, p.borough_name, p.borough_code, p.ward_name, t.ward_code, t.role
				order by p.borough_name, p.ward_name, t.role""")
			.param("day", Date.valueOf(day))
			.param("borough", boroughCode.orElse(null))
			.query((rs, n) -> new Strength(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getInt(7)))
			.list();
	}

	/** A rule set and the first day it applies to. */
	record RuleSetStart(long id, LocalDate effectiveFrom) {
	}

	/** A period's part inside one calendar month (London time): its label and instants. */
	record MonthPart(String month, java.time.Instant start, java.time.Instant end) {
	}

	private record CellKey(int month, String teamWard, long ruleSet, String code, boolean onOwnWard, String dutyWard) {
	}

	/**
	 * The report's aggregate: duty minutes of ward-team members within a period, split at month ends
	 * (local time), classified by the rule set in force on each duty's date, by month, team and class.
	 */
	public List<Cell> aggregate(LocalDate from, LocalDate to, DutyKind kind, Optional<String> boroughCode) {
		// enough memory to aggregate a month of London in memory (the default 4 MB spills to disk)
		this.jdbc.sql("set local work_mem = '64MB'").update();
		List<MonthPart> months = monthParts(from, to);
		List<RuleSetStart> ruleSets = this.jdbc.sql("select id, effective_from from duties.rule_set order by effective_from")
			.query((rs, n) -> new RuleSetStart(rs.getLong(1), rs.getDate(2).toLocalDate()))
			.list();
		List<Object> params = new java.util.ArrayList<>();
		String ruleSetCase = ruleSetCase(ruleSets, params);
		StringBuilder values = new StringBuilder();
		for (int i = 0; i < months.size(); i++) {
			values.append(i == 0 ? "" : ", ").append("(").append(i).append(", cast(? as timestamptz), cast(? as timestamptz))");
			params.add(java.sql.Timestamp.from(months.get(i).start()));
			params.add(java.sql.Timestamp.from(months.get(i).end()));
		}
		java.time.Instant periodStart = months.get(0).start();
		java.time.Instant periodEnd = months.get(months.size() - 1).end();
		params.add(kind.name());
		params.add(java.sql.Timestamp.from(periodStart.minus(java.time.Duration.ofHours(24))));
		params.add(java.sql.Timestamp.from(periodEnd));
		params.add(java.sql.Timestamp.from(periodStart));
		String boroughFilter = "";
		if (boroughCode.isPresent()) {
			boroughFilter = "and t.ward_code in (select ward_code from geography.ward_place where borough_code = ?)";
			params.add(boroughCode.get());
		}
		String sql = RAW.formatted(ruleSetCase, values, boroughFilter);
		Map<CellKey, double[]> seconds = new java.util.HashMap<>();
		this.jdbc.sql(sql).params(params).query((java.sql.ResultSet rs) -> {
			if (rs.getObject(2) == null) {
				return; // before the first rule set: unclassified, as the drill-down's join has it
			}
			String teamWard = rs.getString(3);
			String alsoWard = rs.getString(4);
			String dutyWard = rs.getString(5);
			boolean own = dutyWard != null && (dutyWard.equals(teamWard) || dutyWard.equals(alsoWard));
			CellKey key = new CellKey(rs.getInt(1), teamWard, rs.getLong(2), rs.getString(6), own, dutyWard);
			seconds.computeIfAbsent(key, k -> new double[1])[0] += rs.getDouble(7);
		});
		Map<Long, Map<String, Classification>> classes = classifications();
		Map<String, WardPlace> places = wardPlaces();
		record Group(int month, String teamWard, ActivityClass activityClass, boolean countsAsDuty, boolean abstracted,
				String reportType, boolean onOwnWard, String flexWard) {
		}
		Map<Group, double[]> groups = new java.util.HashMap<>();
		seconds.forEach((key, s) -> {
			Classification c = classes.getOrDefault(key.ruleSet(), Map.of()).get(key.code());
			if (c == null) {
				return; // a rule set always classifies every code (ClassificationRules); this is defensive
			}
			boolean onOwn = c.activityClass() == ActivityClass.ON_WARD && key.onOwnWard();
			String flexWard = c.activityClass() == ActivityClass.AUTHORISED_FLEX ? key.dutyWard() : null;
			groups.computeIfAbsent(new Group(key.month(), key.teamWard(), c.activityClass(), c.countsAsDuty(),
					c.abstracted(), c.reportType(), onOwn, flexWard), g -> new double[1])[0] += s[0];
		});
		List<Cell> cells = new java.util.ArrayList<>(groups.size());
		groups.forEach((g, s) -> {
			WardPlace p = places.get(g.teamWard());
			cells.add(new Cell(months.get(g.month()).month(), p.bcu(), p.borough(), p.boroughCode(), p.clusterCode(),
					p.name(), g.teamWard(), g.activityClass(), g.countsAsDuty(), g.abstracted(), g.reportType(),
					g.onOwnWard(), g.flexWard(), Math.round(s[0] / 60)));
		});
		cells.sort(java.util.Comparator.comparing(Cell::month)
			.thenComparing(Cell::borough)
			.thenComparing(Cell::team)
			.thenComparing(Cell::reportType)
			.thenComparing(Cell::teamWard)
			.thenComparing(c -> c.activityClass().name())
			.thenComparing(c -> c.flexWard() == null ? "" : c.flexWard()));
		return cells;
	}

	/** The period cut at month ends (London time), first month first. */
	static List<MonthPart> monthParts(LocalDate from, LocalDate to) {
		List<MonthPart> parts = new java.util.ArrayList<>();
		for (java.time.YearMonth m = java.time.YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
			LocalDate start = m.atDay(1).isBefore(from) ? from : m.atDay(1);
			LocalDate end = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
			parts.add(new MonthPart(m.toString(), start.atStartOfDay(NewDuty.LONDON).toInstant(),
					end.plusDays(1).atStartOfDay(NewDuty.LONDON).toInstant()));
		}
		return parts;
	}

	/** The SQL choosing each duty's rule set by its date (the set in force on it), with its parameters. */
	private static String ruleSetCase(List<RuleSetStart> ruleSets, List<Object> params) {
		if (ruleSets.isEmpty()) {
			throw new IllegalStateException("There is no classification rule set.");
		}
		StringBuilder sql = new StringBuilder("case");
		for (int i = ruleSets.size() - 1; i > 0; i--) {
			sql.append(" when d.duty_date >= ? then cast(? as bigint)");
			params.add(Date.valueOf(ruleSets.get(i).effectiveFrom()));
			params.add(ruleSets.get(i).id());
		}
		sql.append(" when d.duty_date >= ? then cast(? as bigint) end");
		params.add(Date.valueOf(ruleSets.get(0).effectiveFrom()));
		params.add(ruleSets.get(0).id());
		return sql.toString();
	}

	/** Every rule set's classification, by rule set id and code. */
	private Map<Long, Map<String, Classification>> classifications() {
		Map<Long, Map<String, Classification>> byRuleSet = new java.util.HashMap<>();
		this.jdbc.sql("select rule_set_id, code, activity_class, counts_as_duty, abstracted, report_type "
				+ "from duties.classification").query((java.sql.ResultSet rs) -> {
					byRuleSet.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>())
						.put(rs.getString(2), new Classification(rs.getString(2), ActivityClass.valueOf(rs.getString(3)), rs.getBoolean(4),
								rs.getBoolean(5), rs.getString(6)));
				});
		return byRuleSet;
	}

	private record WardPlace(String bcu, String borough, String boroughCode, String clusterCode, String name) {
	}

	private Map<String, WardPlace> wardPlaces() {
		Map<String, WardPlace> places = new java.util.HashMap<>();
		this.jdbc.sql("select ward_code, bcu_name, borough_name, borough_code, cluster_code, ward_name from geography.ward_place")
			.query((java.sql.ResultSet rs) -> {
				places.put(rs.getString(1), new WardPlace(rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6)));
			});
		return places;
	}

}
