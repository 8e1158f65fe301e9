package org.ringfence.duties.persistence;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ringfence.duties.ActivityClass;
import org.ringfence.duties.Duty;
import org.ringfence.duties.DutyKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The planned tours of a person over some days, each with its class, for re-coding to an event. */
@Repository
public class EventDutyQueries {

	private final JdbcClient jdbc;

	public EventDutyQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record PlannedTour(Duty duty, ActivityClass activityClass) {
	}

	/** Planned duties of the person with duty dates from..to, by start, locked for the change that follows. */
	public List<PlannedTour> plannedTours(long personId, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select d.id, d.person_id, d.kind, d.duty_date, d.starts_at, d.ends_at, d.ward_code, d.place, d.activity_code,
				       d.notice_days, d.source, d.version, d.changed_by, d.changed_at, k.activity_class
				from duties.duty d
				join duties.classification k on k.code = d.activity_code and k.rule_set_id = (
				     select r.id from duties.rule_set r where r.effective_from <= d.duty_date
				     order by r.effective_from desc limit 1)
				where d.person_id = ? and d.kind = 'PLANNED' and d.duty_date between ? and ?
				order by d.starts_at
				for update of d""")
			.params(personId, Date.valueOf(from), Date.valueOf(to))
			.query((rs, n) -> {
				int notice = rs.getInt("notice_days");
				Optional<Integer> noticeDays = rs.wasNull() ? Optional.empty() : Optional.of(notice);
				Duty duty = new Duty(rs.getLong("id"), rs.getLong("person_id"), DutyKind.valueOf(rs.getString("kind")),
						rs.getDate("duty_date").toLocalDate(), rs.getTimestamp("starts_at").toInstant(),
						rs.getTimestamp("ends_at").toInstant(), Optional.ofNullable(rs.getString("ward_code")),
						rs.getString("place"), rs.getString("activity_code"), noticeDays, rs.getString("source"),
						rs.getInt("version"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
				return new PlannedTour(duty, ActivityClass.valueOf(rs.getString("activity_class")));
			})
			.list();
	}

}
