package org.ringfence.performance.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ringfence.performance.PerformanceReport;
import org.ringfence.performance.SurveyOutcome;
import org.ringfence.performance.domain.Diagnostics;
import org.ringfence.platform.web.PdfDocuments;

import org.springframework.stereotype.Component;

/** The performance report as a workbook (POI) and a PDF (openhtmltopdf, from a print template). */
@Component
class PerformanceDocuments {

	private final PdfDocuments pdfs;

	PerformanceDocuments(PdfDocuments pdfs) {
		this.pdfs = pdfs;
	}

	byte[] pdf(PerformanceReport report) {
		return this.pdfs.render("performance/report-pdf", Map.of("report", report));
	}

	byte[] workbook(PerformanceReport report) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle header = book.createCellStyle();
			Font bold = book.createFont();
			bold.setBold(true);
			header.setFont(bold);
			Sheet summary = book.createSheet("Summary");
			int r = 0;
			r = line(summary, r, header, "Safer Neighbourhoods performance report", report.area().name());
			r = line(summary, r, null, "Month", report.month());
			r = line(summary, r, null, "Level", report.area().level().name());
			r = line(summary, r, null, "Code", report.area().code());
			r = line(summary, r, null, "Visibility (share of duty time on own ward)", report.visibility().visibility());
			r = line(summary, r, null, "Abstraction (share of duty time)", report.visibility().abstractionShare());
			r = line(summary, r, null, "Duty minutes", report.visibility().dutyMinutes());
			r = line(summary, r, null, "Own-ward minutes", report.visibility().ownWardMinutes());
			r = line(summary, r, null, "Abstracted minutes", report.visibility().abstractedMinutes());
			r = line(summary, r, null, "Authorised flex given (minutes)", report.flex().flexGivenMinutes());
			r = line(summary, r, null, "Authorised flex received (minutes)", report.flex().flexReceivedMinutes());
			r = line(summary, r, null, "Flex requests deployed in the month", report.flex().requestsDeployed());
			r = line(summary, r, null, "EPIC activities", report.activity().total());
			r = line(summary, r, null, "EPIC activities against priorities", report.activity().linkedToPriorities());
			r = line(summary, r, null, "Priorities", report.activity().prioritiesNote());
			r = line(summary, r, null, "Problems opened", report.problems().opened());
			r = line(summary, r, null, "Problems closed", report.problems().closed());
			r = line(summary, r, null, "Problems open at month end", report.problems().openAtEnd());
			for (String note : report.notes()) {
				r = line(summary, r, null, "Note", note);
			}
			summary.setColumnWidth(0, 45 * 256);
			summary.setColumnWidth(1, 40 * 256);

			Sheet outcomes = book.createSheet("Outcomes");
			head(outcomes, header, List.of("Quarter", "Question", "Proportion", "Sample", "Source", "Synthetic",
					"QoQ change", "QoQ p-value", "QoQ significant", "YoY change", "YoY p-value", "YoY significant", "Assessment"));
			r = 1;
			for (SurveyOutcome o : report.outcomes().results()) {
				Row row = outcomes.createRow(r++);
				row.createCell(0).setCellValue(o.period());
				row.createCell(1).setCellValue(o.label());
				o.proportion().ifPresent(p -> row.createCell(2).setCellValue(p));
				row.createCell(3).setCellValue(o.sampleSize());
				row.createCell(4).setCellValue(o.source());
				row.createCell(5).setCellValue(o.synthetic() ? "yes" : "no");
				o.quarterOnQuarter().ifPresent(c -> {
					row.createCell(6).setCellValue(c.change());
					if (c.tested()) {
						row.createCell(7).setCellValue(c.pValue());
					}
					row.createCell(8).setCellValue(c.tested() ? (c.significant() ? "yes" : "no") : "sample too small");
				});
				o.yearOnYear().ifPresent(c -> {
					row.createCell(9).setCellValue(c.change());
					if (c.tested()) {
						row.createCell(10).setCellValue(c.pValue());
					}
					row.createCell(11).setCellValue(c.tested() ? (c.significant() ? "yes" : "no") : "sample too small");
				});
				row.createCell(12).setCellValue(o.assessment());
			}
			Row rule = outcomes.createRow(r + 1);
			rule.createCell(0).setCellValue(report.outcomes().rule());

			Sheet activity = book.createSheet("EPIC activity");
			head(activity, header, List.of("Category", "Measure", "Code", "Count", "Against priorities"));
			r = 1;
			for (PerformanceReport.CategoryTotal c : report.activity().categories()) {
				for (PerformanceReport.MeasureTotal m : c.measures()) {
					Row row = activity.createRow(r++);
					row.createCell(0).setCellValue(c.label());
					row.createCell(1).setCellValue(m.label());
					row.createCell(2).setCellValue(m.code());
					row.createCell(3).setCellValue(m.count());
					row.createCell(4).setCellValue(m.linkedToPriorities());
				}
			}

			Sheet units = book.createSheet("Units");
			head(units, header, List.of("Code", "Name", "EPIC activities", "Against priorities", "Duty minutes",
					"Own-ward minutes", "Visibility", "Abstracted minutes", "Problems opened", "Problems closed", "Satisfaction"));
			r = 1;
			for (PerformanceReport.UnitRow u : report.units()) {
				Row row = units.createRow(r++);
				row.createCell(0).setCellValue(u.code());
				row.createCell(1).setCellValue(u.name());
				row.createCell(2).setCellValue(u.activity());
				row.createCell(3).setCellValue(u.linkedToPriorities());
				row.createCell(4).setCellValue(u.dutyMinutes());
				row.createCell(5).setCellValue(u.ownWardMinutes());
				row.createCell(6).setCellValue(u.visibility());
				row.createCell(7).setCellValue(u.abstractedMinutes());
				row.createCell(8).setCellValue(u.problemsOpened());
				row.createCell(9).setCellValue(u.problemsClosed());
				u.satisfaction().ifPresent(s -> row.createCell(10).setCellValue(s));
			}

			Sheet diagnostics = book.createSheet("Diagnostics");
			head(diagnostics, header, List.of("Rank", "Ward code", "Ward", "Demand (3 months)", "Demand (3 months before)",
					"Demand trend", "EPIC activities", "Activity per demand", "Visibility", "Attention score"));
			r = 1;
			for (Diagnostics.Indicator d : report.diagnostics()) {
				Row row = diagnostics.createRow(r++);
				row.createCell(0).setCellValue(d.rank());
				row.createCell(1).setCellValue(d.wardCode());
				row.createCell(2).setCellValue(d.wardName());
				row.createCell(3).setCellValue(d.demandRecent());
				row.createCell(4).setCellValue(d.demandPrior());
				if (d.demandTrend() != null) {
					row.createCell(5).setCellValue(d.demandTrend());
				}
				row.createCell(6).setCellValue(d.activity());
				row.createCell(7).setCellValue(d.activityPerDemand());
				if (d.visibility() != null) {
					row.createCell(8).setCellValue(d.visibility());
				}
				row.createCell(9).setCellValue(d.score());
			}
			diagnostics.createRow(r + 1).createCell(0).setCellValue(report.diagnosticsFormula());
			book.write(out);
			return out.toByteArray();
		}
	}

	private static void head(Sheet sheet, CellStyle style, List<String> names) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < names.size(); i++) {
			row.createCell(i).setCellValue(names.get(i));
			row.getCell(i).setCellStyle(style);
			sheet.setColumnWidth(i, 18 * 256);
		}
	}

	private static int line(Sheet sheet, int r, CellStyle style, String label, Object value) {
		Row row = sheet.createRow(r);
		row.createCell(0).setCellValue(label);
		if (style != null) {
			row.getCell(0).setCellStyle(style);
		}
		if (value instanceof Number n) {
			row.createCell(1).setCellValue(n.doubleValue());
		}
		else {
			row.createCell(1).setCellValue(String.valueOf(value));
		}
		return r + 1;
	}

}
