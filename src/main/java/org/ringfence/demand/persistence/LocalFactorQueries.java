package org.ringfence.demand.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LocalFactorQueries {

	/** A factor as stored. */
	public record FactorRow(long id, String wardCode, String kind, String description, BigDecimal weight, int version,
			String changedBy, Instant changedAt) {
	}

	private static final String COLUMNS = "id, ward_code, kind, description, weight, version, changed_by, changed_at";

	private final JdbcClient jdbc;

	public LocalFactorQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<FactorRow> ofWards(Collection<String> wards) {
		return this.jdbc.sql("select " + COLUMNS + " from demand.local_factor where ward_code = any(:wards) "
				+ "order by ward_code, kind, id")
			.param("wards", wards.toArray(String[]::new))
			.query(LocalFactorQueries::row)
			.list();
	}

	public Optional<FactorRow> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from demand.local_factor where id = ?")
			.param(id)
			.query(LocalFactorQueries::row)
			.optional();
	}

	public long insert(String ward, String kind, String description, BigDecimal weight, String by) {
		return this.jdbc.sql("""
				insert into demand.local_factor (ward_code, kind, description, weight, changed_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(ward, kind, description, weight, by)
			.query(Long.class)
			.single();
	}

	/** Changes a factor read at this version; false when it has changed since (or is gone). */
	public boolean update(long id, int version, String kind, String description, BigDecimal weight, String by) {
		return this.jdbc.sql("""
				update demand.local_factor set kind = ?, description = ?, weight = ?, changed_by = ?, changed_at = now(),
				       version = version + 1
				where id = ? and version = ?""")
			.params(kind, description, weight, by, id, version)
			.update() == 1;
	}

	public boolean delete(long id, int version) {
		return this.jdbc.sql("delete from demand.local_factor where id = ? and version = ?").params(id, version).update() == 1;
	}

	/** The sum of the factors' weights of every ward that has any. */
	public Map<String, BigDecimal> sums(Collection<String> wards) {
		Map<String, BigDecimal> sums = new HashMap<>();
		this.jdbc.sql("select ward_code, sum(weight) from demand.local_factor where ward_code = any(:wards) group by ward_code")
			.param("wards", wards.toArray(String[]::new))
			.query((rs, n) -> sums.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return sums;
	}

	private static FactorRow row(ResultSet rs, int n) throws SQLException {
		return new FactorRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
				rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant());
	}

}
