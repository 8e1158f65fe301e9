package org.ringfence.duties.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ringfence.duties.AbstractionReport;
import org.ringfence.duties.AbstractionReport.Summary;
import org.ringfence.duties.persistence.ReportQueries.Strength;
import org.ringfence.platform.web.PdfDocuments;

import org.springframework.stereotype.Component;

/**
 * The report as documents: the London Datastore workbook (an "Abstractions" sheet in the CSV's
 * layout and a "Strengths" sheet: Date, BCU, Borough, Team, Rank, FTE) and a committee paper as PDF
 * rendered from a Thymeleaf template. Neither carries a person's name.
 */
@Component
class ReportDocuments {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final PdfDocuments pdfs;

	ReportDocuments(PdfDocuments pdfs) {
		this.pdfs = pdfs;
	}

	byte[] workbook(AbstractionReport report, List<Strength> strengths) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle header = book.createCellStyle();
			Font bold = book.createFont();
			bold.setBold(true);
			header.setFont(bold);
			CellStyle asText = book.createCellStyle();
			asText.setQuotePrefixed(true);
			Sheet rows = book.createSheet("Abstractions");
			headerRow(rows, header, AbstractionReportController.CSV_HEADER);
			int r = 1;
			for (AbstractionReport.Row row : report.rows()) {
				Row line = rows.createRow(r++);
				line.createCell(0).setCellValue(row.month());
				text(line, 1, row.bcu(), asText);
				text(line, 2, row.borough(), asText);
				line.createCell(3).setCellValue(row.boroughCode());
				text(line, 4, row.team(), asText);
				line.createCell(5).setCellValue(row.abstractedFromDuty() ? "Yes" : "No");
				text(line, 6, row.abstractionType(), asText);
				line.createCell(7).setCellValue(row.minutes());
				line.createCell(8).setCellValue(String.join(";", row.wardCodes()));
			}
			Sheet sheet = book.createSheet("Strengths");
			headerRow(sheet, header, List.of("Date", "BCU", "Borough", "Team", "Rank", "FTE"));
			r = 1;
			String date = report.to().toString();
			for (Strength strength : strengths) {
				Row line = sheet.createRow(r++);
				line.createCell(0).setCellValue(date);
				text(line, 1, strength.bcu(), asText);
				text(line, 2, strength.borough(), asText);
				text(line, 3, strength.team(), asText);
				line.createCell(4).setCellValue(rank(strength.role()));
				line.createCell(5).setCellValue(strength.count());
			}
			for (Sheet s : List.of(rows, sheet)) {
				for (int c = 0; c < 9; c++) {
					s.setColumnWidth(c, 18 * 256);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * A text cell. POI writes strings as text, never as formulas; a text that a spreadsheet would read
	 * as a formula once someone edits the cell (=, +, -, @ first) also gets the quote prefix, as the
	 * Datastore CSV does with a leading apostrophe.
	 */
	static void text(Row line, int column, String value, CellStyle asText) {
		org.apache.poi.ss.usermodel.Cell cell = line.createCell(column);
		cell.setCellValue(value);
		if (value != null && !value.equals(AbstractionReportController.safe(value))) {
			cell.setCellStyle(asText);
		}
	}

	private static void headerRow(Sheet sheet, CellStyle style, List<String> names) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < names.size(); i++) {
			row.createCell(i).setCellValue(names.get(i));
			row.getCell(i).setCellStyle(style);
		}
	}

	private static String rank(String role) {
		return switch (role) {
			case "SERGEANT" -> "Sergeant";
			case "DWO" -> "PC (dedicated ward officer)";
			case "PC" -> "PC";
			case "PCSO" -> "PCSO";
			case "SPECIAL_CONSTABLE" -> "Special constable";
			case "SCHOOLS_OFFICER" -> "PC (safer schools)";
			default -> role.charAt(0) + role.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
		};
	}

	/** A borough's teams for its chart: name and visibility, best first. */
	record TeamBar(String name, double visibility, double abstraction) {
	}

	/** Hours of one report type, and whether it is duty time. */
	record TypeHours(String type, long minutes, boolean duty) {
	}

	byte[] pdf(AbstractionReport report, String scopeName, Map<String, String> boroughNames,
			java.util.Set<String> offDutyTypes) throws IOException {
		Map<String, Object> context = new java.util.HashMap<>();
		List<TypeHours> types = report.force()
			.minutesByType()
			.entrySet()
			.stream()
			.map(e -> new TypeHours(e.getKey(), e.getValue(), !offDutyTypes.contains(e.getKey())))
			.sorted(Comparator.comparingLong(TypeHours::minutes).reversed())
			.toList();
		context.put("dutyTypes", types.stream().filter(TypeHours::duty).toList());
		context.put("offTypes", types.stream().filter(t -> !t.duty()).toList());
		context.put("report", report);
		context.put("scopeName", scopeName);
		context.put("period", DAY.format(report.from()) + " to " + DAY.format(report.to()));
		context.put("month", report.from().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK) + " "
				+ report.from().getYear());
		context.put("generated", DAY.format(LocalDate.now()));
		List<Summary> teams = report.teams().stream().filter(t -> t.dutyMinutes() > 0).toList();
		context.put("top", teams.stream().sorted(Comparator.comparingDouble(Summary::visibility).reversed()).limit(5).toList());
		context.put("bottom", teams.stream().sorted(Comparator.comparingDouble(Summary::visibility)).limit(5).toList());
		Map<String, String> boroughOfTeam = report.rows()
			.stream()
			.collect(Collectors.toMap(r -> r.wardCodes().get(0), AbstractionReport.Row::boroughCode, (a, b) -> a));
		Map<String, List<TeamBar>> bars = new java.util.TreeMap<>();
		for (Summary team : teams) {
			String borough = boroughNames.getOrDefault(boroughOfTeam.getOrDefault(team.code(), ""), "Other");
			bars.computeIfAbsent(borough, b -> new java.util.ArrayList<>())
				.add(new TeamBar(team.name(), team.visibility(),
						team.dutyMinutes() == 0 ? 0 : (double) team.abstractedMinutes() / team.dutyMinutes()));
		}
		bars.values().forEach(list -> list.sort(Comparator.comparingDouble(TeamBar::visibility).reversed()));
		context.put("charts", bars);
		return this.pdfs.render("reports/abstraction-pdf", context);
	}

}
