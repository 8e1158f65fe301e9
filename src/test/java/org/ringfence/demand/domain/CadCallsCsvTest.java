package org.ringfence.demand.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CadCallsCsvTest {

	static List<CadCallsCsv.Row> rows(String text, Map<String, String> mapping, ImportTally tally) {
		List<CadCallsCsv.Row> rows = new ArrayList<>();
		CadCallsCsv.read("c.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), mapping, tally,
				(line, row, t) -> rows.add(row));
		return rows;
	}

	@Test
	void readsTheDocumentedColumns() {
		ImportTally tally = new ImportTally();
		List<CadCallsCsv.Row> rows = rows("reference,received,ward_code,category,grade,time_on_scene\n"
				+ "CAD1,2021-04-05 13:45,E05000137,ASB - nuisance,S,25\n", Map.of(), tally);
		assertThat(tally.hasRejections()).isFalse();
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.reference()).isEqualTo("CAD1");
			assertThat(row.wardCode()).isEqualTo("E05000137");
			assertThat(row.category()).isEqualTo("ASB - nuisance");
			assertThat(row.grade()).isEqualTo("S");
			assertThat(row.timeOnScene()).isEqualTo(25);
			assertThat(row.latitude()).isNaN();
			// Monday 5 April 2021, 13:xx British Summer Time
			assertThat(row.received().hourOfWeek()).isEqualTo(13);
			assertThat(row.received().month()).isEqualTo(LocalDate.of(2021, 4, 1));
		});
	}

	@Test
	void usualAliasesAndAMappingFindOtherColumnNames() {
		ImportTally tally = new ImportTally();
		List<CadCallsCsv.Row> rows = rows("Incident Number;Created At;Lat;Lon;Call Type;Priority;Notes\n"
				+ "X9;2021-04-05T12:00:00Z;51.53;-0.14;Theft;I;hello\n",
				CadCallsCsv.mapping("received=Created At"), tally);
		assertThat(tally.hasRejections()).isFalse();
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.reference()).isEqualTo("X9");
			assertThat(row.latitude()).isEqualTo(51.53);
			assertThat(row.longitude()).isEqualTo(-0.14);
			assertThat(row.category()).isEqualTo("Theft");
			assertThat(row.grade()).isEqualTo("I");
			assertThat(row.received().hourOfWeek()).isEqualTo(13);
		});
		assertThat(tally.report(0, 0, 0, 0).details().get("ignoredColumns")).isEqualTo(List.of("Notes"));
	}

	@Test
	void aMappingMustNameKnownFields() {
		assertThatThrownBy(() -> CadCallsCsv.mapping("when=Created")).hasMessageContaining("'when' is not a field");
		assertThatThrownBy(() -> CadCallsCsv.mapping("received")).hasMessageContaining("not field=Column name");
		assertThat(CadCallsCsv.mapping("received = Created At\nward_code: Ward")).containsEntry("received", "Created At")
			.containsEntry("ward_code", "Ward");
	}

	@Test
	void aFileWithoutWardOrCoordinatesOrRequiredColumnsIsRejected() {
		ImportTally tally = new ImportTally();
		rows("reference,received,category\nA,2021-04-05 10:00,Theft\n", Map.of(), tally);
		assertThat(tally.report(0, 0, 0, 0).rejected().rows()).extracting(ImportReport.Rejection::reason)
			.anyMatch(r -> r.startsWith("missing column for grade"))
			.anyMatch(r -> r.contains("ward_code column or latitude and longitude"));
	}

	@Test
	void rowsWithBadTimesOrValuesAreRejectedWithTheirLine() {
		ImportTally tally = new ImportTally();
		List<CadCallsCsv.Row> rows = rows("reference,received,ward_code,category,grade,time_on_scene\n"
				+ "A,yesterday,E05000137,Theft,S,\n" + ",2021-04-05 10:00,E05000137,Theft,S,\n"
				+ "C,2021-04-05 10:00,E05000137,Theft,S,-4\n" + "D,2021-02-30 10:00,E05000137,Theft,S,\n"
				+ "E,2021-04-05 10:00,E05000137,Theft,S,12.4\n", Map.of(), tally);
		assertThat(tally.report(0, 0, 0, 0).rejected().rows()).extracting(ImportReport.Rejection::line)
			.containsExactly(2L, 3L, 4L, 5L);
		assertThat(rows).singleElement().satisfies(row -> assertThat(row.timeOnScene()).isEqualTo(12));
	}

}
