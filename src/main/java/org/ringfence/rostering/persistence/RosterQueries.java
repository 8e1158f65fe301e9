package org.ringfence.rostering.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the rostering schema: rosters, their slots and officers. */
@Repository
public class RosterQueries {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	public RosterQueries(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A roster row as stored. */
	public record RosterRow(long id, String clusterId, String boroughCode, long patternId, LocalDate start, int weeks,
			String status, int seconds, Optional<String> score, Integer hard, Integer medium, Integer soft,
			String violationsJson, Optional<Instant> solveStartedAt, Optional<Instant> solveEndedAt,
			Optional<Long> moveEvaluationSpeed, String message, int version, String createdBy, Instant createdAt,
			Optional<String> publishedBy, Optional<Instant> publishedAt) {
	}

	/** A slot row as stored. */
	public record SlotRow(String slotId, int day, LocalDate date, LocalTime start, int lengthMinutes, String role,
			String ward, Optional<Long> personId, boolean pinned) {
	}

	/** An officer of a roster as stored. */
	public record OfficerRow(long personId, String name, String role, Optional<String> homeWard) {
	}

	private static final String COLUMNS = """
			id, cluster_id, borough_code, pattern_id, start_date, weeks, status, seconds, score, hard_score, medium_score,
			soft_score, violations::text as violations, solve_started_at, solve_ended_at, move_evaluation_speed, message,
			version, created_by, created_at, published_by, published_at""";

	public long insert(String clusterId, String boroughCode, long patternId, LocalDate start, int weeks, int seconds,
			String actor) {
		return this.jdbc.sql("""
				insert into rostering.roster (cluster_id, borough_code, pattern_id, start_date, weeks, status, seconds, created_by)
				values (?, ?, ?, ?, ?, 'SOLVING', ?, ?) returning id""")
			.params(clusterId, boroughCode, patternId, Date.valueOf(start), weeks, seconds, actor)
			.query(Long.class)
			.single();
	}

	public void insertSlots(long rosterId, List<SlotRow> slots) {
		this.template.batchUpdate("""
				insert into rostering.roster_slot (roster_id, slot_id, day, duty_date, start_time, length_minutes, role,
				                                   ward_code, person_id, pinned)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", slots, 500, (ps, s) -> {
			ps.setLong(1, rosterId);
			ps.setString(2, s.slotId());
			ps.setInt(3, s.day());
			ps.setDate(4, Date.valueOf(s.date()));
			ps.setTime(5, Time.valueOf(s.start()));
			ps.setInt(6, s.lengthMinutes());
			ps.setString(7, s.role());
			ps.setString(8, s.ward());
			ps.setObject(9, s.personId().orElse(null));
			ps.setBoolean(10, s.pinned());
		});
	}

	public void insertOfficers(long rosterId, List<OfficerRow> officers) {
		this.template.batchUpdate("""
				insert into rostering.roster_officer (roster_id, person_id, name, role, home_ward) values (?, ?, ?, ?, ?)""",
				officers, 500, (ps, o) -> {
					ps.setLong(1, rosterId);
					ps.setLong(2, o.personId());
					ps.setString(3, o.name());
					ps.setString(4, o.role());
					ps.setString(5, o.homeWard().orElse(null));
				});
	}

	public Optional<RosterRow> roster(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from rostering.roster where id = ?")
			.param(id)
			.query(RosterQueries::roster)
			.optional();
	}

	/** The roster locked for a change. */
	public Optional<RosterRow> lock(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from rostering.roster where id = ? for update")
			.param(id)
			.query(RosterQueries::roster)
			.optional();
	}

	public List<RosterRow> ofCluster(String clusterId) {
		return this.jdbc.sql("select " + COLUMNS + " from rostering.roster where cluster_id = ? order by start_date desc, id desc")
			.param(clusterId)
			.query(RosterQueries::roster)
			.list();
	}

	public List<SlotRow> slots(long rosterId) {
		return this.jdbc.sql("""
				select slot_id, day, duty_date, start_time, length_minutes, role, ward_code, person_id, pinned
				from rostering.roster_slot where roster_id = ? order by day, start_time, role, slot_id""")
			.param(rosterId)
			.query((rs, n) -> {
				long person = rs.getLong("person_id");
				Optional<Long> personId = rs.wasNull() ? Optional.empty() : Optional.of(person);
				return new SlotRow(rs.getString("slot_id"), rs.getInt("day"), rs.getDate("duty_date").toLocalDate(),
						rs.getTime("start_time").toLocalTime(), rs.getInt("length_minutes"), rs.getString("role"),
						rs.getString("ward_code"), personId, rs.getBoolean("pinned"));
			})
			.list();
	}

	public List<OfficerRow> officers(long rosterId) {
		return this.jdbc.sql("""
				select person_id, name, role, home_ward from rostering.roster_officer where roster_id = ?
				order by role, name, person_id""")
			.param(rosterId)
			.query((rs, n) -> new OfficerRow(rs.getLong(1), rs.getString(2), rs.getString(3),
					Optional.ofNullable(rs.getString(4))))
			.list();
	}

	/** Sets every slot's officer and pin (the solver's result, or one edit). */
	public void updateSlots(long rosterId, List<SlotRow> slots) {
		this.template.batchUpdate("""
				update rostering.roster_slot set person_id = ?, pinned = ? where roster_id = ? and slot_id = ?""", slots, 500,
				(ps, s) -> {
					ps.setObject(1, s.personId().orElse(null));
					ps.setBoolean(2, s.pinned());
					ps.setLong(3, rosterId);
					ps.setString(4, s.slotId());
				});
	}

	public void startSolving(long id, int seconds) {
		this.jdbc.sql("""
				update rostering.roster set status = 'SOLVING', seconds = ?, solve_started_at = now(), solve_ended_at = null,
				       message = '', version = version + 1 where id = ?""")
			.params(seconds, id)
			.update();
	}

	/** The score and broken rules at the last scoring; the status when given. */
	public void score(long id, Optional<String> status, String score, int hard, int medium, int soft, String violationsJson,
			Optional<Long> moveEvaluationSpeed, boolean ended, String message) {
		this.jdbc.sql("""
				update rostering.roster set status = coalesce(:status, status), score = :score, hard_score = :hard,
				       medium_score = :medium, soft_score = :soft, violations = cast(:violations as jsonb),
				       move_evaluation_speed = coalesce(:speed, move_evaluation_speed),
				       solve_ended_at = case when :ended then now() else solve_ended_at end,
				       message = :message, version = version + 1
				 where id = :id""")
			.param("status", status.orElse(null))
			.param("score", score)
			.param("hard", hard)
			.param("medium", medium)
			.param("soft", soft)
			.param("violations", violationsJson)
			.param("speed", moveEvaluationSpeed.orElse(null))
			.param("ended", ended)
			.param("message", message)
			.param("id", id)
			.update();
	}

	/** Progress while solving: the best score so far. */
	public void progress(long id, String score, int hard, int medium, int soft) {
		this.jdbc.sql("""
				update rostering.roster set score = ?, hard_score = ?, medium_score = ?, soft_score = ?
				 where id = ? and status = 'SOLVING'""")
			.params(score, hard, medium, soft, id)
			.update();
	}

	public void fail(long id, String message) {
		this.jdbc.sql("""
				update rostering.roster set status = 'FAILED', message = ?, solve_ended_at = now(), version = version + 1
				 where id = ?""")
			.params(message, id)
			.update();
	}

	/** Solves cut short by a restart: their best was never kept. */
	public int failInterrupted() {
		return this.jdbc.sql("""
				update rostering.roster set status = 'FAILED', message = 'The solve was interrupted by a restart: solve again.',
				       solve_ended_at = now(), version = version + 1 where status = 'SOLVING'""")
			.update();
	}

	public void published(long id, String actor) {
		this.jdbc.sql("""
				update rostering.roster set status = 'PUBLISHED', published_by = ?, published_at = now(), version = version + 1
				 where id = ?""")
			.params(actor, id)
			.update();
	}

	static RosterRow roster(ResultSet rs, int n) throws SQLException {
		return new RosterRow(rs.getLong("id"), rs.getString("cluster_id"), rs.getString("borough_code"),
				rs.getLong("pattern_id"), rs.getDate("start_date").toLocalDate(), rs.getInt("weeks"), rs.getString("status"),
				rs.getInt("seconds"), Optional.ofNullable(rs.getString("score")), (Integer) rs.getObject("hard_score"),
				(Integer) rs.getObject("medium_score"), (Integer) rs.getObject("soft_score"), rs.getString("violations"),
				instant(rs, "solve_started_at"), instant(rs, "solve_ended_at"),
				Optional.ofNullable((Long) rs.getObject("move_evaluation_speed")), rs.getString("message"),
				rs.getInt("version"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				Optional.ofNullable(rs.getString("published_by")), instant(rs, "published_at"));
	}

	private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? Optional.empty() : Optional.of(t.toInstant());
	}

}
