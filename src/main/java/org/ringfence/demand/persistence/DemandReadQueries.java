package org.ringfence.demand.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side: monthly totals by ward, source and ASB class (weighted and not), and timed calls
 * straight from the ward-time index (by hour of week and category, or by ward). Every query is
 * limited to a list of wards, so that it can use the indexes whose first column is the ward.
 */
@Repository
public class DemandReadQueries {

	/** Records of a ward, month, source and ASB class; weighted by their categories' weights. */
	public record MonthTotal(String wardCode, LocalDate month, String source, boolean asb, long records,
			BigDecimal weighted) {
	}

	/** Timed calls of one hour of the week and category. */
	public record HourCount(int hourOfWeek, short categoryId, long calls) {
	}

	/** Timed calls of a ward and ASB class. */
	public record WardCalls(String wardCode, boolean asb, long calls, BigDecimal weighted) {
	}

	/** A category with its weight and the records held. */
	public record CategoryRow(short id, String name, boolean asb, BigDecimal weight, String changedBy,
			Instant changedAt, long records) {
	}

	private final JdbcClient jdbc;

	public DemandReadQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Monthly totals of the wards in the months first..last (first days), whole months only. */
	public List<MonthTotal> monthTotals(Collection<String> wards, LocalDate first, LocalDate last) {
		return this.jdbc.sql("""
				select ward_code, month, source, asb, records, weighted from demand.ward_month_total
				where ward_code = any(:wards) and month between :first and :last""")
			.param("wards", wards.toArray(String[]::new))
			.param("first", Date.valueOf(first))
			.param("last", Date.valueOf(last))
			.query((rs, n) -> new MonthTotal(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
					rs.getBoolean(4), rs.getLong(5), rs.getBigDecimal(6)))
			.list();
	}

	/** Calls received in [from, to) at the wards, by hour of the week and category. */
	public List<HourCount> callsByHour(Collection<String> wards, Instant from, Instant to) {
		return this.jdbc.sql("""
				select hour_of_week, category_id, count(*) from demand.call
				where ward_code = any(:wards) and received_at >= :from and received_at < :to
				group by hour_of_week, category_id""")
			.param("wards", wards.toArray(String[]::new))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new HourCount(rs.getInt(1), rs.getShort(2), rs.getLong(3)))
			.list();
	}

	/** Calls received in [from, to) at the wards, by ward and ASB class. */
	public List<WardCalls> callsByWard(Collection<String> wards, Instant from, Instant to) {
		return this.jdbc.sql("""
				select k.ward_code, c.asb, count(*), sum(c.weight)
				from demand.call k join demand.category c on c.id = k.category_id
				where k.ward_code = any(:wards) and k.received_at >= :from and k.received_at < :to
				group by k.ward_code, c.asb""")
			.param("wards", wards.toArray(String[]::new))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new WardCalls(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getBigDecimal(4)))
			.list();
	}

	/** The first and last months holding records, if any, among the months up to this one (not the future). */
	public Optional<LocalDate[]> monthsHeld() {
		return this.jdbc.sql("""
				select min(month), max(month) from demand.ward_month_total
				where records > 0 and month <= date_trunc('month', now() at time zone 'Europe/London')""")
			.query((rs, n) -> rs.getDate(1) == null ? null
					: new LocalDate[] { rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate() })
			.optional();
	}

	/** Records held per source in the months first..last. */
	public List<Object[]> recordsBySource(Collection<String> wards, LocalDate first, LocalDate last) {
		return this.jdbc.sql("""
				select source, sum(records) from demand.ward_month_total
				where ward_code = any(:wards) and month between :first and :last group by source""")
			.param("wards", wards.toArray(String[]::new))
			.param("first", Date.valueOf(first))
			.param("last", Date.valueOf(last))
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) })
			.list();
	}

	public List<CategoryRow> categories() {
		return this.jdbc.sql("""
				select c.id, c.name, c.asb, c.weight, c.changed_by, c.changed_at,
				       coalesce(m.records, 0) + coalesce(k.crimes, 0)
				from demand.category c
				left join (select category_id, sum(records) as records from demand.ward_month group by category_id) m
				       on m.category_id = c.id
				left join (select category_id, sum(crimes) as crimes from demand.ward_crime_count group by category_id) k
				       on k.category_id = c.id
				order by c.name""")
			.query((rs, n) -> new CategoryRow(rs.getShort(1), rs.getString(2), rs.getBoolean(3), rs.getBigDecimal(4),
					rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getLong(7)))
			.list();
	}

	public Optional<CategoryRow> category(String name) {
		return categories().stream().filter(c -> c.name().equals(name)).findFirst();
	}

	/** Sets a category's weight; false when there is no such category. */
	public boolean setWeight(String name, BigDecimal weight, String by) {
		return this.jdbc.sql("update demand.category set weight = ?, changed_by = ?, changed_at = now() where name = ?")
			.params(weight, by, name)
			.update() == 1;
	}

	/** The weight of every category, by id. */
	public java.util.Map<Short, BigDecimal> weights() {
		java.util.Map<Short, BigDecimal> weights = new java.util.HashMap<>();
		this.jdbc.sql("select id, weight from demand.category")
			.query((rs, n) -> weights.put(rs.getShort(1), rs.getBigDecimal(2)))
			.list();
		return weights;
	}

	/** Which categories are ASB, by id. */
	public java.util.Set<Short> asbCategories() {
		return new java.util.HashSet<>(this.jdbc.sql("select id from demand.category where asb").query(Short.class).list());
	}

}
