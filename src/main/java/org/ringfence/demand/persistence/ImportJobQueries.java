package org.ringfence.demand.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The import jobs table: every statement autocommits unless the caller holds a transaction. */
@Repository
public class ImportJobQueries {

	/** A job as stored; files, options and report are JSON text. */
	public record JobRow(UUID id, String kind, String status, double progress, String files, String options,
			String submittedBy, Instant submittedAt, Instant startedAt, Instant finishedAt, String message,
			String report) {
	}

	private static final String COLUMNS = "id, kind, status, progress, files::text as files, options::text as options, "
			+ "submitted_by, submitted_at, started_at, finished_at, message, report::text as report";

	private final JdbcClient jdbc;

	public ImportJobQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, String kind, String filesJson, String optionsJson, String submittedBy, String instance) {
		this.jdbc.sql("""
				insert into demand.import_job (id, kind, status, progress, files, options, submitted_by, instance_id)
				values (:id, :kind, 'queued', 0, cast(:files as jsonb), cast(:options as jsonb), :by, :instance)""")
			.param("id", id)
			.param("kind", kind)
			.param("files", filesJson)
			.param("options", optionsJson)
			.param("by", submittedBy)
			.param("instance", instance)
			.update();
	}

	public Optional<JobRow> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from demand.import_job where id = :id")
			.param("id", id)
			.query(ImportJobQueries::row)
			.optional();
	}

	public List<JobRow> recent(int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from demand.import_job order by submitted_at desc limit :limit")
			.param("limit", limit)
			.query(ImportJobQueries::row)
			.list();
	}

	/** Marks a queued job running; false when it is no longer queued (failed by a sweep). */
	public boolean start(UUID id) {
		return this.jdbc.sql("""
				update demand.import_job set status = 'running', started_at = now(), heartbeat_at = now()
				where id = :id and status = 'queued'""").param("id", id).update() == 1;
	}

	/** Records the end of a running job; false when it is no longer running (failed by a sweep). */
	public boolean finish(UUID id, boolean succeeded, String message, String reportJson) {
		return this.jdbc.sql("""
				update demand.import_job set status = :status, progress = case when :ok then 1 else progress end,
				       finished_at = clock_timestamp(), heartbeat_at = clock_timestamp(), message = :message,
				       report = cast(:report as jsonb)
				where id = :id and status in ('queued', 'running')""")
			.param("id", id)
			.param("status", succeeded ? "succeeded" : "failed")
			.param("ok", succeeded)
			.param("message", message)
			.param("report", reportJson)
			.update() == 1;
	}

	/** Progress and a sign of life, without waiting for a job whose row its import holds. */
	public void heartbeat(UUID id, double progress) {
		this.jdbc.sql("""
				update demand.import_job set heartbeat_at = now(), progress = greatest(progress, :progress)
				where id in (select id from demand.import_job where id = :id and status in ('queued', 'running')
				             for update skip locked)""")
			.param("id", id)
			.param("progress", (float) Math.max(0, Math.min(1, progress)))
			.update();
	}

	/** Marks failed every unfinished job whose instance has shown no sign of life for the given seconds. */
	public int failAbandoned(int seconds, String message) {
		return this.jdbc.sql("""
				update demand.import_job set status = 'failed', finished_at = now(), message = :message
				where id in (select id from demand.import_job
				             where status in ('queued', 'running') and heartbeat_at < now() - make_interval(secs => :seconds)
				             for update skip locked)""")
			.param("message", message)
			.param("seconds", seconds)
			.update();
	}

	/** Marks failed the unfinished jobs of one instance (its own, at shutdown or when the queue refuses them). */
	public int failOwn(String instance, Collection<UUID> ids, String message) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update demand.import_job set status = 'failed', finished_at = now(), message = :message
				where instance_id = :instance and id = any(cast(:ids as uuid[])) and status in ('queued', 'running')""")
			.param("instance", instance)
			.param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
			.param("message", message)
			.update();
	}

	private static JobRow row(ResultSet rs, int n) throws SQLException {
		return new JobRow(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("status"),
				rs.getDouble("progress"), rs.getString("files"), rs.getString("options"), rs.getString("submitted_by"),
				instant(rs, "submitted_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
				rs.getString("message"), rs.getString("report"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
