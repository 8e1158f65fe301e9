package org.ringfence.duties.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ringfence.duties.ActivityClass;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for flex: planned duties with their class and the team role of their person, the duties a
 * flex changed, and the abstraction and flex load of ward teams. Reads the published views of
 * workforce and geography (decision 7), never their tables.
 */
@Repository
public class FlexDutyQueries {

	/** The rule set in force on each duty date, as a range (the abstraction report does the same). */
	private static final String RULE_SETS = """
			rule_sets as (
			  select id, effective_from, lead(effective_from) over (order by effective_from) as effective_to
			  from duties.rule_set)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	public FlexDutyQueries(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * A planned duty with its class, its person's team role and ward on the duty date, and the flex
	 * that changed it (if one did and has not released it).
	 */
	public record Row(long dutyId, int version, long personId, LocalDate dutyDate, Instant startsAt, Instant endsAt,
			String wardCode, String place, String activityCode, ActivityClass activityClass, String teamRole,
			String teamWard, String flexReference, String changedBy, Instant changedAt, String source) {
	}

	private static final String SELECT_ROWS = "with " + RULE_SETS + """
			select d.id, d.version, d.person_id, d.duty_date, d.starts_at, d.ends_at, d.ward_code, d.place, d.activity_code,
			       c.activity_class, t.role, t.ward_code as team_ward, a.flex_reference, d.changed_by, d.changed_at, d.source
			from duties.duty d
			join rule_sets r on d.duty_date >= r.effective_from and (r.effective_to is null or d.duty_date < r.effective_to)
			join duties.classification c on c.rule_set_id = r.id and c.code = d.activity_code
			left join workforce.team_membership t on t.person_id = d.person_id and t.start_date <= d.duty_date
			     and (t.end_date is null or t.end_date > d.duty_date)
			left join duties.flex_assignment a on a.duty_id = d.id and a.released_at is null
			where d.kind = 'PLANNED'
			  and d.starts_at >= (cast(:from as date) - 1)::timestamp at time zone 'Europe/London'
			  and d.starts_at < (cast(:to as date) + 2)::timestamp at time zone 'Europe/London'
			  and d.duty_date between :from and :to
			""";

	/** Planned duties of these people with duty dates from..to, by start. */
	public List<Row> ofPeople(Collection<Long> people, LocalDate from, LocalDate to) {
		if (people.isEmpty()) {
			return List.of();
		}
		customPlans();
		return this.jdbc.sql(SELECT_ROWS + " and d.person_id = any(:people) order by d.starts_at, d.person_id")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("people", people.toArray(Long[]::new))
			.query(FlexDutyQueries::row)
			.list();
	}

	/**
	 * Planned on-ward duties (class ON_WARD) worked on these wards with duty dates from..to by members
	 * of their ward teams, by start. Driven by the members (the duty table's person index), not by a
	 * scan of every duty in the period.
	 */
	public List<Row> onWard(Collection<String> wards, LocalDate from, LocalDate to) {
		if (wards.isEmpty()) {
			return List.of();
		}
		customPlans();
		return this.jdbc.sql("with " + RULE_SETS + """
				, members as (
				  select distinct t.person_id from workforce.team_membership t
				  where (t.ward_code = any(:wards) or t.also_ward_code = any(:wards))
				    and t.start_date <= :to and (t.end_date is null or t.end_date > :from))
				select d.id, d.version, d.person_id, d.duty_date, d.starts_at, d.ends_at, d.ward_code, d.place, d.activity_code,
				       c.activity_class, t.role, t.ward_code as team_ward, a.flex_reference, d.changed_by, d.changed_at, d.source
				from members m
				join duties.duty d on d.person_id = m.person_id and d.kind = 'PLANNED'
				     and d.starts_at >= (cast(:from as date) - 1)::timestamp at time zone 'Europe/London'
				     and d.starts_at < (cast(:to as date) + 2)::timestamp at time zone 'Europe/London'
				join rule_sets r on d.duty_date >= r.effective_from and (r.effective_to is null or d.duty_date < r.effective_to)
				join duties.classification c on c.rule_set_id = r.id and c.code = d.activity_code
				left join workforce.team_membership t on t.person_id = d.person_id and t.start_date <= d.duty_date
				     and (t.end_date is null or t.end_date > d.duty_date)
				left join duties.flex_assignment a on a.duty_id = d.id and a.released_at is null
				where d.duty_date between :from and :to and d.ward_code = any(:wards) and c.activity_class = 'ON_WARD'
				order by d.starts_at, d.person_id""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("wards", wards.toArray(String[]::new))
			.query(FlexDutyQueries::row)
			.list();
	}

	/** The duties of these ids, locked for update, with their class and open flex (if any). */
	public List<Row> lockDuties(Collection<Long> dutyIds) {
		if (dutyIds.isEmpty()) {
			return List.of();
		}
		List<Long> locked = this.jdbc.sql("select id from duties.duty where id = any(:ids) order by id for update")
			.param("ids", dutyIds.toArray(Long[]::new))
			.query(Long.class)
			.list();
		if (locked.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("with " + RULE_SETS + """
				select d.id, d.version, d.person_id, d.duty_date, d.starts_at, d.ends_at, d.ward_code, d.place, d.activity_code,
				       c.activity_class, t.role, t.ward_code as team_ward, a.flex_reference, d.changed_by, d.changed_at, d.source
				from duties.duty d
				join rule_sets r on d.duty_date >= r.effective_from and (r.effective_to is null or d.duty_date < r.effective_to)
				join duties.classification c on c.rule_set_id = r.id and c.code = d.activity_code
				left join workforce.team_membership t on t.person_id = d.person_id and t.start_date <= d.duty_date
				     and (t.end_date is null or t.end_date > d.duty_date)
				left join duties.flex_assignment a on a.duty_id = d.id and a.released_at is null
				where d.id = any(:ids) and d.kind = 'PLANNED'
				order by d.starts_at, d.person_id""")
			.param("ids", locked.toArray(Long[]::new))
			.query(FlexDutyQueries::row)
			.list();
	}

	/** One duty to change: to this code and ward, if still at the version read. */
	public record Change(long id, int version, String code, String ward) {
	}

	/** Changes duties each to its own code and ward at the versions read; returns how many were still at them. */
	public int apply(List<Change> changes, String actor) {
		int changed = 0;
		int[][] counts = this.template.batchUpdate("""
				update duties.duty set activity_code = ?, ward_code = ?, version = version + 1, changed_by = ?,
				       changed_at = now()
				where id = ? and version = ?""", changes, 500, (ps, item) -> {
			ps.setString(1, item.code());
			ps.setString(2, item.ward());
			ps.setString(3, actor);
			ps.setLong(4, item.id());
			ps.setInt(5, item.version());
		});
		for (int[] batch : counts) {
			for (int n : batch) {
				changed += n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : n;
			}
		}
		return changed;
	}

	/** Keeps the versions being replaced (state as JSON), as DutyService does for a single change. */
	public void keepHistory(List<HistoryRow> rows) {
		this.template.batchUpdate("""
				insert into duties.duty_history (duty_id, version, state, changed_by, changed_at)
				values (?, ?, cast(? as jsonb), ?, ?)""", rows, 500, (ps, row) -> {
			ps.setLong(1, row.dutyId());
			ps.setInt(2, row.version());
			ps.setString(3, row.stateJson());
			ps.setString(4, row.changedBy());
			ps.setTimestamp(5, Timestamp.from(row.changedAt()));
		});
	}

	/** A version of a duty being replaced. */
	public record HistoryRow(long dutyId, int version, String stateJson, String changedBy, Instant changedAt) {
	}

	public void insertAssignments(String reference, List<Assignment> assignments, String actor) {
		this.template.batchUpdate("""
				insert into duties.flex_assignment (duty_id, flex_reference, previous_code, previous_ward, receiving_ward,
				                                    flexed_by)
				values (?, ?, ?, ?, ?, ?)""", assignments, 500, (ps, a) -> {
			ps.setLong(1, a.dutyId());
			ps.setString(2, reference);
			ps.setString(3, a.previousCode());
			ps.setString(4, a.previousWard());
			ps.setString(5, a.receivingWard());
			ps.setString(6, actor);
		});
	}

	/** A duty a flex changed, with what it carried before. */
	public record Assignment(long id, long dutyId, long personId, LocalDate dutyDate, String previousCode,
			String previousWard, String receivingWard, Instant flexedAt, Instant releasedAt) {
	}

	public List<Assignment> assignments(String reference) {
		return this.jdbc.sql("""
				select a.id, a.duty_id, d.person_id, d.duty_date, a.previous_code, a.previous_ward, a.receiving_ward,
				       a.flexed_at, a.released_at
				from duties.flex_assignment a join duties.duty d on d.id = a.duty_id
				where a.flex_reference = ?
				order by d.duty_date, d.person_id, a.id""")
			.param(reference)
			.query((rs, n) -> new Assignment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
					Optional.ofNullable(rs.getTimestamp(9)).map(Timestamp::toInstant).orElse(null)))
			.list();
	}

	public void markReleased(Collection<Long> assignmentIds, String actor) {
		if (assignmentIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("update duties.flex_assignment set released_at = now(), released_by = :actor where id = any(:ids)")
			.param("actor", actor)
			.param("ids", assignmentIds.toArray(Long[]::new))
			.update();
	}

	/**
	 * Minutes of ward-team members by team ward over from..to: duty time, abstracted, authorised flex
	 * given. Days before {@code today} count actual duties, today and later planned ones.
	 */
	public record Load(String wardCode, long dutyMinutes, long abstractedMinutes, long flexMinutes) {
	}

	public List<Load> loads(Optional<String> boroughCode, LocalDate from, LocalDate to, LocalDate today) {
		customPlans();
		return this.jdbc.sql("with " + RULE_SETS + """
				, members as (
				  select distinct t.person_id from workforce.team_membership t
				  join geography.ward_place p on p.ward_code = t.ward_code
				  where (cast(:borough as text) is null or p.borough_code = :borough)
				    and t.start_date <= :to and (t.end_date is null or t.end_date > :from))
				select t.ward_code,
				       coalesce(sum(extract(epoch from d.ends_at - d.starts_at) / 60) filter (where c.counts_as_duty), 0)::bigint,
				       coalesce(sum(extract(epoch from d.ends_at - d.starts_at) / 60) filter (where c.abstracted), 0)::bigint,
				       coalesce(sum(extract(epoch from d.ends_at - d.starts_at) / 60)
				                filter (where c.activity_class = 'AUTHORISED_FLEX'), 0)::bigint
				from members m
				join duties.duty d on d.person_id = m.person_id
				     and d.starts_at >= (cast(:from as date) - 1)::timestamp at time zone 'Europe/London'
				     and d.starts_at < (cast(:to as date) + 2)::timestamp at time zone 'Europe/London'
				join rule_sets r on d.duty_date >= r.effective_from and (r.effective_to is null or d.duty_date < r.effective_to)
				join duties.classification c on c.rule_set_id = r.id and c.code = d.activity_code
				join workforce.team_membership t on t.person_id = d.person_id and t.start_date <= d.duty_date
				     and (t.end_date is null or t.end_date > d.duty_date)
				join geography.ward_place p on p.ward_code = t.ward_code
				where (cast(:borough as text) is null or p.borough_code = :borough)
				  and d.duty_date between :from and :to
				  and ((d.kind = 'ACTUAL' and d.duty_date < :today) or (d.kind = 'PLANNED' and d.duty_date >= :today))
				group by t.ward_code""")
			.param("borough", boroughCode.orElse(null))
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("today", Date.valueOf(today))
			.query((rs, n) -> new Load(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/** Duty and flex minutes of ward-team members by month (duty date), all London or one borough. */
	public record Month(String month, long dutyMinutes, long flexMinutes) {
	}

	public List<Month> months(Optional<String> boroughCode, LocalDate from, LocalDate to, LocalDate today) {
		customPlans();
		return this.jdbc.sql("with " + RULE_SETS + """
				select to_char(d.duty_date, 'YYYY-MM') as month,
				       coalesce(sum(extract(epoch from d.ends_at - d.starts_at) / 60) filter (where c.counts_as_duty), 0)::bigint,
				       coalesce(sum(extract(epoch from d.ends_at - d.starts_at) / 60)
				                filter (where c.activity_class = 'AUTHORISED_FLEX'), 0)::bigint
				from duties.duty d
				join rule_sets r on d.duty_date >= r.effective_from and (r.effective_to is null or d.duty_date < r.effective_to)
				join duties.classification c on c.rule_set_id = r.id and c.code = d.activity_code
				join workforce.team_membership t on t.person_id = d.person_id and t.start_date <= d.duty_date
				     and (t.end_date is null or t.end_date > d.duty_date)
				join geography.ward_place p on p.ward_code = t.ward_code
				where (cast(:borough as text) is null or p.borough_code = :borough)
				  and d.starts_at >= (cast(:from as date) - 1)::timestamp at time zone 'Europe/London'
				  and d.starts_at < (cast(:to as date) + 2)::timestamp at time zone 'Europe/London'
				  and d.duty_date between :from and :to
				  and ((d.kind = 'ACTUAL' and d.duty_date < :today) or (d.kind = 'PLANNED' and d.duty_date >= :today))
				group by 1 order by 1""")
			.param("borough", boroughCode.orElse(null))
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("today", Date.valueOf(today))
			.query((rs, n) -> new Month(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/**
	 * Plans the next statements of the transaction for their actual values: after five runs PostgreSQL
	 * would switch a prepared statement to a generic plan, which for these period-bounded reads scans
	 * far too much (1.5 s instead of 20 ms).
	 */
	private void customPlans() {
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
				rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
				rs.getString(9), ActivityClass.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12),
				rs.getString(13), rs.getString(14), rs.getTimestamp(15).toInstant(), rs.getString(16));
	}

}
