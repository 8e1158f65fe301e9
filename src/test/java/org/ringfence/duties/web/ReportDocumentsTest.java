package org.ringfence.duties.web;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ringfence.duties.AbstractionReport;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.persistence.ReportQueries.Strength;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Formula injection: names that reach the abstraction workbook and the Datastore CSV (ward and
 * team names come from boundary files) must stay text, never become formulas.
 */
class ReportDocumentsTest {

	static final List<String> NASTY = List.of("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A9)",
			"=HYPERLINK(\"http://evil\",\"click\")");

	static AbstractionReport report() {
		AbstractionReport.Summary none = new AbstractionReport.Summary("force", "", "", 0, 0, 0, Map.of(), 0, 0, 0);
		List<AbstractionReport.Row> rows = NASTY.stream()
			.map(n -> new AbstractionReport.Row("2039-01", n, n, "E09000007", n, List.of("E05000137"), true, n, 60))
			.toList();
		return new AbstractionReport(LocalDate.of(2039, 1, 1), LocalDate.of(2039, 1, 31), DutyKind.ACTUAL, "E09000007",
				rows, none, List.of(), List.of(), List.of());
	}

	@Test
	void theWorkbookKeepsFormulaLikeNamesAsQuotePrefixedText() throws Exception {
		List<Strength> strengths = NASTY.stream().map(n -> new Strength(n, n, "E09000007", n, "E05000137", "PCSO", 1)).toList();
		byte[] xlsx = new ReportDocuments(null).workbook(report(), strengths);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			int textCells = 0;
			for (Sheet sheet : book) {
				for (org.apache.poi.ss.usermodel.Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
						if (cell.getCellType() == CellType.STRING && NASTY.contains(cell.getStringCellValue())) {
							assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getStringCellValue()).isTrue();
							textCells++;
						}
					}
				}
			}
			// bcu, borough, team, type on the first sheet; bcu, borough, team on the second
			assertThat(textCells).isEqualTo(NASTY.size() * 7);
			assertThat(book.getSheet("Abstractions").getRow(1).getCell(7).getNumericCellValue()).isEqualTo(60);
		}
	}

	@Test
	void theDatastoreCsvPrefixesFormulaLikeCellsWithAnApostrophe() throws Exception {
		String csv = AbstractionReportController.csv(report());
		for (String nasty : NASTY) {
			assertThat(csv).doesNotContain("," + nasty).doesNotContain(",\"" + nasty.replace("\"", "\"\""));
		}
		assertThat(csv).contains(",'=cmd|' /C calc'!A0,").contains(",'+1+1,").contains(",'@SUM(A1:A9),");
	}

}
