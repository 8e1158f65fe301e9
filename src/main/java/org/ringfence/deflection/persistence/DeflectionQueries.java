package org.ringfence.deflection.persistence;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ringfence.deflection.CallCategory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * SQL over the deflection schema: call categories, ward call priorities and decisions. Ward and
 * borough names come from the published view geography.ward_place.
 */
@Repository
public class DeflectionQueries {

	private final JdbcClient jdbc;

	public DeflectionQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<CallCategory> categories() {
		return this.jdbc.sql("select code, name, arrest_likely from deflection.call_category order by sort_order, code")
			.query((rs, n) -> new CallCategory(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
			.list();
	}

	/** A ward's stored priorities. */
	public record PrioritiesRow(String wardCode, List<String> categories, String notes, LocalDate lastReviewed,
			String reviewedBy, int version) {
	}

	public Optional<PrioritiesRow> priorities(String wardCode) {
		return this.jdbc.sql("""
				select ward_code, categories, notes, last_reviewed, reviewed_by, version
				from deflection.ward_priorities where ward_code = ?""")
			.param(wardCode)
			.query(DeflectionQueries::priorities)
			.optional();
	}

	/** A ward of a borough with its place and its priorities, if any. */
	public record BoardRow(String wardCode, String wardName, String clusterName, String boroughName,
			Optional<PrioritiesRow> priorities) {
	}

	/** Every active ward of the borough, by name, with its priorities: one statement. */
	public List<BoardRow> boroughPriorities(String boroughCode) {
		return this.jdbc.sql("""
				select p.ward_code, p.ward_name, coalesce(p.cluster_name, ''), p.borough_name,
				       w.ward_code as has, w.categories, w.notes, w.last_reviewed, w.reviewed_by, w.version
				from geography.ward_place p
				left join deflection.ward_priorities w on w.ward_code = p.ward_code
				where p.borough_code = ? and p.active
				order by p.ward_name""")
			.param(boroughCode)
			.query((rs, n) -> new BoardRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString("has") == null ? Optional.empty()
							: Optional.of(new PrioritiesRow(rs.getString(1), codes(rs.getArray("categories")),
									rs.getString("notes"), rs.getDate("last_reviewed").toLocalDate(), rs.getString("reviewed_by"),
									rs.getInt("version")))))
			.list();
	}

	/**
	 * Stores a ward's priorities, reviewed today; a change must give the version it read (empty for
	 * the first). Returns the new version, or empty when someone changed them meanwhile.
	 */
	public Optional<Integer> savePriorities(String wardCode, List<String> categories, String notes, LocalDate reviewed,
			String actor, Optional<Integer> expectedVersion) {
		if (expectedVersion.isEmpty()) {
			return this.jdbc.sql("""
					insert into deflection.ward_priorities (ward_code, categories, notes, last_reviewed, reviewed_by)
					values (:ward, :categories, :notes, :reviewed, :actor)
					on conflict (ward_code) do nothing returning version""")
				.param("ward", wardCode)
				.param("categories", text(categories))
				.param("notes", notes)
				.param("reviewed", Date.valueOf(reviewed))
				.param("actor", actor)
				.query(Integer.class)
				.optional();
		}
		return this.jdbc.sql("""
				update deflection.ward_priorities set categories = :categories, notes = :notes, last_reviewed = :reviewed,
				       reviewed_by = :actor, version = version + 1, changed_at = now()
				where ward_code = :ward and version = :version returning version""")
			.param("ward", wardCode)
			.param("categories", text(categories))
			.param("notes", notes)
			.param("reviewed", Date.valueOf(reviewed))
			.param("actor", actor)
			.param("version", expectedVersion.get())
			.query(Integer.class)
			.optional();
	}

	/** A decision to store; JSON columns as text. */
	public record NewDecision(String cadReference, Instant incidentAt, String wardCode, String boroughCode,
			Optional<Double> latitude, Optional<Double> longitude, String category, boolean needsPoliceOfficer,
			int expectedMinutes, boolean criticalIncident, Optional<String> overrideReason, boolean deflected,
			boolean overridden, String conditionsJson, String officersJson, String warningsJson, String settingsJson,
			String decidedBy) {
	}

	public long insert(NewDecision d) {
		return this.jdbc.sql("""
				insert into deflection.decision (cad_reference, incident_at, ward_code, borough_code, latitude, longitude,
				       call_category, needs_police_officer, expected_minutes, critical_incident, override_reason, deflected,
				       overridden, tag, conditions, officers, warnings, settings, decided_by)
				values (:cad, :at, :ward, :borough, :lat, :lng, :category, :police, :minutes, :critical, :override,
				        :deflected, :overridden, :tag, cast(:conditions as jsonb), cast(:officers as jsonb),
				        cast(:warnings as jsonb), cast(:settings as jsonb), :by)
				returning id""")
			.param("cad", d.cadReference())
			.param("at", Timestamp.from(d.incidentAt()))
			.param("ward", d.wardCode())
			.param("borough", d.boroughCode())
			.param("lat", d.latitude().orElse(null))
			.param("lng", d.longitude().orElse(null))
			.param("category", d.category())
			.param("police", d.needsPoliceOfficer())
			.param("minutes", d.expectedMinutes())
			.param("critical", d.criticalIncident())
			.param("override", d.overrideReason().orElse(null))
			.param("deflected", d.deflected())
			.param("overridden", d.overridden())
			.param("tag", d.deflected() ? "SNT" : null)
			.param("conditions", d.conditionsJson())
			.param("officers", d.officersJson())
			.param("warnings", d.warningsJson())
			.param("settings", d.settingsJson())
			.param("by", d.decidedBy())
			.query(Long.class)
			.single();
	}

	/** A stored decision with its ward's and borough's names; JSON columns as text. */
	public record DecisionRow(long id, String cadReference, Instant incidentAt, String wardCode, String wardName,
			String boroughCode, String boroughName, String category, String categoryName, boolean needsPoliceOfficer,
			int expectedMinutes, boolean criticalIncident, Optional<String> overrideReason, boolean deflected,
			boolean overridden, Optional<String> tag, String conditionsJson, String officersJson, String warningsJson,
			String settingsJson, String decidedBy, Instant decidedAt, Optional<Integer> outcomeMinutes,
			Optional<String> outcomeResult, String outcomeNote, Optional<String> outcomeBy, Optional<Instant> outcomeAt) {
	}

	private static final String DECISION = """
			select d.id, d.cad_reference, d.incident_at, d.ward_code, p.ward_name, d.borough_code, p.borough_name,
			       d.call_category, c.name as category_name, d.needs_police_officer, d.expected_minutes, d.critical_incident,
			       d.override_reason, d.deflected, d.overridden, d.tag, d.conditions::text, d.officers::text,
			       d.warnings::text, d.settings::text, d.decided_by, d.decided_at, d.outcome_minutes_away,
			       d.outcome_result, d.outcome_note, d.outcome_recorded_by, d.outcome_recorded_at
			from deflection.decision d
			join geography.ward_place p on p.ward_code = d.ward_code
			join deflection.call_category c on c.code = d.call_category
			""";

	public Optional<DecisionRow> decision(long id) {
		return this.jdbc.sql(DECISION + " where d.id = ?").param(id).query(DeflectionQueries::decision).optional();
	}

	/** Decisions on incidents in [from, to), newest first, for some boroughs (all when empty), deflected only if asked. */
	public List<DecisionRow> decisions(Instant from, Instant to, Optional<List<String>> boroughs, boolean deflectedOnly,
			int limit) {
		return this.jdbc.sql(DECISION + """
				 where d.incident_at >= :from and d.incident_at < :to
				   and (cast(:all as boolean) or d.borough_code = any(:boroughs))
				   and (not cast(:deflected as boolean) or d.deflected)
				 order by d.incident_at desc, d.id desc limit :limit""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("all", boroughs.isEmpty())
			.param("boroughs", text(boroughs.orElse(List.of())))
			.param("deflected", deflectedOnly)
			.param("limit", limit)
			.query(DeflectionQueries::decision)
			.list();
	}

	/** Deflected calls in [from, to) for the monthly evaluation, by borough, ward and time. */
	public List<DecisionRow> deflectedCalls(Instant from, Instant to, Optional<String> borough) {
		return this.jdbc.sql(DECISION + """
				 where d.deflected and d.incident_at >= :from and d.incident_at < :to
				   and (cast(:borough as text) is null or d.borough_code = :borough)
				 order by p.borough_name, p.ward_name, d.incident_at, d.id""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("borough", borough.orElse(null))
			.query(DeflectionQueries::decision)
			.list();
	}

	/** Counts of decisions in [from, to) per ward code: decisions made and deflected. */
	public record WardCount(String wardCode, int decisions, int deflected) {
	}

	public List<WardCount> countsByWard(Instant from, Instant to, Optional<String> borough) {
		return this.jdbc.sql("""
				select d.ward_code, count(*)::int, count(*) filter (where d.deflected)::int
				from deflection.decision d
				where d.incident_at >= :from and d.incident_at < :to
				  and (cast(:borough as text) is null or d.borough_code = :borough)
				group by d.ward_code""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("borough", borough.orElse(null))
			.query((rs, n) -> new WardCount(rs.getString(1), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	/** Records (or corrects) a deflected call's outcome; returns whether the decision was deflected and updated. */
	public boolean recordOutcome(long id, int minutesAway, String result, String note, String actor) {
		return this.jdbc.sql("""
				update deflection.decision set outcome_minutes_away = ?, outcome_result = ?, outcome_note = ?,
				       outcome_recorded_by = ?, outcome_recorded_at = now()
				where id = ? and deflected""")
			.params(minutesAway, result, note, actor, id)
			.update() == 1;
	}

	static PrioritiesRow priorities(ResultSet rs, int n) throws SQLException {
		return new PrioritiesRow(rs.getString("ward_code"), codes(rs.getArray("categories")), rs.getString("notes"),
				rs.getDate("last_reviewed").toLocalDate(), rs.getString("reviewed_by"), rs.getInt("version"));
	}

	static DecisionRow decision(ResultSet rs, int n) throws SQLException {
		int minutes = rs.getInt("outcome_minutes_away");
		Optional<Integer> outcomeMinutes = rs.wasNull() ? Optional.empty() : Optional.of(minutes);
		Timestamp outcomeAt = rs.getTimestamp("outcome_recorded_at");
		return new DecisionRow(rs.getLong("id"), rs.getString("cad_reference"), rs.getTimestamp("incident_at").toInstant(),
				rs.getString("ward_code"), rs.getString("ward_name"), rs.getString("borough_code"),
				rs.getString("borough_name"), rs.getString("call_category"), rs.getString("category_name"),
				rs.getBoolean("needs_police_officer"), rs.getInt("expected_minutes"), rs.getBoolean("critical_incident"),
				Optional.ofNullable(rs.getString("override_reason")), rs.getBoolean("deflected"),
				rs.getBoolean("overridden"), Optional.ofNullable(rs.getString("tag")), rs.getString("conditions"),
				rs.getString("officers"), rs.getString("warnings"), rs.getString("settings"), rs.getString("decided_by"),
				rs.getTimestamp("decided_at").toInstant(), outcomeMinutes, Optional.ofNullable(rs.getString("outcome_result")),
				rs.getString("outcome_note"), Optional.ofNullable(rs.getString("outcome_recorded_by")),
				Optional.ofNullable(outcomeAt).map(Timestamp::toInstant));
	}

	static SqlArrayValue text(List<String> values) {
		return new SqlArrayValue("text", values.toArray());
	}

	static List<String> codes(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
