package org.ringfence.allocation.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.allocation.SchoolCriterion;
import org.ringfence.allocation.SchoolPhase;
import org.ringfence.allocation.SchoolRecord;
import org.ringfence.allocation.domain.SchoolRanking.Direction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of schools, their criteria values and the recorded Safer Schools allocations. */
@Repository
public class SchoolQueries {

	private final JdbcClient jdbc;

	public SchoolQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<SchoolCriterion> criteria() {
		return this.jdbc.sql("""
				select code, label, direction, default_weight, source, borough_code, builtin
				from allocation.school_criterion order by builtin desc, created_at, code""")
			.query((rs, n) -> new SchoolCriterion(rs.getString(1), rs.getString(2), Direction.valueOf(rs.getString(3)),
					rs.getDouble(4), rs.getString(5), Optional.ofNullable(rs.getString(6)), rs.getBoolean(7)))
			.list();
	}

	/** Adds a criterion; false when the code is taken. */
	public boolean insertCriterion(String code, String label, Direction direction, double weight, Optional<String> borough,
			String actor) {
		return this.jdbc.sql("""
				insert into allocation.school_criterion (code, label, direction, default_weight, source, borough_code,
				                                         created_by)
				values (?, ?, ?, ?, 'FILE', ?, ?) on conflict (code) do nothing""")
			.params(code, label, direction.name(), weight, borough.orElse(null), actor)
			.update() > 0;
	}

	private static final String SCHOOL = """
			select s.urn, s.year, s.name, s.phase, s.ward_code, w.name, s.borough_code, s.lat, s.lng, s.has_officer,
			       s.synthetic
			from allocation.school s join geography.ward w on w.code = s.ward_code
			""";

	public List<SchoolRecord> schools(String boroughCode, int year) {
		List<SchoolRecord> bare = this.jdbc.sql(SCHOOL + " where s.borough_code = ? and s.year = ? order by s.name, s.urn")
			.params(boroughCode, year)
			.query(SchoolQueries::school)
			.list();
		Map<String, Map<String, Double>> values = new HashMap<>();
		this.jdbc.sql("""
				select v.urn, v.criterion_code, v.value from allocation.school_value v
				join allocation.school s on s.urn = v.urn and s.year = v.year
				where s.borough_code = ? and s.year = ?""")
			.params(boroughCode, year)
			.query((ResultSet rs) -> {
				values.computeIfAbsent(rs.getString(1), u -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3));
			});
		return bare.stream().map(s -> withValues(s, values.getOrDefault(s.urn(), Map.of()))).toList();
	}

	/** The schools stored for a year among these URNs, with their values. */
	public Map<String, SchoolRecord> schools(Collection<String> urns, int year) {
		Map<String, SchoolRecord> found = new LinkedHashMap<>();
		String[] keys = urns.toArray(String[]::new);
		this.jdbc.sql(SCHOOL + " where s.urn = any(?) and s.year = ?")
			.params(keys, year)
			.query(SchoolQueries::school)
			.list()
			.forEach(s -> found.put(s.urn(), s));
		Map<String, Map<String, Double>> values = new HashMap<>();
		this.jdbc.sql("select urn, criterion_code, value from allocation.school_value where urn = any(?) and year = ?")
			.params(keys, year)
			.query((ResultSet rs) -> {
				values.computeIfAbsent(rs.getString(1), u -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3));
			});
		found.replaceAll((urn, s) -> withValues(s, values.getOrDefault(urn, Map.of())));
		return found;
	}

	/** Stores a school for a year (replacing the row and its values if there was one). */
	public void putSchool(SchoolRecord school, String actor) {
		this.jdbc.sql("""
				insert into allocation.school (urn, year, name, phase, ward_code, borough_code, lat, lng, has_officer,
				                               synthetic, imported_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (urn, year) do update
				  set name = excluded.name, phase = excluded.phase, ward_code = excluded.ward_code,
				      borough_code = excluded.borough_code, lat = excluded.lat, lng = excluded.lng,
				      has_officer = excluded.has_officer, synthetic = excluded.synthetic,
				      imported_by = excluded.imported_by, imported_at = now()""")
			.params(school.urn(), school.year(), school.name(), school.phase().name(), school.wardCode(),
					school.boroughCode(), school.lat(), school.lng(), school.hasOfficer(), school.synthetic(), actor)
			.update();
		this.jdbc.sql("delete from allocation.school_value where urn = ? and year = ?")
			.params(school.urn(), school.year())
			.update();
		school.values()
			.forEach((code, value) -> this.jdbc.sql(
					"insert into allocation.school_value (urn, year, criterion_code, value) values (?, ?, ?, ?)")
				.params(school.urn(), school.year(), code, value)
				.update());
	}

	/** A recorded allocation without its entries. */
	public record AllocationRow(long id, String boroughCode, int year, int officers, String normalisation,
			String criteriaJson, LocalDate demandFrom, LocalDate demandTo, String recordedBy, Instant recordedAt) {
	}

	/** An entry of a recorded allocation. */
	public record EntryRow(String urn, String name, String wardCode, int rank, double score, boolean officer,
			boolean kept, Long contactPersonId, String contactName, String contactRole) {
	}

	public Optional<AllocationRow> allocation(String boroughCode, int year) {
		return this.jdbc.sql("""
				select id, borough_code, year, officers, normalisation, criteria::text, demand_from, demand_to, recorded_by,
				       recorded_at
				from allocation.school_allocation where borough_code = ? and year = ?""")
			.params(boroughCode, year)
			.query((rs, n) -> new AllocationRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
					rs.getString(6), rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), rs.getString(9),
					rs.getTimestamp(10).toInstant()))
			.optional();
	}

	public List<EntryRow> entries(long allocationId) {
		return this.jdbc.sql("""
				select urn, name, ward_code, rank, score, officer, kept, contact_person_id, contact_name, contact_role
				from allocation.school_allocation_entry where allocation_id = ? order by rank""")
			.param(allocationId)
			.query((rs, n) -> new EntryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getDouble(5),
					rs.getBoolean(6), rs.getBoolean(7), (Long) rs.getObject(8), rs.getString(9), rs.getString(10)))
			.list();
	}

	/** Replaces the borough's recorded allocation for the year; returns the new id. */
	public long putAllocation(String boroughCode, int year, int officers, String normalisation, String criteriaJson,
			LocalDate from, LocalDate to, String actor, List<EntryRow> entries) {
		this.jdbc.sql("delete from allocation.school_allocation where borough_code = ? and year = ?")
			.params(boroughCode, year)
			.update();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into allocation.school_allocation (borough_code, year, officers, normalisation, criteria,
				                                          demand_from, demand_to, recorded_by)
				values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
			.params(boroughCode, year, officers, normalisation, criteriaJson, Date.valueOf(from), Date.valueOf(to), actor)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (EntryRow e : entries) {
			this.jdbc.sql("""
					insert into allocation.school_allocation_entry (allocation_id, urn, name, ward_code, rank, score, officer,
					                                                kept, contact_person_id, contact_name, contact_role)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, e.urn(), e.name(), e.wardCode(), e.rank(), e.score(), e.officer(), e.kept(), e.contactPersonId(),
						e.contactName(), e.contactRole())
				.update();
		}
		return id;
	}

	private static SchoolRecord school(ResultSet rs, int n) throws java.sql.SQLException {
		Object lat = rs.getObject(8);
		Object lng = rs.getObject(9);
		return new SchoolRecord(rs.getString(1), rs.getInt(2), rs.getString(3), SchoolPhase.valueOf(rs.getString(4)),
				rs.getString(5), rs.getString(6), rs.getString(7), lat == null ? null : ((Number) lat).doubleValue(),
				lng == null ? null : ((Number) lng).doubleValue(), rs.getBoolean(10), rs.getBoolean(11), Map.of());
	}

	private static SchoolRecord withValues(SchoolRecord s, Map<String, Double> values) {
		return new SchoolRecord(s.urn(), s.year(), s.name(), s.phase(), s.wardCode(), s.wardName(), s.boroughCode(),
				s.lat(), s.lng(), s.hasOfficer(), s.synthetic(), Map.copyOf(values));
	}

}
