package org.ringfence.geography.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.WardSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the geography schema. Reads return records; nothing here decides a rule. */
@Repository
public class GeographyQueries {

	private final JdbcClient jdbc;

	public GeographyQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored ward row; the boundary (GeoJSON text) only where it was asked for. */
	public record WardRow(String code, String name, String boroughCode, String clusterCode, Integer population,
			BigDecimal hectares, Optional<String> boundaryJson, long boundarySetId, boolean active) {
	}

	public boolean isLoaded() {
		return this.jdbc.sql("select count(*) from geography.borough").query(Integer.class).single() > 0;
	}

	public void insertForce(String code, String name) {
		this.jdbc.sql("insert into geography.force (code, name) values (?, ?) on conflict do nothing")
			.params(code, name)
			.update();
	}

	public void insertBcu(String code, String name, String forceCode) {
		this.jdbc.sql("insert into geography.bcu (code, name, force_code) values (?, ?, ?) on conflict do nothing")
			.params(code, name, forceCode)
			.update();
	}

	public void insertBorough(String code, String name, String bcuCode) {
		this.jdbc.sql("insert into geography.borough (code, name, bcu_code) values (?, ?, ?) on conflict do nothing")
			.params(code, name, bcuCode)
			.update();
	}

	public List<BoroughSummary> boroughs() {
		return this.jdbc.sql("""
				select b.code, b.name, c.name as bcu,
				       (select count(*) from geography.ward w where w.borough_code = b.code and w.active) as ward_count
				from geography.borough b join geography.bcu c on c.code = b.bcu_code
				order by b.name""")
			.query((rs, n) -> new BoroughSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	public Optional<BoroughSummary> borough(String code) {
		return this.jdbc.sql("""
				select b.code, b.name, c.name as bcu,
				       (select count(*) from geography.ward w where w.borough_code = b.code and w.active) as ward_count
				from geography.borough b join geography.bcu c on c.code = b.bcu_code where b.code = ?""")
			.param(code)
			.query((rs, n) -> new BoroughSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.optional();
	}

	public Set<String> boroughCodes() {
		return new TreeSet<>(this.jdbc.sql("select code from geography.borough").query(String.class).list());
	}

	public List<WardSummary> wards(Optional<String> boroughCode) {
		return this.jdbc.sql("""
				select code, name, borough_code, cluster_code, population, hectares from geography.ward
				where active and (cast(:borough as text) is null or borough_code = :borough)
				order by name""")
			.param("borough", boroughCode.orElse(null))
			.query((rs, n) -> new WardSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					(Integer) rs.getObject(5), rs.getBigDecimal(6)))
			.list();
	}

	/** A ward without its boundary. */
	public Optional<WardRow> ward(String code) {
		return this.jdbc.sql("""
				select code, name, borough_code, cluster_code, population, hectares, boundary_set_id, active
				from geography.ward where code = ?""")
			.param(code)
			.query((rs, n) -> new WardRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					(Integer) rs.getObject(5), rs.getBigDecimal(6), Optional.empty(), rs.getLong(7), rs.getBoolean(8)))
			.optional();
	}

	/** Names of every ward ever held, by code. */
	public Map<String, String> wardNames() {
		Map<String, String> names = new HashMap<>();
		this.jdbc.sql("select code, name from geography.ward")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(e -> names.put(e.getKey(), e.getValue()));
		return names;
	}

	/** Every ward ever held (active and retired), by code. */
	public Map<String, WardRow> allWardRows() {
		Map<String, WardRow> rows = new HashMap<>();
		this.jdbc.sql("""
				select code, name, borough_code, cluster_code, population, hectares, boundary::text, boundary_set_id, active
				from geography.ward""")
			.query((rs, n) -> new WardRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					(Integer) rs.getObject(5), rs.getBigDecimal(6), Optional.of(rs.getString(7)), rs.getLong(8),
					rs.getBoolean(9)))
			.list()
			.forEach(row -> rows.put(row.code(), row));
		return rows;
	}

	public List<WardRow> activeWardRows(Optional<String> boroughCode) {
		return this.jdbc.sql("""
				select code, name, borough_code, cluster_code, population, hectares, boundary::text, boundary_set_id, active
				from geography.ward where active and (cast(:borough as text) is null or borough_code = :borough)
				order by code""")
			.param("borough", boroughCode.orElse(null))
			.query((rs, n) -> new WardRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					(Integer) rs.getObject(5), rs.getBigDecimal(6), Optional.of(rs.getString(7)), rs.getLong(8),
					rs.getBoolean(9)))
			.list();
	}

	public List<String> neighbours(String wardCode) {
		return this.jdbc.sql("""
				select a.neighbour_code from geography.ward_adjacency a join geography.ward w on w.code = a.neighbour_code
				where a.ward_code = ? and w.active order by 1""")
			.param(wardCode)
			.query(String.class)
			.list();
	}

	/** Neighbours of every active ward. */
	public Map<String, List<String>> adjacency() {
		Map<String, List<String>> adjacency = new HashMap<>();
		this.jdbc.sql("""
				select a.ward_code, a.neighbour_code from geography.ward_adjacency a
				join geography.ward w on w.code = a.ward_code join geography.ward n on n.code = a.neighbour_code
				where w.active and n.active order by 1, 2""")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(e -> adjacency.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return adjacency;
	}

	public List<ClusterSummary> clusters(Optional<String> boroughCode) {
		Map<String, List<String>> wardsByCluster = new HashMap<>();
		this.jdbc.sql("select cluster_code, code from geography.ward where active and cluster_code is not null order by code")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(e -> wardsByCluster.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return this.jdbc.sql("""
				select code, name, borough_code from geography.cluster
				where cast(:borough as text) is null or borough_code = :borough order by code""")
			.param("borough", boroughCode.orElse(null))
			.query((rs, n) -> new ClusterSummary(rs.getString(1), rs.getString(2), rs.getString(3),
					wardsByCluster.getOrDefault(rs.getString(1), List.of())))
			.list()
			.stream()
			.filter(c -> !c.wardCodes().isEmpty())
			.toList();
	}

	public Optional<ClusterSummary> cluster(String code) {
		return clusters(Optional.empty()).stream().filter(c -> c.id().equals(code)).findFirst();
	}

	/** Existing clusters of a borough: code to number. */
	public Map<String, Integer> clusterNumbers(String boroughCode) {
		Map<String, Integer> numbers = new HashMap<>();
		this.jdbc.sql("select code, number from geography.cluster where borough_code = ?")
			.param(boroughCode)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.forEach(e -> numbers.put(e.getKey(), e.getValue()));
		return numbers;
	}

	public void insertCluster(String code, String boroughCode, int number, String name) {
		this.jdbc.sql("insert into geography.cluster (code, borough_code, number, name) values (?, ?, ?, ?)")
			.params(code, boroughCode, number, name)
			.update();
	}

	public long insertBoundarySet(String name, String source, String importedBy) {
		return this.jdbc
			.sql("insert into geography.boundary_set (name, source, imported_by) values (?, ?, ?) returning id")
			.params(name, source, importedBy)
			.query(Long.class)
			.single();
	}

	public long latestBoundarySet() {
		return this.jdbc.sql("select coalesce(max(id), 0) from geography.boundary_set").query(Long.class).single();
	}

	/** Inserts or replaces a ward's name, borough, area and boundary; makes it active. */
	public void upsertWard(String code, String name, String boroughCode, BigDecimal hectares, String boundaryJson,
			double[] bbox, long boundarySetId, String clusterCode) {
		this.jdbc.sql("""
				insert into geography.ward (code, name, borough_code, cluster_code, hectares, boundary, min_lng, min_lat,
				                            max_lng, max_lat, boundary_set_id, active, retired_at)
				values (:code, :name, :borough, :cluster, :hectares, cast(:boundary as jsonb), :minLng, :minLat, :maxLng,
				        :maxLat, :set, true, null)
				on conflict (code) do update set name = excluded.name, borough_code = excluded.borough_code,
				    cluster_code = coalesce(geography.ward.cluster_code, excluded.cluster_code),
				    hectares = excluded.hectares, boundary = excluded.boundary, min_lng = excluded.min_lng,
				    min_lat = excluded.min_lat, max_lng = excluded.max_lng, max_lat = excluded.max_lat,
				    boundary_set_id = excluded.boundary_set_id, active = true, retired_at = null""")
			.param("code", code)
			.param("name", name)
			.param("borough", boroughCode)
			.param("cluster", clusterCode)
			.param("hectares", hectares)
			.param("boundary", boundaryJson)
			.param("minLng", bbox[0])
			.param("minLat", bbox[1])
			.param("maxLng", bbox[2])
			.param("maxLat", bbox[3])
			.param("set", boundarySetId)
			.update();
	}

	public void retireWard(String code) {
		this.jdbc.sql("update geography.ward set active = false, retired_at = now() where code = ?").param(code).update();
	}

	public void setCluster(String wardCode, String clusterCode) {
		this.jdbc.sql("update geography.ward set cluster_code = ? where code = ?").params(clusterCode, wardCode).update();
	}

	public void setPopulation(String wardCode, int population) {
		this.jdbc.sql("update geography.ward set population = ? where code = ?").params(population, wardCode).update();
	}

	public void replaceAdjacency(Map<String, Set<String>> adjacency, Set<Set<String>> acrossWater) {
		this.jdbc.sql("delete from geography.ward_adjacency").update();
		List<Object[]> rows = new ArrayList<>();
		adjacency.forEach((ward, neighbours) -> neighbours
			.forEach(n -> rows.add(new Object[] { ward, n, acrossWater.contains(Set.of(ward, n)) })));
		batchInsertAdjacency(rows);
	}

	private void batchInsertAdjacency(List<Object[]> rows) {
		StringBuilder sql = new StringBuilder(
				"insert into geography.ward_adjacency (ward_code, neighbour_code, across_water) values ");
		List<Object> params = new ArrayList<>();
		for (int start = 0; start < rows.size(); start += 500) {
			sql.setLength(0);
			sql.append("insert into geography.ward_adjacency (ward_code, neighbour_code, across_water) values ");
			params.clear();
			List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + 500));
			for (int i = 0; i < chunk.size(); i++) {
				sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
				params.add(chunk.get(i)[0]);
				params.add(chunk.get(i)[1]);
				params.add(chunk.get(i)[2]);
			}
			this.jdbc.sql(sql.toString()).params(params).update();
		}
	}

}
