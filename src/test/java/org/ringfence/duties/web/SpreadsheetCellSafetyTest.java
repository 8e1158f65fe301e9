package org.ringfence.duties.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ASVS 5.3 (docs/security.md): text a spreadsheet would run as a formula is exported as text. */
class SpreadsheetCellSafetyTest {

	@Test
	void formulaLookingTextIsQuotedAndOtherTextKept() {
		assertThat(AbstractionReportController.safe("=HYPERLINK(\"http://evil.example\",\"x\")"))
			.isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
		assertThat(AbstractionReportController.safe("+1+1")).isEqualTo("'+1+1");
		assertThat(AbstractionReportController.safe("-2")).isEqualTo("'-2");
		assertThat(AbstractionReportController.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(AbstractionReportController.safe("Camden Town")).isEqualTo("Camden Town");
		assertThat(AbstractionReportController.safe("")).isEmpty();
		assertThat(AbstractionReportController.safe(null)).isNull();
	}

}
