package org.ringfence.performance.web;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.ringfence.performance.EpicActivities;
import org.ringfence.performance.EpicMeasure;
import org.ringfence.performance.PerformanceRoles;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.web.Uploads;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@RestController
@RequestMapping("/api/v1/performance")
@Tag(name = "Performance: EPIC activity", description = "Monthly EPIC activity per team (ward)")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
class ActivityController {

	private final EpicActivities activities;

	ActivityController(EpicActivities activities) {
		this.activities = activities;
	}

	record MeasureView(String code, String label, String category, boolean countsPeople) {
	}

	@GetMapping("/measures")
	@PreAuthorize(PerformanceRoles.ACTIVITY_READERS)
	@Operation(operationId = "performanceActivityMeasures", summary = "The EPIC measures with their codes and categories")
	@ApiResponse(responseCode = "200", description = "The measures")
	List<MeasureView> measures() {
		return Arrays.stream(EpicMeasure.values())
			.map(m -> new MeasureView(m.code(), m.label(), m.category().name(), m.countsPeople()))
			.toList();
	}

	@GetMapping("/activity")
	@PreAuthorize(PerformanceRoles.ACTIVITY_READERS)
	@Operation(operationId = "performanceActivityCounts", summary = "A team's EPIC counts for a month (ward=, month=YYYY-MM), within the reader's borough")
	@ApiResponse(responseCode = "200", description = "The counts")
	@ApiResponse(responseCode = "404", description = "No such ward")
	List<EpicActivities.Count> counts(@RequestParam String ward, @RequestParam String month) {
		return this.activities.counts(ward, Params.month(Optional.of(month), null));
	}

	/** One count: wardCode, month (YYYY-MM), measure (code), count, optional priorityId. */
	record EntryRequest(String wardCode, String month, String measure, Integer count, Long priorityId) {
	}

	record EntriesRequest(List<EntryRequest> entries) {
	}

	@PostMapping("/activity")
	@PreAuthorize(PerformanceRoles.ACTIVITY_WRITERS)
	@Operation(operationId = "performanceActivityRecord", summary = "Record EPIC counts (all or nothing; a count replaces the count of the same ward, month, measure "
			+ "and priority)", description = "Sergeants for their ward, inspectors for their cluster. A priorityId links the "
					+ "count to one of the ward's priorities: refused with 422 \"priorities are not available\" while the "
					+ "neighbourhood module is absent.")
	@ApiResponse(responseCode = "200", description = "Recorded: how many created, replaced, unchanged")
	@ApiResponse(responseCode = "422", description = "A priority link refused")
	EpicActivities.Recorded record(@RequestBody EntriesRequest request) {
		if (request == null || request.entries() == null) {
			throw Params.invalid("entries", "give entries");
		}
		List<EpicActivities.Entry> entries = new ArrayList<>();
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		for (int i = 0; i < request.entries().size(); i++) {
			EntryRequest e = request.entries().get(i);
			String at = "entries[" + i + "]";
			if (e == null) {
				errors.add(new InvalidInput.FieldError(at, "empty"));
				continue;
			}
			YearMonth month = null;
			try {
				month = YearMonth.parse(e.month() == null ? "" : e.month());
			}
			catch (DateTimeParseException ex) {
				errors.add(new InvalidInput.FieldError(at + ".month", "must look like 2026-10"));
			}
			Optional<EpicMeasure> measure = EpicMeasure.ofCode(e.measure());
			if (measure.isEmpty()) {
				errors.add(new InvalidInput.FieldError(at + ".measure", "unknown measure (see /api/v1/performance/measures)"));
			}
			if (e.count() == null) {
				errors.add(new InvalidInput.FieldError(at + ".count", "required"));
			}
			if (e.priorityId() != null && e.priorityId() <= 0) {
				errors.add(new InvalidInput.FieldError(at + ".priorityId", "must be positive"));
			}
			if (month != null && measure.isPresent() && e.count() != null) {
				entries.add(new EpicActivities.Entry(e.wardCode(), month, measure.get(), Optional.ofNullable(e.priorityId()),
						e.count()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("Some counts are not valid; nothing was stored.", errors);
		}
		return this.activities.record(entries);
	}

	@PostMapping("/activity/import")
	@PreAuthorize(PerformanceRoles.ACTIVITY_WRITERS)
	@Operation(operationId = "performanceActivityImportCsv", summary = "Import EPIC counts from CSV (all or nothing, idempotent)",
			description = "A text/csv body, or a multipart field 'file'. Header row required (any order, any case, comma or "
					+ "semicolon, UTF-8): ward_code, month (YYYY-MM), measure (a code of /measures), count (0..100000), "
					+ "optional priority_id. One row per ward, month, measure and priority. Any problem rejects the whole "
					+ "file with 400 and every problem by line and column; importing the same file again changes nothing.")
	@ApiResponse(responseCode = "200", description = "Imported: rows, created, replaced, unchanged")
	@ApiResponse(responseCode = "422", description = "A priority link refused")
	EpicActivities.Recorded importCsv(HttpServletRequest request) throws IOException {
		return this.activities.importCsv(body(request, "file"));
	}

	static byte[] body(HttpServletRequest request, String field) throws IOException {
		if (request instanceof MultipartHttpServletRequest multipart) {
			MultipartFile file = multipart.getFile(field);
			if (file == null) {
				throw new InvalidInput("Send the CSV file in the multipart field '" + field + "'.",
						List.of(new InvalidInput.FieldError(field, "missing")));
			}
			if (file.getSize() > Uploads.MAX_BODY) {
				throw new InvalidInput("The file is too large.", List.of(new InvalidInput.FieldError(field, "too large")));
			}
			return file.getBytes();
		}
		return Uploads.body(request);
	}


}
