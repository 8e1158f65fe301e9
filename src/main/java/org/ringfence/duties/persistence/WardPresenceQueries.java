package org.ringfence.duties.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ringfence.duties.DutyKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who is on an ON_WARD tour on given wards at an instant: one statement, reading the duties, the
 * published team-membership view (role) and the published ward-place view (borough).
 */
@Repository
public class WardPresenceQueries {

	/** A tour lasts at most 24 hours (a check on the duty table), so a tour covering t started after t - 24 h. */
	static final Duration LONGEST_TOUR = Duration.ofHours(24);

	private final JdbcClient jdbc;

	public WardPresenceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Row(long personId, Optional<String> role, String wardCode, DutyKind kind, Instant startsAt,
			Instant endsAt, String activityCode) {
	}

	/**
	 * ON_WARD tours covering the instant on the given wards (or every ward of the borough), actual
	 * ones, and planned ones that no actual duty of the same person overlaps.
	 */
	public List<Row> onWard(List<String> wards, Optional<String> borough, Instant at) {
		if (borough.isEmpty() && wards.isEmpty()) {
			return List.of();
		}
		Timestamp since = Timestamp.from(at.minus(LONGEST_TOUR));
		// The wards filter first (materialized), so the classification and the look for an actual
		// record run only for the few tours on those wards, not for every tour in London that day.
		return this.jdbc.sql("""
				with tours as materialized (
				     select d.person_id, d.kind, d.ward_code, d.starts_at, d.ends_at, d.activity_code, d.duty_date
				     from duties.duty d
				     where d.starts_at <= :at and d.starts_at > :since and d.ends_at > :at
				       and d.ward_code in (%s))
				select d.person_id, m.role, d.ward_code, d.kind, d.starts_at, d.ends_at, d.activity_code
				from tours d
				join duties.classification k on k.code = d.activity_code and k.rule_set_id = (
				     select r.id from duties.rule_set r where r.effective_from <= d.duty_date
				     order by r.effective_from desc limit 1)
				left join lateral (
				     select t.role from workforce.team_membership t
				     where t.person_id = d.person_id and t.start_date <= d.duty_date
				       and (t.end_date is null or t.end_date > d.duty_date)
				     limit 1) m on true
				where k.activity_class = 'ON_WARD'
				  and (d.kind = 'ACTUAL' or not exists (
				       select 1 from duties.duty a
				       where a.person_id = d.person_id and a.kind = 'ACTUAL' and a.starts_at < d.ends_at
				         and a.starts_at > d.starts_at - interval '24 hours' and a.ends_at > d.starts_at))
				order by d.ward_code, d.person_id""".formatted(borough.isPresent()
				? "select p.ward_code from geography.ward_place p where p.borough_code = :wards" : ":wards"))
			.param("at", Timestamp.from(at))
			.param("since", since)
			.param("wards", borough.isPresent() ? borough.get() : wards)
			.query((rs, n) -> new Row(rs.getLong(1), Optional.ofNullable(rs.getString(2)), rs.getString(3),
					DutyKind.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
					rs.getString(7)))
			.list();
	}

}
