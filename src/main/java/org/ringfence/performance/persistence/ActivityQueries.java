package org.ringfence.performance.persistence;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of EPIC activity. */
@Repository
public class ActivityQueries {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ActivityQueries(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public record Stored(String wardCode, String boroughCode, LocalDate month, String measure, Long priorityId, int count,
			boolean synthetic, String recordedBy) {
	}

	public record Upsert(String wardCode, String boroughCode, LocalDate month, String measure, Long priorityId, int count) {
	}

	/** Stores every count (replacing a count of the same natural key), in one batch. */
	public void upsert(List<Upsert> rows, String user) {
		this.template.batchUpdate("""
				insert into performance.epic_activity (ward_code, borough_code, month, measure, priority_id, count, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (ward_code, month, measure, (coalesce(priority_id, 0)))
				do update set count = excluded.count, recorded_by = excluded.recorded_by, recorded_at = now(), synthetic = false
				""", rows, 500, (ps, r) -> {
			ps.setString(1, r.wardCode());
			ps.setString(2, r.boroughCode());
			ps.setDate(3, Date.valueOf(r.month()));
			ps.setString(4, r.measure());
			if (r.priorityId() == null) {
				ps.setNull(5, java.sql.Types.BIGINT);
			}
			else {
				ps.setLong(5, r.priorityId());
			}
			ps.setInt(6, r.count());
			ps.setString(7, user);
		});
	}

	/** The counts of some wards in some months. */
	public List<Stored> of(Collection<String> wards, Collection<LocalDate> months) {
		if (wards.isEmpty() || months.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select ward_code, borough_code, month, measure, priority_id, count, synthetic, recorded_by
				from performance.epic_activity where ward_code = any(:wards) and month = any(:months)
				order by ward_code, month, measure, priority_id nulls first
				""")
			.param("wards", wards.toArray(String[]::new))
			.param("months", months.stream().map(Date::valueOf).toArray(Date[]::new))
			.query(Stored.class)
			.list();
	}

	/** One row of the month's totals: a ward, a measure, the sum and the part linked to priorities. */
	public record Total(String wardCode, String boroughCode, String measure, long count, long linked) {
	}

	/** Totals per ward and measure for a month, of some boroughs (all London when empty). */
	public List<Total> totals(YearMonth month, Optional<Collection<String>> boroughs) {
		return this.jdbc.sql("""
				select ward_code, borough_code, measure, sum(count) as count,
				       coalesce(sum(count) filter (where priority_id is not null), 0) as linked
				from performance.epic_activity
				where month = :month and (cast(:all as boolean) or borough_code = any(:boroughs))
				group by ward_code, borough_code, measure
				""")
			.param("month", Date.valueOf(month.atDay(1)))
			.param("all", boroughs.isEmpty())
			.param("boroughs", boroughs.map(b -> b.toArray(String[]::new)).orElse(new String[0]))
			.query(Total.class)
			.list();
	}

	/** Activity of a ward in a month per linked priority. */
	public java.util.Map<Long, Long> byPriority(String ward, YearMonth month) {
		java.util.Map<Long, Long> out = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select priority_id, sum(count) as total from performance.epic_activity
				where ward_code = :ward and month = :month and priority_id is not null and measure <> 'meeting_attendance'
				group by priority_id
				""")
			.param("ward", ward)
			.param("month", Date.valueOf(month.atDay(1)))
			.query((rs, n) -> out.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return out;
	}

	public boolean anyHeld() {
		return this.jdbc.sql("select exists (select 1 from performance.epic_activity)").query(Boolean.class).single();
	}

	/** Demo data: counts for every ward and month given, drawn in SQL from a hash of the key (repeatable). */
	public int loadSynthetic(List<String> wards, List<String> boroughs, LocalDate firstMonth, int months) {
		return this.jdbc.sql("""
				insert into performance.epic_activity (ward_code, borough_code, month, measure, count, synthetic, recorded_by)
				select w.ward, w.borough, m.month::date, e.code,
				       greatest(0, round(base.n * (0.6 + 0.8 * (abs(hashtext(w.ward || m.month::text || e.code)) % 1000) / 1000.0)))::int,
				       true, 'system'
				from unnest(:wards, :boroughs) as w(ward, borough)
				cross join generate_series(cast(:first as date), cast(:first as date) + make_interval(months => :months - 1),
				                           interval '1 month') as m(month)
				cross join performance.epic_measure e
				cross join lateral (select case e.code
				     when 'arrests' then 4 when 'warrants_executed' then 1 when 'asbos_injunctions' then 0.4
				     when 'asb_letters' then 5 when 'home_visits' then 8 when 'abcs' then 1 when 'crime_prevention_visits' then 6
				     when 'intelligence_submissions' then 12 when 'key_individual_contacts' then 15
				     when 'meetings_held' then 2 when 'meeting_attendance' then 35 when 'street_briefings' then 3
				     when 'newsletters' then 1 when 'victim_visits' then 7 else 3 end as n) base
				on conflict do nothing
				""")
			.param("wards", wards.toArray(String[]::new))
			.param("boroughs", boroughs.toArray(String[]::new))
			.param("first", Date.valueOf(firstMonth))
			.param("months", months)
			.update();
	}


}
