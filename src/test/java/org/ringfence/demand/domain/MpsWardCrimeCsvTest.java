package org.ringfence.demand.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MpsWardCrimeCsvTest {

	static final String HEADER = "MajorText,MinorText,WardName,WardCode,LookUp_BoroughName,202004,202005,202006\n";

	static List<MpsWardCrimeCsv.Row> rows(String text, ImportTally tally) {
		List<MpsWardCrimeCsv.Row> rows = new ArrayList<>();
		MpsWardCrimeCsv.read("m.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), tally,
				(line, row, t) -> rows.add(row));
		return rows;
	}

	@Test
	void readsOneCountPerMonthColumn() {
		ImportTally tally = new ImportTally();
		List<MpsWardCrimeCsv.Row> rows = rows(HEADER + "Burglary,Domestic Burglary,Abbey,E05000026,Barking and Dagenham,1,0,3\n",
				tally);
		assertThat(tally.hasRejections()).isFalse();
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.major()).isEqualTo("Burglary");
			assertThat(row.minor()).isEqualTo("Domestic Burglary");
			assertThat(row.wardCode()).isEqualTo("E05000026");
			assertThat(row.months()).containsExactly(LocalDate.of(2020, 4, 1), LocalDate.of(2020, 5, 1),
					LocalDate.of(2020, 6, 1));
			assertThat(row.counts()).containsExactly(1, 0, 3);
			assertThat(row.total()).isEqualTo(4);
		});
	}

	@Test
	void aCountThatIsNotAWholeNumberRejectsTheRow() {
		ImportTally tally = new ImportTally();
		List<MpsWardCrimeCsv.Row> rows = rows(HEADER + "Burglary,Domestic Burglary,Abbey,E05000026,B,1,-2,x\n", tally);
		assertThat(rows).isEmpty();
		ImportReport report = tally.report(0, 0, 0, 0);
		assertThat(report.rejected().total()).isEqualTo(1);
		assertThat(report.rejected().rows()).extracting(ImportReport.Rejection::reason)
			.anyMatch(r -> r.contains("2020-05") && r.contains("'-2'"))
			.anyMatch(r -> r.contains("2020-06") && r.contains("'x'"));
	}

	@Test
	void aHeaderWithoutMonthsOrWithAnUnknownColumnIsRejected() {
		ImportTally tally = new ImportTally();
		rows("MajorText,MinorText,WardName,WardCode,LookUp_BoroughName,April\n", tally);
		assertThat(tally.report(0, 0, 0, 0).rejected().rows()).extracting(ImportReport.Rejection::reason)
			.anyMatch(r -> r.contains("unknown column 'April'"))
			.anyMatch(r -> r.contains("no month columns"));
	}

	@Test
	void aMissingWardCodeOrCategoryRejectsTheRow() {
		ImportTally tally = new ImportTally();
		rows(HEADER + "Burglary,,Abbey,E05000026,B,1,2,3\nBurglary,Domestic Burglary,Abbey,,B,1,2,3\n", tally);
		assertThat(tally.report(0, 0, 0, 0).rejected().rows()).extracting(ImportReport.Rejection::line)
			.containsExactly(2L, 3L);
	}

}
