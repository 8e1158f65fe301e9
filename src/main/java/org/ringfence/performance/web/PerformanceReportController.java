package org.ringfence.performance.web;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ringfence.performance.Area;
import org.ringfence.performance.PerformanceReport;
import org.ringfence.performance.PerformanceReports;
import org.ringfence.performance.PerformanceRoles;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/performance")
@Tag(name = "Performance: monthly report", description = "The monthly SN performance report")
@ApiResponse(responseCode = "400", description = "Invalid month, level or format")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
@ApiResponse(responseCode = "404", description = "No such area")
class PerformanceReportController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final PerformanceReports reports;

	private final PerformanceDocuments documents;

	private final Clock clock;

	PerformanceReportController(PerformanceReports reports, PerformanceDocuments documents, Clock clock) {
		this.reports = reports;
		this.documents = documents;
		this.clock = clock;
	}

	@GetMapping("/report")
	@PreAuthorize(PerformanceRoles.REPORT_READERS)
	@Operation(operationId = "performanceReportReport", summary = "The monthly SN performance report of the force, a BCU, a borough or a team (ward)",
			description = "month=YYYY-MM (default last month), level=force|bcu|borough|ward (default force), code= (BCU "
					+ "name, borough code or ward code). JSON by default; PDF or XLSX with format=pdf|xlsx, the .pdf/.xlsx "
					+ "paths, or Accept: application/pdf / the XLSX type. Borough roles read their borough and its wards.")
	@ApiResponse(responseCode = "200", description = "The report")
	ResponseEntity<?> report(@RequestParam Optional<String> month, @RequestParam Optional<String> level,
			@RequestParam Optional<String> code, @RequestParam Optional<String> format,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) throws IOException {
		String chosen = format.orElseGet(() -> accept != null && accept.contains("application/pdf") ? "pdf"
				: accept != null && accept.contains("spreadsheetml") ? "xlsx" : "json");
		return render(month, level, code, chosen);
	}

	@GetMapping("/report.pdf")
	@PreAuthorize(PerformanceRoles.REPORT_READERS)
	@Operation(operationId = "performanceReportPdf", summary = "The monthly SN performance report as PDF")
	@ApiResponse(responseCode = "200", description = "The PDF")
	ResponseEntity<?> pdf(@RequestParam Optional<String> month, @RequestParam Optional<String> level,
			@RequestParam Optional<String> code) throws IOException {
		return render(month, level, code, "pdf");
	}

	@GetMapping("/report.xlsx")
	@PreAuthorize(PerformanceRoles.REPORT_READERS)
	@Operation(operationId = "performanceReportXlsx", summary = "The monthly SN performance report as an XLSX workbook")
	@ApiResponse(responseCode = "200", description = "The workbook")
	ResponseEntity<?> xlsx(@RequestParam Optional<String> month, @RequestParam Optional<String> level,
			@RequestParam Optional<String> code) throws IOException {
		return render(month, level, code, "xlsx");
	}

	private ResponseEntity<?> render(Optional<String> month, Optional<String> level, Optional<String> code, String format)
			throws IOException {
		if (!format.equals("json") && !format.equals("pdf") && !format.equals("xlsx")) {
			throw Params.invalid("format", "format must be json, pdf or xlsx");
		}
		YearMonth m = Params.month(month, YearMonth.now(this.clock.withZone(ZoneId.of("Europe/London"))).minusMonths(1));
		PerformanceReport report = this.reports.report(m, Params.level(level, Area.Level.FORCE),
				code.filter(c -> !c.isBlank()));
		String name = "sn-performance-" + report.month() + "-" + report.area().level().name().toLowerCase(java.util.Locale.ROOT)
				+ "-" + report.area().code().replaceAll("[^A-Za-z0-9]", "_");
		return switch (format) {
			case "pdf" -> download(this.documents.pdf(report), MediaType.APPLICATION_PDF, name + ".pdf");
			case "xlsx" -> download(this.documents.workbook(report), XLSX, name + ".xlsx");
			default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
		};
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body(body);
	}

}
