package org.ringfence.demand.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The write side of the imports, all in the caller's transaction: categories, staging tables (temp,
 * dropped at commit) filled with binary COPY, and the statements that move staged rows into the
 * records and the monthly totals. A repeated natural key is stored once (ON CONFLICT DO NOTHING);
 * the monthly totals grow by exactly the rows stored.
 */
@Repository
public class DemandWriteQueries {

	/** A category as stored. */
	public record Category(short id, String name, boolean asb, BigDecimal weight) {
	}

	/** Writes the rows of a COPY. */
	@FunctionalInterface
	public interface RowWriter {

		void write(BinaryCopy copy) throws SQLException, java.io.IOException;

	}

	/** How the Met's counts of one line of a file compare with what is stored. */
	public record MpsLine(int fileNo, int line, boolean anyNew, boolean anyChanged) {
	}

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	public DemandWriteQueries(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** One import at a time (across instances): held until the caller's transaction ends. */
	public void lockImports() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('ringfence.demand.import'))").query(Object.class).list();
	}

	public Map<String, Category> categories() {
		Map<String, Category> categories = new HashMap<>();
		this.jdbc.sql("select id, name, asb, weight from demand.category")
			.query((rs, n) -> new Category(rs.getShort(1), rs.getString(2), rs.getBoolean(3), rs.getBigDecimal(4)))
			.list()
			.forEach(c -> categories.put(c.name(), c));
		return categories;
	}

	/** Creates the categories not held yet (weight 1), with whether each is ASB. */
	public void ensureCategories(Map<String, Boolean> asbByName) {
		if (asbByName.isEmpty()) {
			return;
		}
		String[] names = asbByName.keySet().toArray(String[]::new);
		String[] asb = new String[names.length];
		for (int i = 0; i < names.length; i++) {
			asb[i] = Boolean.TRUE.equals(asbByName.get(names[i])) ? "true" : "false";
		}
		this.jdbc.sql("""
				insert into demand.category (name, asb)
				select name, cast(asb as boolean) from unnest(cast(:names as text[]), cast(:asb as text[])) as t(name, asb)
				order by name
				on conflict (name) do nothing""")
			.param("names", names)
			.param("asb", asb)
			.update();
	}

	/**
	 * A CTE adding the stored records (CTE agg: ward_code, month, category_id, n) to the weighted
	 * summary per ward, month, source (:source) and ASB class.
	 */
	static final String ADD_TO_SUMMARY = """
			summary as (
			  insert into demand.ward_month_total (ward_code, month, source, asb, records, weighted)
			  select a.ward_code, a.month, :source, c.asb, sum(a.n), sum(a.n * c.weight)
			  from agg a join demand.category c on c.id = a.category_id
			  group by a.ward_code, a.month, c.asb
			  on conflict (ward_code, month, source, asb)
			  do update set records = demand.ward_month_total.records + excluded.records,
			                weighted = demand.ward_month_total.weighted + excluded.weighted
			)""";

	/** Rebuilds the weighted summary from the monthly records (after a weight changed). */
	public void rebuildSummary() {
		this.jdbc.sql("delete from demand.ward_month_total").update();
		this.jdbc.sql("""
				insert into demand.ward_month_total (ward_code, month, source, asb, records, weighted)
				select m.ward_code, m.month, m.source, c.asb, sum(m.records), sum(m.records * c.weight)
				from (select ward_code, month, source, category_id, records from demand.ward_month
				      union all
				      select ward_code, month, 'mps', category_id, crimes from demand.ward_crime_count) m
				join demand.category c on c.id = m.category_id
				group by m.ward_code, m.month, m.source, c.asb""").update();
	}

	/** Adds the calls stored by a job to the summary (loads that copy calls straight into the table). */
	private void summariseJob(UUID job) {
		this.jdbc.sql("""
				insert into demand.ward_month_total (ward_code, month, source, asb, records, weighted)
				select k.ward_code, k.month, case when k.synthetic then 'cad-synthetic' else 'cad' end, c.asb, count(*),
				       sum(c.weight)
				from demand.call k join demand.category c on c.id = k.category_id
				where k.import_job = :job
				group by k.ward_code, k.month, k.synthetic, c.asb
				on conflict (ward_code, month, source, asb)
				do update set records = demand.ward_month_total.records + excluded.records,
				              weighted = demand.ward_month_total.weighted + excluded.weighted""").param("job", job).update();
	}

	// ------------------------------------------------------------------ calls

	public static final String CALL_STAGE = """
			create temp table call_stage (reference text, received_at timestamptz, month date, hour_of_week smallint,
			  ward_code text, category text, grade text, time_on_scene_minutes integer, latitude float8,
			  longitude float8) on commit drop""";

	/** The columns of demand.call that an import writes (but synthetic and import_job). */
	public static final String CALL_COLUMNS = "reference, received_at, month, hour_of_week, ward_code, category_id, grade, "
			+ "time_on_scene_minutes, latitude, longitude";

	private static final String STAGED_CALL_COLUMNS = "s.reference, s.received_at, s.month, s.hour_of_week, s.ward_code, "
			+ "c.id, s.grade, s.time_on_scene_minutes, s.latitude, s.longitude";

	/**
	 * Creates the staging table and copies the rows the writer writes: 10 fields each, reference,
	 * received_at, month, hour_of_week, ward_code, category (name), grade, time_on_scene_minutes,
	 * latitude, longitude.
	 */
	public long stageCalls(RowWriter writer) {
		this.jdbc.sql(CALL_STAGE).update();
		return copy("copy call_stage from stdin (format binary)", writer);
	}

	/** Stores the staged calls whose reference is new; adds them to the monthly totals; returns how many. */
	public long insertStagedCalls(UUID job, boolean synthetic) {
		String source = synthetic ? "cad-synthetic" : "cad";
		// a reference repeated in the file: the first in file order wins (ctid order is COPY order in the
		// fresh staging table); then sorted by ward and time, so the new entries of the ward-time index go
		// in page by page, not at random
		this.jdbc.sql("set local work_mem = '256MB'").update();
		return this.jdbc.sql("""
				with ins as (
				  insert into demand.call (%s, synthetic, import_job)
				  select f.*, :synthetic, :job from (
				    select distinct on (s.reference) %s
				    from call_stage s join demand.category c on c.name = s.category
				    order by s.reference, s.ctid
				  ) f
				  order by f.ward_code, f.received_at
				  on conflict (reference) do nothing
				  returning ward_code, month, category_id
				), agg as (
				  select ward_code, month, category_id, count(*) as n from ins group by ward_code, month, category_id
				), totals as (
				  insert into demand.ward_month (ward_code, month, source, category_id, records)
				  select ward_code, month, :source, category_id, n from agg
				  on conflict (ward_code, month, source, category_id)
				  do update set records = demand.ward_month.records + excluded.records
				), %s
				select coalesce(sum(n), 0) from agg""".formatted(CALL_COLUMNS, STAGED_CALL_COLUMNS, ADD_TO_SUMMARY))
			.param("synthetic", synthetic)
			.param("job", job)
			.param("source", source)
			.query(Long.class)
			.single();
	}

	public long countCalls() {
		return this.jdbc.sql("select count(*) from demand.call").query(Long.class).single();
	}

	/**
	 * A first load into the empty call table (the demo calls): COPY straight in with the ward-time
	 * index dropped, then the index built in one pass and the monthly totals computed from the rows.
	 * The caller's rows must have distinct references.
	 */
	public long copyIntoEmptyCalls(UUID job, boolean synthetic, RowWriter writer) {
		this.jdbc.sql("lock table demand.call in access exclusive mode").update();
		this.jdbc.sql("drop index demand.call_ward_received_ix").update();
		long stored = copy("copy demand.call (" + CALL_COLUMNS + ", synthetic, import_job) from stdin (format binary)",
				writer);
		this.jdbc.sql("create index call_ward_received_ix on demand.call (ward_code, received_at) "
				+ "include (hour_of_week, category_id)").update();
		this.jdbc.sql("comment on index demand.call_ward_received_ix is "
				+ "'Profiles read hours of the week straight from this index (index-only scans).'").update();
		this.jdbc.sql("""
				insert into demand.ward_month (ward_code, month, source, category_id, records)
				select ward_code, month, case when synthetic then 'cad-synthetic' else 'cad' end, category_id, count(*)
				from demand.call group by ward_code, month, synthetic, category_id""").update();
		summariseJob(job);
		this.jdbc.sql("analyze demand.call").update();
		return stored;
	}

	/**
	 * Copies calls straight into the call table (indexes kept) and adds them to the monthly totals:
	 * for loads whose references are known to be new (the demo calls).
	 */
	public long copyCalls(UUID job, RowWriter writer) {
		long stored = copy("copy demand.call (" + CALL_COLUMNS + ", synthetic, import_job) from stdin (format binary)",
				writer);
		this.jdbc.sql("""
				insert into demand.ward_month (ward_code, month, source, category_id, records)
				select ward_code, month, case when synthetic then 'cad-synthetic' else 'cad' end, category_id, count(*)
				from demand.call where import_job = :job group by ward_code, month, synthetic, category_id
				on conflict (ward_code, month, source, category_id)
				do update set records = demand.ward_month.records + excluded.records""").param("job", job).update();
		summariseJob(job);
		return stored;
	}

	// ------------------------------------------------------------------ data.police.uk

	public static final String CRIME_STAGE = """
			create temp table crime_stage (seq integer, crime_key text, month date, ward_code text, category text,
			  lsoa_code text, latitude float8, longitude float8, matched_by text) on commit drop""";

	/** Creates the staging table and copies the rows (9 fields each: seq, crime_key, month, ward, category, lsoa, lat, lng, matched_by). */
	public long stageCrimes(RowWriter writer) {
		this.jdbc.sql(CRIME_STAGE).update();
		return copy("copy crime_stage from stdin (format binary)", writer);
	}

	/** Stores the staged records whose key is new, the first of a repeated key in file order; returns how many. */
	public long insertStagedCrimes(UUID job) {
		return this.jdbc.sql("""
				with ins as (
				  insert into demand.crime (crime_key, month, ward_code, category_id, lsoa_code, latitude, longitude,
				                            matched_by, import_job)
				  select s.crime_key, s.month, s.ward_code, c.id, s.lsoa_code, s.latitude, s.longitude, s.matched_by, :job
				  from crime_stage s join demand.category c on c.name = s.category order by s.seq
				  on conflict (crime_key) do nothing
				  returning ward_code, month, category_id
				), agg as (
				  select ward_code, month, category_id, count(*) as n from ins group by ward_code, month, category_id
				), totals as (
				  insert into demand.ward_month (ward_code, month, source, category_id, records)
				  select ward_code, month, 'police-uk', category_id, n from agg
				  on conflict (ward_code, month, source, category_id)
				  do update set records = demand.ward_month.records + excluded.records
				), %s
				select coalesce(sum(n), 0) from agg""".formatted(ADD_TO_SUMMARY))
			.param("job", job)
			.param("source", "police-uk")
			.query(Long.class)
			.single();
	}

	// ------------------------------------------------------------------ the Met's ward counts

	public static final String MPS_STAGE = """
			create temp table mps_stage (file_no integer, line integer, ward_code text, month date,
			  major_category text, minor_category text, crimes integer) on commit drop""";

	/** Creates the staging table and copies the cells (7 fields each, in MPS_STAGE order; the category is the minor one). */
	public long stageMps(RowWriter writer) {
		this.jdbc.sql(MPS_STAGE).update();
		return copy("copy mps_stage from stdin (format binary)", writer);
	}

	/**
	 * Stores the staged counts that are new or differ from the stored ones (a revised count replaces
	 * the stored one) and says of each staged line whether it brought new counts or changed stored
	 * ones. Into an empty table (the first load) the rows go in before the primary key is built.
	 */
	public List<MpsLine> applyStagedMps(UUID job) {
		this.jdbc.sql("lock table demand.ward_crime_count in share row exclusive mode").update();
		boolean empty = !this.jdbc.sql("select exists (select 1 from demand.ward_crime_count)")
			.query(Boolean.class)
			.single();
		if (empty) {
			this.jdbc.sql("alter table demand.ward_crime_count drop constraint ward_crime_count_pkey").update();
			this.jdbc.sql("""
					insert into demand.ward_crime_count (ward_code, month, major_category, minor_category, category_id,
					                                     crimes, import_job)
					select s.ward_code, s.month, s.major_category, s.minor_category, k.id, s.crimes, :job
					from mps_stage s join demand.category k on k.name = s.minor_category""").param("job", job).update();
			this.jdbc.sql("alter table demand.ward_crime_count add constraint ward_crime_count_pkey "
					+ "primary key (ward_code, month, major_category, minor_category)").update();
			this.jdbc.sql("analyze demand.ward_crime_count").update();
			this.jdbc.sql("delete from demand.ward_month_total where source = 'mps'").update();
			this.jdbc.sql("""
					insert into demand.ward_month_total (ward_code, month, source, asb, records, weighted)
					select w.ward_code, w.month, 'mps', c.asb, sum(w.crimes), sum(w.crimes * c.weight)
					from demand.ward_crime_count w join demand.category c on c.id = w.category_id
					group by w.ward_code, w.month, c.asb""").update();
			return this.jdbc.sql("select file_no, line from mps_stage group by file_no, line")
				.query((rs, n) -> new MpsLine(rs.getInt(1), rs.getInt(2), true, false))
				.list();
		}
		this.jdbc.sql("""
				create temp table mps_diff on commit drop as
				select s.*, k.id as category_id, c.crimes as old
				from mps_stage s
				join demand.category k on k.name = s.minor_category
				left join demand.ward_crime_count c on c.ward_code = s.ward_code and c.month = s.month
				     and c.major_category = s.major_category and c.minor_category = s.minor_category""").update();
		this.jdbc.sql("""
				insert into demand.ward_crime_count (ward_code, month, major_category, minor_category, category_id, crimes,
				                                     import_job)
				select ward_code, month, major_category, minor_category, category_id, crimes, :job from mps_diff
				where old is distinct from crimes
				on conflict (ward_code, month, major_category, minor_category)
				do update set crimes = excluded.crimes, import_job = excluded.import_job""").param("job", job).update();
		this.jdbc.sql("""
				insert into demand.ward_month_total (ward_code, month, source, asb, records, weighted)
				select d.ward_code, d.month, 'mps', c.asb, sum(d.crimes - coalesce(d.old, 0)),
				       sum((d.crimes - coalesce(d.old, 0)) * c.weight)
				from mps_diff d join demand.category c on c.id = d.category_id
				where d.old is distinct from d.crimes
				group by d.ward_code, d.month, c.asb
				on conflict (ward_code, month, source, asb)
				do update set records = demand.ward_month_total.records + excluded.records,
				              weighted = demand.ward_month_total.weighted + excluded.weighted""").update();
		return this.jdbc.sql("""
				select file_no, line, bool_or(old is null), bool_or(old is not null and old <> crimes)
				from mps_diff group by file_no, line""")
			.query((rs, n) -> new MpsLine(rs.getInt(1), rs.getInt(2), rs.getBoolean(3), rs.getBoolean(4)))
			.list();
	}

	// ------------------------------------------------------------------ COPY

	private long copy(String sql, RowWriter writer) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		BinaryCopy copy = null;
		try {
			copy = BinaryCopy.start(connection, sql);
			writer.write(copy);
			long rows = copy.finish();
			copy = null;
			return rows;
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not copy rows: " + ex.getMessage(), ex);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		finally {
			if (copy != null) {
				copy.cancel();
			}
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
