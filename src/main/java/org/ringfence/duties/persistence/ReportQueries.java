package org.ringfence.duties.persistence;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ringfence.duties.ActivityClass;
import org.ringfence.duties.DutyKind;

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
	 * Aggregates on codes first and joins names to the aggregated rows. Tours last at most 24 hours
	 * (a check constraint), which gives the index scan a lower bound as well as an upper one.
	 */
	static final String AGGREGATE = """
			with bounds as (
			  select (cast(:from as date))::timestamp at time zone 'Europe/London' as p_start,
			         (cast(:to as date) + 1)::timestamp at time zone 'Europe/London' as p_end),
			months as (
			  select to_char(m, 'YYYY-MM') as month,
			         greatest(m::timestamp at time zone 'Europe/London', b.p_start) as m_start,
			         least((m + interval '1 month')::timestamp at time zone 'Europe/London', b.p_end) as m_end
			  from bounds b, generate_series(date_trunc('month', cast(:from as date)), cast(:to as date), interval '1 month') m),
			rule_sets as (
			  select id, effective_from, lead(effective_from) over (order by effective_from) as effective_to
			  from duties.rule_set),
			teams as (
			  select ward_code from geography.ward_place
			  where cast(:borough as text) is null or borough_code = :borough),
			cells as (
			  select mo.month, t.ward_code as team_ward, c.activity_class, c.counts_as_duty, c.abstracted, c.report_type,
			         (c.activity_class = 'ON_WARD' and d.ward_code in (t.ward_code, t.also_ward_code)) as on_own_ward,
			         case when c.activity_class = 'AUTHORISED_FLEX' then d.ward_code end as flex_ward,
			         sum(extract(epoch from least(d.ends_at, mo.m_end) - greatest(d.starts_at, mo.m_start)) / 60) as minutes
			  from duties.duty d
			  join months mo on d.starts_at < mo.m_end and d.ends_at > mo.m_start
			  join rule_sets r on d.duty_date >= r.effective_from and (r.effective_to is null or d.duty_date < r.effective_to)
			  join duties.classification c on c.rule_set_id = r.id and c.code = d.activity_code
			  join workforce.team_membership t on t.person_id = d.person_id and t.start_date <= d.duty_date
			       and (t.end_date is null or t.end_date > d.duty_date)
			  where d.kind = :kind
			    and d.starts_at >= (select p_start from bounds) - interval '24 hours'
			    and d.starts_at < (select p_end from bounds) and d.ends_at > (select p_start from bounds)
			    and t.ward_code in (select ward_code from teams)
			  group by 1, 2, 3, 4, 5, 6, 7, 8)
			select cells.month, p.bcu_name, p.borough_name, p.borough_code, p.cluster_code, p.ward_name, cells.team_ward,
			       cells.activity_class, cells.counts_as_duty, cells.abstracted, cells.report_type, cells.on_own_ward,
			       cells.flex_ward, round(cells.minutes)::bigint as minutes
			from cells join geography.ward_place p on p.ward_code = cells.team_ward
			order by cells.month, p.borough_name, p.ward_name, cells.report_type""";


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

	public List<Cell> aggregate(LocalDate from, LocalDate to, DutyKind kind, Optional<String> boroughCode) {
		// enough memory to aggregate a month of London in memory (the default 4 MB spills to disk)
		this.jdbc.sql("set local work_mem = '64MB'").update();
		return this.jdbc.sql(AGGREGATE)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("kind", kind.name())
			.param("borough", boroughCode.orElse(null))
			.query((rs, n) -> new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), ActivityClass.valueOf(rs.getString(8)), rs.getBoolean(9),
					rs.getBoolean(10), rs.getString(11), rs.getBoolean(12), rs.getString(13), rs.getLong(14)))
			.list();
	}

}
