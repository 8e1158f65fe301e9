package org.ringfence.demand;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * An import job as anyone may read it back.
 * @param jobId the job
 * @param kind police-uk-street, mps-ward-crime or cad-calls
 * @param status queued, running, succeeded or failed
 * @param progress share of the work done, 0 to 1
 * @param files the files sent
 * @param message why the job failed (null otherwise)
 * @param report rows read, stored, duplicate, revised, unmatched (by reason, with examples) and
 *     rejected (file, line, reason); null while it runs
 */
public record ImportJob(UUID jobId, String kind, String status, double progress, List<FileSent> files,
		String submittedBy, Instant submittedAt, Instant startedAt, Instant finishedAt, String message, JsonNode report) {

	/** A file of the job. */
	public record FileSent(String name, long bytes) {
	}

	/** Progress in whole percent. */
	public long percent() {
		return Math.round(this.progress * 100);
	}

	/** The files' names, comma-separated. */
	public String fileNames() {
		return String.join(", ", this.files.stream().map(FileSent::name).toList());
	}

	public boolean finished() {
		return "succeeded".equals(this.status) || "failed".equals(this.status);
	}

}
