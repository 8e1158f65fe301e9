package org.ringfence.duties.web;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ringfence.duties.AbstractionReport;
import org.ringfence.duties.AbstractionReports;
import org.ringfence.duties.DutyKind;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "The monthly abstraction report for the oversight body")
@ApiResponse(responseCode = "400", description = "Invalid period, borough or format")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
class AbstractionReportController {

	static final List<String> CSV_HEADER = List.of("Month", "BCU", "Borough", "Borough Code", "Team",
			"Abstracted from Duty", "Abstraction Type", "Abstracted Minutes", "Ward Codes");

	private final AbstractionReports reports;

	private final ReportDocuments documents;

	private final org.ringfence.duties.DutyService duties;

	private final CurrentAccess access;

	private final org.ringfence.geography.GeographyService geography;

	AbstractionReportController(AbstractionReports reports, ReportDocuments documents,
			org.ringfence.duties.DutyService duties, CurrentAccess access, org.ringfence.geography.GeographyService geography) {
		this.geography = geography;
		this.reports = reports;
		this.documents = documents;
		this.duties = duties;
		this.access = access;
	}

	@GetMapping("/abstraction")
	@PreAuthorize(Roles.REPORT_READERS)
	@Operation(summary = "Abstraction report for a month (month=YYYY-MM) or any period (from, to), all London or one borough",
			description = "format=json (rows and summaries per team, cluster, borough and force), csv (the London "
					+ "Datastore layout: Month, BCU, Borough, Borough Code, Team, Abstracted from Duty, Abstraction Type, "
					+ "Abstracted Minutes, Ward Codes), xlsx (that sheet plus Strengths: Date, BCU, Borough, Team, Rank, FTE) "
					+ "or pdf (a committee paper). kind=ACTUAL (default) or PLANNED. Borough roles see their borough.")
	@ApiResponse(responseCode = "200", description = "The report")
	ResponseEntity<?> abstraction(@RequestParam Optional<String> month, @RequestParam Optional<LocalDate> from,
			@RequestParam Optional<LocalDate> to, @RequestParam Optional<String> borough,
			@RequestParam(defaultValue = "ACTUAL") DutyKind kind, @RequestParam(defaultValue = "json") String format)
			throws IOException {
		LocalDate[] period = period(month, from, to);
		LocalDate start = period[0];
		LocalDate end = period[1];
		Optional<String> scopedBorough = this.access.boroughOrLondon(borough);
		AbstractionReport report = this.reports.report(start, end, kind, scopedBorough);
		String name = "abstraction-" + start + "-" + end + scopedBorough.map(b -> "-" + b).orElse("");
		String scopeName = scopedBorough.map(b -> this.geography.borough(b).name()).orElse("London");
		return switch (format) {
			case "json" -> ResponseEntity.ok(report);
			case "csv" -> download(csv(report).getBytes(java.nio.charset.StandardCharsets.UTF_8),
					new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), name + ".csv");
			case "xlsx" -> download(this.documents.workbook(report, this.reports.strengths(end, scopedBorough)),
					MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
					name + ".xlsx");
			case "pdf" -> download(this.documents.pdf(report, scopeName, report.boroughs()
				.stream()
				.collect(java.util.stream.Collectors.toMap(AbstractionReport.Summary::code, AbstractionReport.Summary::name)),
					this.duties.classificationOn(end)
						.values()
						.stream()
						.filter(c -> !c.countsAsDuty())
						.map(org.ringfence.duties.Classification::reportType)
						.collect(java.util.stream.Collectors.toSet())),
					MediaType.APPLICATION_PDF, name + ".pdf");
			default -> throw invalid("format", "format must be json, csv, xlsx or pdf.");
		};
	}

	@GetMapping("/abstraction/duties")
	@PreAuthorize(Roles.DRILLDOWN_READERS)
	@Operation(summary = "Drill down: the duty records behind a team's figures (ward=, optional type= report column), "
			+ "within the caller's scope; at most 5,000 records")
	@ApiResponse(responseCode = "200", description = "The duty records with names and minutes in the period")
	List<AbstractionReports.DrilldownRow> drilldown(@RequestParam Optional<String> month,
			@RequestParam Optional<LocalDate> from, @RequestParam Optional<LocalDate> to, @RequestParam String ward,
			@RequestParam Optional<String> type, @RequestParam(defaultValue = "ACTUAL") DutyKind kind) {
		LocalDate[] period = period(month, from, to);
		this.access.require(this.duties.placeOfWard(ward));
		return this.reports.drilldown(period[0], period[1], kind, ward, type);
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body(body);
	}

	/** A month (YYYY-MM) or a from..to period. */
	private static LocalDate[] period(Optional<String> month, Optional<LocalDate> from, Optional<LocalDate> to) {
		LocalDate start;
		LocalDate end;
		if (month.isPresent()) {
			if (from.isPresent() || to.isPresent()) {
				throw invalid("month|from|to", "Give either month or from and to, not both.");
			}
			YearMonth ym;
			try {
				ym = YearMonth.parse(month.get());
			}
			catch (DateTimeParseException ex) {
				throw invalid("month", "month must look like 2026-10.");
			}
			start = ym.atDay(1);
			end = ym.atEndOfMonth();
		}
		else if (from.isPresent() && to.isPresent()) {
			start = from.get();
			end = to.get();
		}
		else {
			throw invalid("month|from|to", "Give month=YYYY-MM, or from and to (YYYY-MM-DD).");
		}
		return new LocalDate[] { start, end };
	}


	static String csv(AbstractionReport report) throws IOException {
		StringWriter out = new StringWriter();
		try (CsvWriter csv = CsvWriter.builder().build(out)) {
			csv.writeRecord(CSV_HEADER);
			for (AbstractionReport.Row row : report.rows()) {
				csv.writeRecord(row.month(), safe(row.bcu()), safe(row.borough()), row.boroughCode(), safe(row.team()),
						row.abstractedFromDuty() ? "Yes" : "No", safe(row.abstractionType()), Long.toString(row.minutes()),
						String.join(";", row.wardCodes()));
			}
		}
		return out.toString();
	}

	/** A text cell that a spreadsheet would read as a formula is written as text. */
	static String safe(String text) {
		return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

	private static InvalidInput invalid(String field, String message) {
		return new InvalidInput(message, List.of(new InvalidInput.FieldError(field, message)));
	}

}
