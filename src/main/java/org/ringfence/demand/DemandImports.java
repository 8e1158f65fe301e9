package org.ringfence.demand;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import org.ringfence.demand.domain.CadCallsCsv;
import org.ringfence.demand.persistence.ImportJobQueries;
import org.ringfence.demand.persistence.ImportJobQueries.JobRow;
import org.ringfence.platform.Actor;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateConflict;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Imports of demand data as background jobs: files are received into temporary files, a job is
 * recorded as queued and run on this instance's import pool; any instance can report on any job.
 */
@Service
public class DemandImports {

	/** The most files one import takes. */
	public static final int MAX_FILES = 50;

	private final ImportJobQueries jobs;

	private final ImportRunner runner;

	private final JsonMapper json;

	private final Path directory;

	DemandImports(ImportJobQueries jobs, ImportRunner runner, JsonMapper json) {
		this.jobs = jobs;
		this.runner = runner;
		this.json = json;
		this.directory = Path.of(System.getProperty("java.io.tmpdir"), "ringfence-imports");
	}

	/** Keeps an uploaded file in a temporary file for its job (the job deletes it when it ends). */
	public ImportUpload receive(String name, InputStream content) {
		try {
			Files.createDirectories(this.directory);
			Path file = Files.createTempFile(this.directory, "upload-", ".csv");
			try {
				long bytes = Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
				return new ImportUpload(name, bytes, file);
			}
			catch (IOException | RuntimeException ex) {
				Files.deleteIfExists(file);
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not keep the uploaded file", ex);
		}
	}

	/**
	 * Records a job and queues it on this instance; returns it as queued.
	 * @param columns for CAD calls: the column-name mapping (field=Column name, separated by ';' or lines), may be null
	 * @throws InvalidInput when there is no file or the mapping cannot be read
	 * @throws StateConflict when this instance's import queue is full
	 */
	public ImportJob submit(ImportKind kind, List<ImportUpload> uploads, String columns) {
		Map<String, String> mapping;
		try {
			if (uploads.isEmpty()) {
				throw new InvalidInput("Send one or more CSV files in the multipart field 'files'.",
						List.of(new InvalidInput.FieldError("files", "missing")));
			}
			if (uploads.size() > MAX_FILES) {
				throw new InvalidInput("Send at most " + MAX_FILES + " files at once.",
						List.of(new InvalidInput.FieldError("files", "too many")));
			}
			try {
				mapping = kind == ImportKind.CAD_CALLS ? CadCallsCsv.mapping(columns) : Map.of();
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("The column mapping cannot be read: " + ex.getMessage() + ".",
						List.of(new InvalidInput.FieldError("columns", ex.getMessage())));
			}
		}
		catch (InvalidInput ex) {
			discard(uploads);
			throw ex;
		}
		UUID id = UUID.randomUUID();
		List<Map<String, Object>> files = new ArrayList<>();
		for (ImportUpload upload : uploads) {
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("name", upload.name());
			file.put("bytes", upload.bytes());
			files.add(file);
		}
		Map<String, Object> options = new LinkedHashMap<>();
		if (!mapping.isEmpty()) {
			options.put("columns", mapping);
		}
		this.jobs.insert(id, kind.code(), this.json.writeValueAsString(files), this.json.writeValueAsString(options),
				Actor.current(), this.runner.instance());
		ImportJob queued = job(id);
		try {
			this.runner.enqueue(new ImportPipelines.Job(id, kind, List.copyOf(uploads), mapping),
					SecurityContextHolder.getContext());
		}
		catch (RejectedExecutionException ex) {
			this.jobs.finish(id, false, "Too many imports are waiting on this instance; nothing was imported.", null);
			discard(uploads);
			throw new StateConflict("import-queue-full",
					"Too many imports are waiting; try again when the running ones have finished.");
		}
		return queued;
	}

	/** Runs an import now on this thread (the first-start loads), recorded as a job like any other. */
	ImportJob runNow(ImportKind kind, List<ImportUpload> uploads) {
		UUID id = UUID.randomUUID();
		List<Map<String, Object>> files = uploads.stream()
			.map(u -> Map.<String, Object>of("name", u.name(), "bytes", u.bytes()))
			.toList();
		this.jobs.insert(id, kind.code(), this.json.writeValueAsString(files), "{}", Actor.current(),
				this.runner.instance());
		this.runner.run(new ImportPipelines.Job(id, kind, List.copyOf(uploads), Map.of()));
		return job(id);
	}

	public ImportJob job(UUID id) {
		return this.jobs.find(id).map(this::view).orElseThrow(() -> new NotFound("No import job " + id + "."));
	}

	/** The latest jobs, newest first. */
	public List<ImportJob> recent(int limit) {
		return this.jobs.recent(Math.max(1, Math.min(limit, 100))).stream().map(this::view).toList();
	}

	private ImportJob view(JobRow row) {
		List<ImportJob.FileSent> files = this.json.readValue(row.files(), new TypeReference<List<ImportJob.FileSent>>() {
		});
		return new ImportJob(row.id(), row.kind(), row.status(), Math.round(row.progress() * 1000) / 1000.0, files,
				row.submittedBy(), row.submittedAt(), row.startedAt(), row.finishedAt(), row.message(),
				row.report() == null ? null : this.json.readTree(row.report()));
	}

	private static void discard(List<ImportUpload> uploads) {
		for (ImportUpload upload : uploads) {
			try {
				Files.deleteIfExists(upload.file());
			}
			catch (IOException ex) {
				// a temporary file; the system cleans its temporary directory
			}
		}
	}

}
