package org.ringfence.duties.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.ringfence.duties.domain.DutyCsvRow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The set-based SQL of a duty import: the rows are copied into a staging table that lives for the
 * transaction, checked against the people, codes, wards and stored duties with joins, and inserted
 * with one statement. Must run inside a transaction.
 */
@Repository
public class DutyImportQueries {

	private static final String STAGE = "duty_import_stage";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	public DutyImportQueries(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** The rows of one file, numbered from 1 in the order the files were sent. */
	public record StagedFile(int fileNo, List<DutyCsvRow> rows) {
	}

	/** A problem found in SQL: where (file number, line, column) and why; the person when known. */
	public record FoundProblem(int fileNo, long line, String column, String reason, Long personId) {
	}

	/**
	 * Creates the staging table and copies the rows into it with the person of each service number
	 * (none when unknown); returns the number of rows copied.
	 */
	public long stage(List<StagedFile> files, java.util.Map<String, Long> people) {
		this.jdbc.sql("create temp table " + STAGE + " (file_no integer not null, line integer not null, "
				+ "service_number text not null, kind text not null, duty_date date not null, starts_at timestamptz not null, "
				+ "ends_at timestamptz not null, ward_code text, place text not null, activity_code text not null, "
				+ "person_id bigint) on commit drop").update();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		long copied;
		try {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + STAGE + " (file_no, line, service_number, kind, duty_date, starts_at, ends_at, ward_code, "
						+ "place, activity_code, person_id) from stdin (format csv)");
			try {
				StringBuilder buffer = new StringBuilder(1 << 17);
				for (StagedFile file : files) {
					for (DutyCsvRow row : file.rows()) {
						buffer.append(file.fileNo()).append(',').append(row.line()).append(',');
						quoted(buffer, row.serviceNumber()).append(',').append(row.kind().name()).append(',');
						buffer.append(row.dutyDate()).append(',').append(row.startsAt()).append(',').append(row.endsAt());
						buffer.append(',');
						row.wardCode().ifPresent(w -> quoted(buffer, w));
						buffer.append(',');
						quoted(buffer, row.place()).append(',');
						quoted(buffer, row.activityCode()).append(',');
						Long person = people.get(row.serviceNumber());
						if (person != null) {
							buffer.append(person.longValue());
						}
						buffer.append('\n');
						if (buffer.length() > (1 << 16)) {
							write(copy, buffer);
						}
					}
				}
				write(copy, buffer);
				copied = copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Copying the import rows into the staging table failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		this.jdbc.sql("analyze " + STAGE).update();
		this.jdbc.sql(MATCH).update();
		return copied;
	}

	private static StringBuilder quoted(StringBuilder buffer, String text) {
		buffer.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				buffer.append('"');
			}
			buffer.append(c);
		}
		return buffer.append('"');
	}

	private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		buffer.setLength(0);
	}

	/**
	 * The stored duties each staged row meets, found in one pass over the natural-key index: the
	 * duty with the same person, kind and start (stored already, or stored with other details) and
	 * any other duty of that person and kind that overlaps it. Tours last at most 24 hours, which
	 * bounds the index range.
	 */
	static final String MATCH = """
			create temp table duty_import_match on commit drop as
			select s.file_no, s.line, s.person_id, d.id as duty_id, d.kind, d.starts_at, d.ends_at,
			       d.starts_at = s.starts_at as same_start,
			       (d.ends_at, d.duty_date, d.ward_code, d.place, d.activity_code)
			         is not distinct from (s.ends_at, s.duty_date, s.ward_code, s.place, s.activity_code) as same_details
			from duty_import_stage s
			join duties.duty d on d.person_id = s.person_id and d.kind = s.kind
			     and d.starts_at > s.starts_at - interval '24 hours' and d.starts_at < s.ends_at
			     and d.ends_at > s.starts_at""";

	/** The people named in the staged rows. */
	public List<Long> stagedPeople() {
		return this.jdbc.sql("select distinct person_id from " + STAGE + " where person_id is not null order by 1")
			.query(Long.class)
			.list();
	}

	/**
	 * Every problem of the staged rows found with the database: unknown people, codes and wards;
	 * the same person, kind and start twice in the upload; tours of the same person and kind that
	 * overlap in the upload; rows whose person, kind and start are stored with other details; rows
	 * that overlap another stored duty of the same person and kind.
	 * @param fileNames the file names, the first being file 1
	 */
	public List<FoundProblem> problems(List<String> fileNames) {
		String[] names = fileNames.toArray(String[]::new);
		String sql = """
				with ordered as (
				  select s.file_no, s.line, s.kind, s.starts_at, s.person_id,
				         row_number() over same_key as n,
				         first_value(array[s.file_no, s.line]) over same_key as first_key,
				         max(array[extract(epoch from s.ends_at)::float8, s.file_no, s.line]) over (
				           partition by s.service_number, s.kind order by s.starts_at, s.file_no, s.line
				           rows between unbounded preceding and 1 preceding) as latest_end
				  from duty_import_stage s
				  window same_key as (partition by s.service_number, s.kind, s.starts_at order by s.file_no, s.line)
				)
				select file_no, line, col, reason, person_id from (
				  select file_no, line, 'service_number' as col,
				         'no person has service number ' || service_number as reason, null::bigint as person_id
				  from duty_import_stage where person_id is null
				  union all
				  select s.file_no, s.line, 'activity_code', 'unknown activity code ' || s.activity_code, s.person_id
				  from duty_import_stage s
				  where not exists (select 1 from duties.activity_code a where a.code = s.activity_code)
				  union all
				  select s.file_no, s.line, 'ward_code', 'unknown ward ' || s.ward_code, s.person_id
				  from duty_import_stage s
				  where s.ward_code is not null and not exists (select 1 from geography.ward w where w.code = s.ward_code)
				  union all
				  select x.file_no, x.line, 'start',
				         'the same person, kind and start as line ' || x.first_key[2]
				         || case when x.first_key[1] = x.file_no then ''
				                 else ' of ' || (cast(:names as text[]))[x.first_key[1]] end,
				         x.person_id
				  from ordered x
				  where x.n > 1
				  union all
				  select x.file_no, x.line, 'start',
				         'overlaps the ' || lower(x.kind) || ' duty on line ' || x.latest_end[3]::integer
				         || case when x.latest_end[2]::integer = x.file_no then ''
				                 else ' of ' || (cast(:names as text[]))[x.latest_end[2]::integer] end
				         || ' for the same person',
				         x.person_id
				  from ordered x
				  where x.n = 1 and x.latest_end[1] > extract(epoch from x.starts_at)::float8
				  union all
				  select m.file_no, m.line, 'start',
				         'differs from the stored duty ' || m.duty_id || ': use the duty API to change it', m.person_id
				  from duty_import_match m
				  where m.same_start and not m.same_details
				  union all
				  select m.file_no, m.line, 'start',
				         'overlaps the stored ' || lower(m.kind) || ' duty ' || m.duty_id || ' ('
				         || to_char(m.starts_at at time zone 'Europe/London', 'YYYY-MM-DD HH24:MI') || ' to '
				         || to_char(m.ends_at at time zone 'Europe/London', 'YYYY-MM-DD HH24:MI') || ')',
				         m.person_id
				  from duty_import_match m
				  where not m.same_start
				) p
				order by file_no, line, col
				""";
		return this.jdbc.sql(sql)
			.param("names", names)
			.query((rs, i) -> new FoundProblem(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getObject(5) == null ? null : rs.getLong(5)))
			.list();
	}

	/** The staged rows of these people (out of the user's scope), each with the reason given. */
	public List<FoundProblem> rowsOf(Collection<Long> people, String reason) {
		return this.jdbc
			.sql("select file_no, line, person_id from " + STAGE
					+ " where person_id = any(?) order by file_no, line")
			.param(people.toArray(Long[]::new))
			.query((rs, i) -> new FoundProblem(rs.getInt(1), rs.getLong(2), "service_number", reason, rs.getLong(3)))
			.list();
	}

	/** How many staged rows are stored already, exactly as staged (checked by {@link #problems}). */
	public int countStored() {
		return this.jdbc.sql("select count(*) from duty_import_match where same_start").query(Integer.class).single();
	}

	/**
	 * Stores the staged rows not stored yet; returns how many.
	 * @param fileNames the file names, the first being file 1, recorded as each duty's source
	 */
	public int insertNew(List<String> fileNames, String actor) {
		return this.jdbc.sql("""
				insert into duties.duty (person_id, kind, duty_date, starts_at, ends_at, ward_code, place, activity_code,
				                         source, changed_by)
				select s.person_id, s.kind, s.duty_date, s.starts_at, s.ends_at, s.ward_code, s.place, s.activity_code,
				       'csv import: ' || (cast(:names as text[]))[s.file_no], :actor
				from duty_import_stage s
				where not exists (select 1 from duty_import_match m
				                  where m.file_no = s.file_no and m.line = s.line and m.same_start)
				order by s.starts_at, s.person_id
				""").param("names", fileNames.toArray(String[]::new)).param("actor", actor).update();
	}

}
