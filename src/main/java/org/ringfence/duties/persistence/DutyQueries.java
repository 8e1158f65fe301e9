package org.ringfence.duties.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.duties.ActivityClass;
import org.ringfence.duties.Classification;
import org.ringfence.duties.Duty;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.NewDuty;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the duties schema: duties, their history, codes and rule sets. */
@Repository
public class DutyQueries {

	private static final String COLUMNS = "id, person_id, kind, duty_date, starts_at, ends_at, ward_code, place, "
			+ "activity_code, notice_days, source, version, changed_by, changed_at";

	private final JdbcClient jdbc;

	public DutyQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Duty> duty(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from duties.duty where id = ?").param(id).query(DutyQueries::duty).optional();
	}

	/** Duties of a person of one kind overlapping [from, to), other than the one given. */
	public List<Duty> overlapping(long personId, DutyKind kind, Instant from, Instant to, long exceptId) {
		return this.jdbc.sql("select " + COLUMNS + " " + """
				 from duties.duty where person_id = ? and kind = ? and id <> ?
				  and tstzrange(starts_at, ends_at) && tstzrange(?, ?) order by starts_at""")
			.params(personId, kind.name(), exceptId, Timestamp.from(from), Timestamp.from(to))
			.query(DutyQueries::duty)
			.list();
	}

	/** Duties of a person starting in [from, to), by start. */
	public List<Duty> ofPerson(long personId, Optional<DutyKind> kind, Instant from, Instant to) {
		return this.jdbc.sql("select " + COLUMNS + " " + """
				 from duties.duty where person_id = :person and (cast(:kind as text) is null or kind = :kind)
				  and starts_at < :to and ends_at > :from order by starts_at, kind""")
			.param("person", personId)
			.param("kind", kind.map(Enum::name).orElse(null))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(DutyQueries::duty)
			.list();
	}

	/** Duties, in [from, to), of the people in a ward's team on the duty date. */
	public List<Duty> ofWardTeam(String wardCode, Optional<DutyKind> kind, Instant from, Instant to) {
		return this.jdbc.sql("select " + COLUMNS.replaceAll("(^|, )", "$1d.") + " " + """
				 from duties.duty d
				 join workforce.team_membership m on m.person_id = d.person_id and m.start_date <= d.duty_date
				      and (m.end_date is null or m.end_date > d.duty_date)
				where (m.ward_code = :ward or m.also_ward_code = :ward)
				  and (cast(:kind as text) is null or d.kind = :kind)
				  and d.starts_at < :to and d.ends_at > :from
				order by d.starts_at, d.person_id""")
			.param("ward", wardCode)
			.param("kind", kind.map(Enum::name).orElse(null))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(DutyQueries::duty)
			.list();
	}

	public long insert(NewDuty duty, String source, String actor, Optional<Integer> noticeDays) {
		return this.jdbc.sql("""
				insert into duties.duty (person_id, kind, duty_date, starts_at, ends_at, ward_code, place, activity_code,
				                         notice_days, source, changed_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(duty.personId(), duty.kind().name(), Date.valueOf(duty.dutyDate()), Timestamp.from(duty.startsAt()),
					Timestamp.from(duty.endsAt()), duty.wardCode().orElse(null), duty.place(), duty.activityCode(),
					noticeDays.orElse(null), source, actor)
			.query(Long.class)
			.single();
	}

	/** Replaces a duty's fields if it is still at the expected version; returns whether it was. */
	public boolean update(long id, int expectedVersion, NewDuty duty, Optional<Integer> noticeDays, String actor) {
		return this.jdbc.sql("""
				update duties.duty set duty_date = ?, starts_at = ?, ends_at = ?, ward_code = ?, place = ?,
				       activity_code = ?, notice_days = ?, version = version + 1, changed_by = ?, changed_at = now()
				where id = ? and version = ?""")
			.params(Date.valueOf(duty.dutyDate()), Timestamp.from(duty.startsAt()), Timestamp.from(duty.endsAt()),
					duty.wardCode().orElse(null), duty.place(), duty.activityCode(), noticeDays.orElse(null), actor, id,
					expectedVersion)
			.update() == 1;
	}

	public void keepHistory(Duty before, String stateJson) {
		this.jdbc.sql("""
				insert into duties.duty_history (duty_id, version, state, changed_by, changed_at)
				values (?, ?, cast(? as jsonb), ?, ?)""")
			.params(before.id(), before.version(), stateJson, before.changedBy(), Timestamp.from(before.changedAt()))
			.update();
	}

	/** Earlier versions of a duty as stored JSON, oldest first. */
	public List<String> history(long dutyId) {
		return this.jdbc.sql("select state::text from duties.duty_history where duty_id = ? order by version")
			.param(dutyId)
			.query(String.class)
			.list();
	}

	public boolean codeExists(String code) {
		return this.jdbc.sql("select count(*) from duties.activity_code where code = ?").param(code).query(Integer.class)
			.single() > 0;
	}

	/** The classification of every code under the rule set in force on a day. */
	public Map<String, Classification> classificationOn(LocalDate day) {
		Map<String, Classification> classes = new HashMap<>();
		this.jdbc.sql("""
				select c.code, c.activity_class, c.counts_as_duty, c.abstracted, c.report_type
				from duties.classification c
				where c.rule_set_id = (select r.id from duties.rule_set r where r.effective_from <= ?
				                       order by r.effective_from desc limit 1)""")
			.param(Date.valueOf(day))
			.query((rs, n) -> new Classification(rs.getString(1), ActivityClass.valueOf(rs.getString(2)), rs.getBoolean(3),
					rs.getBoolean(4), rs.getString(5)))
			.list()
			.forEach(c -> classes.put(c.code(), c));
		return classes;
	}

	/** A rule set as listed. */
	public record RuleSetRow(long id, String name, LocalDate effectiveFrom, String note) {
	}

	public List<RuleSetRow> ruleSets() {
		return this.jdbc.sql("select id, name, effective_from, note from duties.rule_set order by effective_from")
			.query((rs, n) -> new RuleSetRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)))
			.list();
	}

	public List<Classification> classificationsOf(long ruleSetId) {
		return this.jdbc.sql("""
				select code, activity_class, counts_as_duty, abstracted, report_type from duties.classification
				where rule_set_id = ? order by code""")
			.param(ruleSetId)
			.query((rs, n) -> new Classification(rs.getString(1), ActivityClass.valueOf(rs.getString(2)), rs.getBoolean(3),
					rs.getBoolean(4), rs.getString(5)))
			.list();
	}

	public long insertRuleSet(String name, LocalDate effectiveFrom, String note, String actor) {
		return this.jdbc.sql("""
				insert into duties.rule_set (name, effective_from, note, created_by) values (?, ?, ?, ?) returning id""")
			.params(name, Date.valueOf(effectiveFrom), note, actor)
			.query(Long.class)
			.single();
	}

	public void insertClassification(long ruleSetId, Classification c) {
		this.jdbc.sql("""
				insert into duties.classification (rule_set_id, code, activity_class, counts_as_duty, abstracted, report_type)
				values (?, ?, ?, ?, ?, ?)""")
			.params(ruleSetId, c.code(), c.activityClass().name(), c.countsAsDuty(), c.abstracted(), c.reportType())
			.update();
	}

	public void insertCode(String code, String name, String actor) {
		this.jdbc.sql("insert into duties.activity_code (code, name, created_by) values (?, ?, ?)")
			.params(code, name, actor)
			.update();
	}

	public Map<String, String> codeNames() {
		Map<String, String> names = new HashMap<>();
		this.jdbc.sql("select code, name from duties.activity_code")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(e -> names.put(e.getKey(), e.getValue()));
		return names;
	}

	static Duty duty(ResultSet rs, int n) throws SQLException {
		int notice = rs.getInt("notice_days");
		Optional<Integer> noticeDays = rs.wasNull() ? Optional.empty() : Optional.of(notice);
		return new Duty(rs.getLong("id"), rs.getLong("person_id"), DutyKind.valueOf(rs.getString("kind")),
				rs.getDate("duty_date").toLocalDate(), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), Optional.ofNullable(rs.getString("ward_code")), rs.getString("place"),
				rs.getString("activity_code"), noticeDays, rs.getString("source"), rs.getInt("version"),
				rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
	}

}
