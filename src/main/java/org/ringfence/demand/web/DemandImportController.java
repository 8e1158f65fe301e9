package org.ringfence.demand.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.ringfence.demand.DemandImports;
import org.ringfence.demand.ImportJob;
import org.ringfence.demand.ImportKind;
import org.ringfence.demand.ImportUpload;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.web.Uploads;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Demand imports", description = "Crime counts, data.police.uk files and CAD calls, imported as background jobs")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role does not allow this")
class DemandImportController {

	static final String TEXT_CSV = "text/csv";

	/** The largest file accepted as a raw text/csv body (streamed to disk). */
	static final long MAX_BODY = 1024L * 1024 * 1024;

	private final DemandImports imports;

	DemandImportController(DemandImports imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/police-uk-street", consumes = { MediaType.MULTIPART_FORM_DATA_VALUE, TEXT_CSV })
	@PreAuthorize(Roles.DEMAND_IMPORTERS)
	@Operation(summary = "Import data.police.uk street-level crime files (background job)",
			description = "One or more files as published by data.police.uk (YYYY-MM-force-street.csv) in the multipart "
					+ "field 'files', or one as a text/csv body. Each record is placed in a ward by its LSOA code (2011 or "
					+ "2021 lookup) or else its coordinates; records with no location, an LSOA outside London, or a point "
					+ "outside the Met are reported as unmatched, with counts by reason and examples. A repeated Crime ID "
					+ "is stored once; records without one (ASB) are keyed by their content. All or nothing: any rejected "
					+ "row or file fails the job and nothing is stored. Answers 202 with the job to poll.")
	@ApiResponse(responseCode = "202", description = "Accepted: {jobId, status, statusUrl}")
	@ApiResponse(responseCode = "400", description = "No file")
	@ApiResponse(responseCode = "409", description = "Too many imports waiting")
	ResponseEntity<Map<String, Object>> importPoliceUkStreet(HttpServletRequest request) throws IOException {
		return accepted(this.imports.submit(ImportKind.POLICE_UK_STREET, uploads(request), null));
	}

	@PostMapping(path = "/mps-ward-crime", consumes = { MediaType.MULTIPART_FORM_DATA_VALUE, TEXT_CSV })
	@PreAuthorize(Roles.DEMAND_IMPORTERS)
	@Operation(summary = "Import the Met's ward-level monthly crime counts (background job)",
			description = "Files in the layout of the Met's ward-level crime data (MajorText, MinorText, WardName, WardCode, "
					+ "LookUp_BoroughName, then one column per month YYYYMM). The natural key is ward + month + category: "
					+ "a count already stored is a duplicate, a different count revises it. Ward codes that are not Met "
					+ "wards are reported as unmatched. All or nothing. Answers 202 with the job to poll.")
	@ApiResponse(responseCode = "202", description = "Accepted: {jobId, status, statusUrl}")
	@ApiResponse(responseCode = "400", description = "No file")
	@ApiResponse(responseCode = "409", description = "Too many imports waiting")
	ResponseEntity<Map<String, Object>> importMpsWardCrime(HttpServletRequest request) throws IOException {
		return accepted(this.imports.submit(ImportKind.MPS_WARD_CRIME, uploads(request), null));
	}

	@PostMapping(path = "/cad-calls", consumes = { MediaType.MULTIPART_FORM_DATA_VALUE, TEXT_CSV })
	@PreAuthorize(Roles.DEMAND_IMPORTERS)
	@Operation(summary = "Import CAD calls for service (background job)",
			description = "CSV with reference, received, ward_code or latitude+longitude, category, grade and optionally "
					+ "time_on_scene (docs/cad-calls-csv.md); other column names through 'columns' "
					+ "(field=Column name; separated by ';'). The reference is the natural key: a repeated one is stored "
					+ "once. Calls whose ward code is not a Met ward and whose coordinates are outside every Met ward are "
					+ "reported as unmatched. All or nothing. Large files: send a text/csv body (up to 1 GB). Answers 202 "
					+ "with the job to poll.")
	@ApiResponse(responseCode = "202", description = "Accepted: {jobId, status, statusUrl}")
	@ApiResponse(responseCode = "400", description = "No file, or a mapping that cannot be read")
	@ApiResponse(responseCode = "409", description = "Too many imports waiting")
	ResponseEntity<Map<String, Object>> importCadCalls(HttpServletRequest request,
			@Parameter(description = "Column-name mapping, e.g. received=Created At;ward_code=Ward") @RequestParam(required = false) String columns)
			throws IOException {
		return accepted(this.imports.submit(ImportKind.CAD_CALLS, uploads(request), columns));
	}

	@GetMapping("/{jobId:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}")
	@PreAuthorize(Roles.DEMAND_IMPORTERS)
	@Operation(summary = "An import job: status, progress and report",
			description = "status is queued, running, succeeded or failed; progress 0-1; report (when finished): rowsRead, "
					+ "stored, duplicate, revised, unmatched {total, byReason, examples}, rejected {total, rows: [{file, line, "
					+ "reason}]}, details, durationMs. Any instance answers for any job.")
	@ApiResponse(responseCode = "200", description = "The job")
	@ApiResponse(responseCode = "404", description = "No such job")
	ImportJob importJob(@PathVariable UUID jobId) {
		return this.imports.job(jobId);
	}

	@GetMapping
	@PreAuthorize(Roles.DEMAND_IMPORTERS)
	@Operation(summary = "The latest import jobs of demand data, newest first")
	@ApiResponse(responseCode = "200", description = "Jobs")
	List<ImportJob> importJobs(@RequestParam(defaultValue = "20") int limit) {
		return this.imports.recent(limit);
	}

	private ResponseEntity<Map<String, Object>> accepted(ImportJob job) {
		String statusUrl = "/api/v1/imports/" + job.jobId();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("jobId", job.jobId());
		body.put("kind", job.kind());
		body.put("status", job.status());
		body.put("statusUrl", statusUrl);
		return ResponseEntity.accepted().location(URI.create(statusUrl)).body(body);
	}

	private List<ImportUpload> uploads(HttpServletRequest request) throws IOException {
		List<ImportUpload> uploads = new ArrayList<>();
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (MultipartFile file : multipart.getFiles("files")) {
				try (InputStream in = file.getInputStream()) {
					uploads.add(this.imports.receive(Uploads.safeName(file.getOriginalFilename()), in));
				}
			}
		}
		else {
			if (request.getContentLengthLong() > MAX_BODY) {
				throw new InvalidInput("The file is larger than 1 GB.", List.of(new InvalidInput.FieldError("body", "too large")));
			}
			try (InputStream in = new BoundedInputStream(request.getInputStream(), MAX_BODY)) {
				ImportUpload upload = this.imports.receive("(request body)", in);
				if (upload.bytes() > 0) {
					uploads.add(upload);
				}
			}
		}
		return uploads;
	}

	/** Fails a body longer than the limit (a client that sends no length). */
	static final class BoundedInputStream extends java.io.FilterInputStream {

		private final long limit;

		private long read;

		BoundedInputStream(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int off, int len) throws IOException {
			int n = super.read(buffer, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.limit) {
				throw new InvalidInput("The file is larger than 1 GB.", List.of(new InvalidInput.FieldError("body", "too large")));
			}
		}

	}

}
