package org.ringfence.duties.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.ringfence.duties.DutyImport;
import org.ringfence.duties.DutyImportReport;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.web.Uploads;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Duties", description = "Duty records: planned and actual tours of duty, rest days, leave")
@ApiResponse(responseCode = "400", description = "No file, or a file too large")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role does not allow this")
class DutyImportController {


	static final String TEXT_CSV = "text/csv";

	private final DutyImport imports;

	DutyImportController(DutyImport imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/duties", consumes = { MediaType.MULTIPART_FORM_DATA_VALUE, TEXT_CSV })
	@PreAuthorize(Roles.DUTY_WRITERS)
	@Operation(summary = "Import duty records from CSV files (all or nothing, idempotent)",
			description = "Send one or more CSV files in the multipart field 'files', or one file as a text/csv body. "
					+ "Columns (header row required, any order, any case; comma or semicolon; UTF-8): service_number, kind "
					+ "(PLANNED|ACTUAL), date (YYYY-MM-DD), start and end (HH:MM London time; an end at or before the start "
					+ "is the next day), ward_code (empty = elsewhere), place, activity_code. The full format, the "
					+ "clock-change rule and every check are in docs/duty-csv.md. All or nothing: any rejected row "
					+ "rejects the import (422 with every problem by file, line and column). Rows already stored exactly "
					+ "as sent are reported unchanged. A resource office may import only duties of people posted in its "
					+ "borough. dryRun=true checks and reports without storing.")
	@ApiResponse(responseCode = "200", description = "Imported (or dry run): rows read, stored, unchanged")
	@ApiResponse(responseCode = "422", description = "Rows rejected, nothing imported; the report lists every problem")
	DutyImportReport importDuties(HttpServletRequest request,
			@Parameter(description = "Check and report without storing") @RequestParam(defaultValue = "false") boolean dryRun)
			throws IOException {
		List<DutyImport.Upload> uploads = new ArrayList<>();
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (MultipartFile file : multipart.getFiles("files")) {
				uploads.add(new DutyImport.Upload(Uploads.safeName(file.getOriginalFilename()), file.getBytes()));
			}
			if (uploads.isEmpty()) {
				throw new InvalidInput("Send the CSV files in the multipart field 'files'.",
						List.of(new InvalidInput.FieldError("files", "missing")));
			}
		}
		else {
			uploads.add(new DutyImport.Upload("(request body)", Uploads.body(request)));
		}
		return this.imports.importFiles(uploads, dryRun);
	}


}
