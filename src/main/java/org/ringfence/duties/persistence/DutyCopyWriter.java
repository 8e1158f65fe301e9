package org.ringfence.duties.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.ringfence.duties.NewDuty;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes duties in bulk with PostgreSQL's COPY (text format), streamed in chunks, on the
 * connection of the caller's transaction so that the rows commit or roll back with it. Every
 * constraint of duties.duty (the exclusion of overlapping tours included) is checked as usual.
 */
@Repository
public class DutyCopyWriter {

	private static final String COPY = "copy duties.duty (person_id, kind, duty_date, starts_at, ends_at, ward_code, "
			+ "place, activity_code, source, changed_by) from stdin (format text)";

	/** Characters sent to the server in one go. */
	private static final int CHUNK = 256 * 1024;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	public DutyCopyWriter(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	/**
	 * The constraints and indexes that are dropped and built again around a first load into an
	 * empty table: PostgreSQL builds an index, and checks a constraint, for a million rows far faster
	 * in one pass than row by row ("Populating a Database" in its manual). All of it happens in the
	 * caller's transaction, so the table is never seen without them, and a load that breaks one
	 * (an overlap, an unknown person) fails as a whole.
	 */
	static final String[] DROP = { "alter table duties.duty drop constraint duty_planned_no_overlap, "
			+ "drop constraint duty_actual_no_overlap, drop constraint duty_natural_key, drop constraint duty_person_id_fkey",
			"drop index duties.duty_starts_ix" };

	static final String[] RESTORE = { "create index duty_starts_ix on duties.duty (starts_at)",
			"alter table duties.duty add constraint duty_natural_key unique (person_id, kind, starts_at)",
			"alter table duties.duty add constraint duty_planned_no_overlap exclude using gist "
					+ "(person_id with =, tstzrange(starts_at, ends_at) with &&) where (kind = 'PLANNED')",
			"alter table duties.duty add constraint duty_actual_no_overlap exclude using gist "
					+ "(person_id with =, tstzrange(starts_at, ends_at) with &&) where (kind = 'ACTUAL')",
			"alter table duties.duty add constraint duty_person_id_fkey foreign key (person_id) references workforce.person",
			"analyze duties.duty" };

	/** A first load into the empty table: constraints and indexes are built once, after the rows. */
	public long copyIntoEmptyTable(Iterator<NewDuty> duties, String source, String actor) {
		this.jdbc.sql("lock table duties.duty in access exclusive mode").update();
		if (countDuties() > 0) {
			return copy(duties, source, actor);
		}
		for (String sql : DROP) {
			this.jdbc.sql(sql).update();
		}
		long stored = copy(duties, source, actor);
		for (String sql : RESTORE) {
			this.jdbc.sql(sql).update();
		}
		return stored;
	}

	public long countDuties() {
		return this.jdbc.sql("select count(*) from duties.duty").query(Long.class).single();
	}

	/** Copies the duties in; returns the number of rows the server stored. */
	public long copy(Iterator<NewDuty> duties, String source, String actor) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		CopyIn copy = null;
		try {
			copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
			String tail = "\t" + escape(source) + "\t" + escape(actor) + "\n";
			StringBuilder chunk = new StringBuilder(CHUNK + 1024);
			while (duties.hasNext()) {
				appendRow(chunk, duties.next(), tail);
				if (chunk.length() >= CHUNK) {
					write(copy, chunk);
				}
			}
			write(copy, chunk);
			long rows = copy.endCopy();
			copy = null;
			return rows;
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not copy duties: " + ex.getMessage(), ex);
		}
		finally {
			cancelQuietly(copy);
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private static void appendRow(StringBuilder out, NewDuty duty, String tail) {
		out.append(duty.personId())
			.append('\t')
			.append(duty.kind().name())
			.append('\t')
			.append(duty.dutyDate())
			.append('\t')
			.append(duty.startsAt())
			.append('\t')
			.append(duty.endsAt())
			.append('\t')
			.append(duty.wardCode().map(DutyCopyWriter::escape).orElse("\\N"))
			.append('\t')
			.append(escape(duty.place()))
			.append('\t')
			.append(escape(duty.activityCode()))
			.append(tail);
	}

	/** Escapes a value for COPY's text format. */
	static String escape(String value) {
		if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
		if (chunk.isEmpty()) {
			return;
		}
		byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		chunk.setLength(0);
	}

	private static void cancelQuietly(CopyIn copy) {
		if (copy != null && copy.isActive()) {
			try {
				copy.cancelCopy();
			}
			catch (SQLException ex) {
				// The transaction fails anyway; the original exception is what matters.
			}
		}
	}

}
