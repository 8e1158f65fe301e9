package org.ringfence.allocation.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.allocation.SharedGroup;
import org.ringfence.allocation.SupervisionPlan.Consultation;
import org.ringfence.allocation.SupervisionPlan.ConsulteeType;
import org.ringfence.allocation.SupervisionPlan.Stance;
import org.ringfence.allocation.WardFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of shared supervision plans, their groups and consultation log. */
@Repository
public class SupervisionQueries {

	private final JdbcClient jdbc;

	public SupervisionQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A plan's own row. */
	public record PlanRow(long id, String boroughCode, int sergeants, int maxGroupSize, LocalDate demandFrom,
			LocalDate demandTo, String status, String rationale, String proposedBy, java.time.Instant proposedAt,
			Optional<String> decidedBy, Optional<java.time.Instant> decidedAt, String decisionNote,
			Optional<LocalDate> effectiveFrom, int version) {
	}

	private static final String PLAN = """
			select id, borough_code, sergeants, max_group_size, demand_from, demand_to, status, rationale, proposed_by,
			       proposed_at, decided_by, decided_at, decision_note, effective_from, version
			from allocation.supervision_plan
			""";

	public long insertPlan(String boroughCode, int sergeants, int maxGroupSize, LocalDate from, LocalDate to,
			String rationale, String actor) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into allocation.supervision_plan (borough_code, sergeants, max_group_size, demand_from, demand_to,
				                                         rationale, proposed_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(boroughCode, sergeants, maxGroupSize, Date.valueOf(from), Date.valueOf(to), rationale, actor)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void insertGroup(long planId, int position, SharedGroup group) {
		this.jdbc.sql("""
				insert into allocation.supervision_group (plan_id, position, cluster_code, combined_demand, rank_among_pairs,
				                                          explanation)
				values (?, ?, ?, ?, ?, ?)""")
			.params(planId, position, group.clusterCode(), group.combinedDemand(), group.rankAmongPairs(),
					group.explanation())
			.update();
		for (WardFigures ward : group.wards()) {
			this.jdbc.sql("""
					insert into allocation.supervision_group_ward (plan_id, position, ward_code, ward_name, tno, asb, calls,
					                                               local_factors, sn_demand)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(planId, position, ward.code(), ward.name(), ward.tno(), ward.asb(), ward.calls(), ward.localFactors(),
						ward.snDemand())
				.update();
		}
	}

	public Optional<PlanRow> plan(long id) {
		return this.jdbc.sql(PLAN + " where id = ?").param(id).query(SupervisionQueries::planRow).optional();
	}

	public Optional<PlanRow> lockPlan(long id) {
		return this.jdbc.sql(PLAN + " where id = ? for update").param(id).query(SupervisionQueries::planRow).optional();
	}

	public List<PlanRow> plans(Optional<List<String>> boroughs, Optional<String> borough) {
		return this.jdbc.sql(PLAN + """
				where (cast(:all as boolean) or borough_code = any(:boroughs))
				  and (cast(:borough as text) is null or borough_code = :borough)
				order by proposed_at desc, id desc limit 200""")
			.param("all", boroughs.isEmpty())
			.param("boroughs", boroughs.orElse(List.of()).toArray(String[]::new))
			.param("borough", borough.orElse(null))
			.query(SupervisionQueries::planRow)
			.list();
	}

	/** A plan's groups with their wards' figures, in position order; cluster names filled by the caller. */
	public List<SharedGroup> groups(long planId, Map<String, String> clusterNames) {
		Map<Integer, List<WardFigures>> wards = new LinkedHashMap<>();
		this.jdbc.sql("""
				select g.position, w.ward_code, w.ward_name, g.cluster_code, w.tno, w.asb, w.calls, w.local_factors,
				       w.sn_demand
				from allocation.supervision_group_ward w
				join allocation.supervision_group g on g.plan_id = w.plan_id and g.position = w.position
				where w.plan_id = ? order by g.position, w.ward_code""")
			.param(planId)
			.query((ResultSet rs) -> {
				wards.computeIfAbsent(rs.getInt(1), p -> new ArrayList<>())
					.add(new WardFigures(rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
							rs.getLong(7), rs.getDouble(8), rs.getDouble(9)));
			});
		return this.jdbc.sql("""
				select position, cluster_code, combined_demand, rank_among_pairs, explanation
				from allocation.supervision_group where plan_id = ? order by position""")
			.param(planId)
			.query((rs, n) -> new SharedGroup(List.copyOf(wards.getOrDefault(rs.getInt(1), List.of())), rs.getString(2),
					rs.getString(2) == null ? null : clusterNames.getOrDefault(rs.getString(2), rs.getString(2)),
					rs.getDouble(3), rs.getInt(4), rs.getString(5)))
			.list();
	}

	public List<Consultation> consultations(long planId) {
		return this.jdbc.sql("""
				select id, consultee_type, consultee, consulted_on, stance, response, recorded_by, recorded_at
				from allocation.consultation where plan_id = ? order by consulted_on, id""")
			.param(planId)
			.query((rs, n) -> new Consultation(rs.getLong(1), ConsulteeType.valueOf(rs.getString(2)), rs.getString(3),
					rs.getDate(4).toLocalDate(), Stance.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
					rs.getTimestamp(8).toInstant()))
			.list();
	}

	public long insertConsultation(long planId, ConsulteeType type, String consultee, LocalDate consultedOn, Stance stance,
			String response, String actor) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into allocation.consultation (plan_id, consultee_type, consultee, consulted_on, stance, response,
				                                     recorded_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(planId, type.name(), consultee, Date.valueOf(consultedOn), stance.name(), response, actor)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void decide(long planId, String actor, String note, LocalDate effectiveFrom) {
		this.jdbc.sql("""
				update allocation.supervision_plan
				   set status = 'DECIDED', decided_by = ?, decided_at = now(), decision_note = ?, effective_from = ?,
				       version = version + 1
				 where id = ? and status = 'PROPOSED'""")
			.params(actor, note, Date.valueOf(effectiveFrom), planId)
			.update();
	}

	public void touch(long planId) {
		this.jdbc.sql("update allocation.supervision_plan set version = version + 1 where id = ?").param(planId).update();
	}

	private static PlanRow planRow(ResultSet rs, int n) throws SQLException {
		Timestamp decidedAt = rs.getTimestamp(12);
		Date effective = rs.getDate(14);
		return new PlanRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getDate(5).toLocalDate(),
				rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getTimestamp(10).toInstant(), Optional.ofNullable(rs.getString(11)),
				Optional.ofNullable(decidedAt).map(Timestamp::toInstant), rs.getString(13),
				Optional.ofNullable(effective).map(Date::toLocalDate), rs.getInt(15));
	}

}
