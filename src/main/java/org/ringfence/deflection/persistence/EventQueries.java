package org.ringfence.deflection.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** SQL over significant events and the SNT deployments to them. */
@Repository
public class EventQueries {

	private final JdbcClient jdbc;

	public EventQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record EventRow(long id, String boroughCode, String boroughName, String title, String description,
			LocalDate startsOn, LocalDate endsOn, String declaredBy, String declaredByRole, Instant declaredAt) {
	}

	public record DeploymentRow(long id, long eventId, String eventBoroughCode, long personId, LocalDate startsOn,
			LocalDate endsOn, Optional<LocalTime> tourStart, Optional<LocalTime> tourEnd, String reassurancePurpose,
			String homeBoroughCode, boolean outsideHomeBorough, Optional<String> extremeCircumstances, int dutiesRecoded,
			String recordedBy, Instant recordedAt) {
	}

	private static final String EVENT = """
			select e.id, e.borough_code, b.borough_name, e.title, e.description, e.starts_on, e.ends_on, e.declared_by,
			       e.declared_by_role, e.declared_at
			from deflection.significant_event e
			join (select distinct borough_code, borough_name from geography.ward_place) b on b.borough_code = e.borough_code
			""";

	private static final String DEPLOYMENT = """
			select x.id, x.event_id, e.borough_code as event_borough, x.person_id, x.starts_on, x.ends_on, x.tour_start,
			       x.tour_end, x.reassurance_purpose, x.home_borough_code, x.outside_home_borough, x.extreme_circumstances,
			       x.duties_recoded, x.recorded_by, x.recorded_at
			from deflection.event_deployment x
			join deflection.significant_event e on e.id = x.event_id
			""";

	public long insertEvent(String borough, String title, String description, LocalDate from, LocalDate to, String by,
			String role) {
		return this.jdbc.sql("""
				insert into deflection.significant_event (borough_code, title, description, starts_on, ends_on, declared_by,
				       declared_by_role)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(borough, title, description, Date.valueOf(from), Date.valueOf(to), by, role)
			.query(Long.class)
			.single();
	}

	public Optional<EventRow> event(long id) {
		return this.jdbc.sql(EVENT + " where e.id = ?").param(id).query(EventQueries::event).optional();
	}

	/** Events overlapping from..to in some boroughs (all when empty), latest first. */
	public List<EventRow> events(LocalDate from, LocalDate to, Optional<List<String>> boroughs) {
		return this.jdbc.sql(EVENT + """
				 where e.starts_on <= :to and e.ends_on >= :from
				   and (cast(:all as boolean) or e.borough_code = any(:boroughs))
				 order by e.starts_on desc, e.id desc""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("all", boroughs.isEmpty())
			.param("boroughs", new SqlArrayValue("text", boroughs.orElse(List.of()).toArray()))
			.query(EventQueries::event)
			.list();
	}

	/** The latest-declared event of the borough whose days cover from..to entirely. */
	public Optional<EventRow> covering(String borough, LocalDate from, LocalDate to) {
		return this.jdbc.sql(EVENT + """
				 where e.borough_code = ? and e.starts_on <= ? and e.ends_on >= ?
				 order by e.declared_at desc, e.id desc limit 1""")
			.params(borough, Date.valueOf(from), Date.valueOf(to))
			.query(EventQueries::event)
			.optional();
	}

	public long insertDeployment(long eventId, long personId, LocalDate from, LocalDate to, Optional<LocalTime> tourStart,
			Optional<LocalTime> tourEnd, String purpose, String homeBorough, boolean outside,
			Optional<String> extremeCircumstances, String by) {
		return this.jdbc.sql("""
				insert into deflection.event_deployment (event_id, person_id, starts_on, ends_on, tour_start, tour_end,
				       reassurance_purpose, home_borough_code, outside_home_borough, extreme_circumstances, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(eventId, personId, Date.valueOf(from), Date.valueOf(to), tourStart.map(Time::valueOf).orElse(null),
					tourEnd.map(Time::valueOf).orElse(null), purpose, homeBorough, outside,
					extremeCircumstances.orElse(null), by)
			.query(Long.class)
			.single();
	}

	public void setDutiesRecoded(long deploymentId, int count) {
		this.jdbc.sql("update deflection.event_deployment set duties_recoded = ? where id = ?")
			.params(count, deploymentId)
			.update();
	}

	/** Deployments of the person overlapping from..to (at most one may exist at a time). */
	public List<DeploymentRow> deploymentsOfPerson(long personId, LocalDate from, LocalDate to) {
		return this.jdbc.sql(DEPLOYMENT + " where x.person_id = ? and x.starts_on <= ? and x.ends_on >= ? order by x.starts_on")
			.params(personId, Date.valueOf(to), Date.valueOf(from))
			.query(EventQueries::deployment)
			.list();
	}

	public Optional<DeploymentRow> deployment(long id) {
		return this.jdbc.sql(DEPLOYMENT + " where x.id = ?").param(id).query(EventQueries::deployment).optional();
	}

	public List<DeploymentRow> deploymentsOf(Collection<Long> eventIds) {
		if (eventIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(DEPLOYMENT + " where x.event_id in (:ids) order by x.event_id, x.starts_on, x.id")
			.param("ids", List.copyOf(eventIds))
			.query(EventQueries::deployment)
			.list();
	}

	/**
	 * Deployments overlapping from..to whose event or home borough is one of the boroughs (all when
	 * empty), only those outside the home borough if asked; latest first.
	 */
	public List<DeploymentRow> deployments(LocalDate from, LocalDate to, Optional<List<String>> boroughs,
			boolean outsideOnly) {
		return this.jdbc.sql(DEPLOYMENT + """
				 where x.starts_on <= :to and x.ends_on >= :from
				   and (cast(:all as boolean) or e.borough_code = any(:boroughs) or x.home_borough_code = any(:boroughs))
				   and (not cast(:outside as boolean) or x.outside_home_borough)
				 order by x.starts_on desc, x.id desc""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("all", boroughs.isEmpty())
			.param("boroughs", new SqlArrayValue("text", boroughs.orElse(List.of()).toArray()))
			.param("outside", outsideOnly)
			.query(EventQueries::deployment)
			.list();
	}

	static EventRow event(ResultSet rs, int n) throws SQLException {
		return new EventRow(rs.getLong("id"), rs.getString("borough_code"), rs.getString("borough_name"),
				rs.getString("title"), rs.getString("description"), rs.getDate("starts_on").toLocalDate(),
				rs.getDate("ends_on").toLocalDate(), rs.getString("declared_by"), rs.getString("declared_by_role"),
				rs.getTimestamp("declared_at").toInstant());
	}

	static DeploymentRow deployment(ResultSet rs, int n) throws SQLException {
		Time start = rs.getTime("tour_start");
		Time end = rs.getTime("tour_end");
		return new DeploymentRow(rs.getLong("id"), rs.getLong("event_id"), rs.getString("event_borough"),
				rs.getLong("person_id"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
				Optional.ofNullable(start).map(Time::toLocalTime), Optional.ofNullable(end).map(Time::toLocalTime),
				rs.getString("reassurance_purpose"), rs.getString("home_borough_code"), rs.getBoolean("outside_home_borough"),
				Optional.ofNullable(rs.getString("extreme_circumstances")), rs.getInt("duties_recoded"),
				rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
	}

}
