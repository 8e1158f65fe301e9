package org.ringfence.demand.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PoliceUkStreetCsvTest {

	static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
			+ "Crime type,Last outcome category,Context\n";

	record Read(List<PoliceUkStreetCsv.Row> rows, ImportTally tally, long count) {
	}

	static Read read(String text) {
		return read(text.getBytes(StandardCharsets.UTF_8));
	}

	static Read read(byte[] bytes) {
		List<PoliceUkStreetCsv.Row> rows = new ArrayList<>();
		ImportTally tally = new ImportTally();
		long count = PoliceUkStreetCsv.read("f.csv", new ByteArrayInputStream(bytes), tally, (line, row, text) -> rows.add(row));
		return new Read(rows, tally, count);
	}

	@Test
	void readsARecordWithItsCrimeIdMonthCoordinatesAndLsoa() {
		Read read = read(HEADER + "abc123,2019-01,Metropolitan Police Service,Metropolitan Police Service,0.140192,51.582311,"
				+ "On or near Hatch Grove,E01000027,Barking and Dagenham 001A,Burglary,Status update unavailable,\n");
		assertThat(read.tally().hasRejections()).isFalse();
		assertThat(read.rows()).singleElement().satisfies(row -> {
			assertThat(row.crimeKey()).isEqualTo("abc123");
			assertThat(row.keyFromContent()).isFalse();
			assertThat(row.month()).isEqualTo(LocalDate.of(2019, 1, 1));
			assertThat(row.latitude()).isEqualTo(51.582311);
			assertThat(row.longitude()).isEqualTo(0.140192);
			assertThat(row.lsoa()).isEqualTo("E01000027");
			assertThat(row.crimeType()).isEqualTo("Burglary");
			assertThat(row.asb()).isFalse();
		});
	}

	@Test
	void aRecordWithoutLocationHasNoCoordinatesAndNoLsoa() {
		Read read = read(HEADER + "x1,2019-01,MPS,MPS,,,No Location,,,Burglary,Status update unavailable,\n");
		assertThat(read.rows()).singleElement().satisfies(row -> {
			assertThat(row.latitude()).isNaN();
			assertThat(row.longitude()).isNaN();
			assertThat(row.lsoa()).isEmpty();
		});
	}

	@Test
	void recordsWithoutCrimeIdAreKeyedByContentAndNumberedWhenIdentical() {
		String asb = ",2024-01,City of London Police,City of London Police,-0.097103,51.518461,On or near Aldersgate Street,"
				+ "E01000001,City of London 001A,Anti-social behaviour,,\n";
		String other = ",2024-01,City of London Police,City of London Police,-0.097078,51.519045,On or near A1,"
				+ "E01000001,City of London 001A,Anti-social behaviour,,\n";
		Read first = read(HEADER + asb + asb + other);
		Read again = read(HEADER + asb + asb + other);
		List<String> keys = first.rows().stream().map(PoliceUkStreetCsv.Row::crimeKey).toList();
		assertThat(keys).doesNotHaveDuplicates().allMatch(k -> k.startsWith("content:"));
		assertThat(keys.get(0)).endsWith(":1");
		assertThat(keys.get(1)).endsWith(":2").startsWith(keys.get(0).substring(0, keys.get(0).length() - 1));
		assertThat(again.rows().stream().map(PoliceUkStreetCsv.Row::crimeKey).toList()).isEqualTo(keys);
		assertThat(first.rows()).allMatch(PoliceUkStreetCsv.Row::asb);
	}

	@Test
	void columnsMayComeInAnyOrderAndCase() {
		Read read = read("month,crime id,reported by,falls within,longitude,latitude,location,lsoa code,lsoa name,crime type,"
				+ "last outcome category,context\n2019-02,id9,R,F,,,No Location,,,Robbery,,\n");
		assertThat(read.rows()).singleElement().satisfies(row -> {
			assertThat(row.crimeKey()).isEqualTo("id9");
			assertThat(row.crimeType()).isEqualTo("Robbery");
		});
	}

	@Test
	void aWrongHeaderRejectsTheFileNamingTheColumn() {
		Read read = read("Crime ID,Month,Longitude,Latitude,Crime type,Colour\nx,2019-01,,,Burglary,red\n");
		assertThat(read.rows()).isEmpty();
		assertThat(read.tally().report(0, 0, 0, 0).rejected().rows())
			.anyMatch(r -> r.line() == 1 && r.reason().contains("unknown column 'Colour'"))
			.anyMatch(r -> r.line() == 1 && r.reason().contains("missing column 'LSOA code'"));
	}

	@Test
	void aBadMonthRejectsTheRowWithItsLine() {
		Read read = read(HEADER + "a,2019-01,R,F,,,L,,,Burglary,,\nb,Jan 2019,R,F,,,L,,,Burglary,,\n");
		ImportReport report = read.tally().report(0, 0, 0, 0);
		assertThat(report.rejected().total()).isEqualTo(1);
		assertThat(report.rejected().rows()).singleElement().satisfies(r -> {
			assertThat(r.line()).isEqualTo(3);
			assertThat(r.reason()).contains("Month 'Jan 2019'");
		});
	}

	@Test
	void onlyOneCoordinateOrANonNumberIsRejected() {
		Read read = read(HEADER + "a,2019-01,R,F,0.1,,L,,,Burglary,,\nb,2019-01,R,F,east,51.5,L,,,Burglary,,\n"
				+ "c,2019-01,R,F,0.1,95.0,L,,,Burglary,,\n");
		assertThat(read.tally().report(0, 0, 0, 0).rejected().rows()).extracting(ImportReport.Rejection::line)
			.containsExactly(2L, 3L, 4L);
	}

	@Test
	void aRowWithADifferentNumberOfFieldsIsRejected() {
		Read read = read(HEADER + "a,2019-01,R,F,,,L,,,Burglary\n");
		assertThat(read.tally().report(0, 0, 0, 0).rejected().rows()).singleElement()
			.satisfies(r -> assertThat(r.reason()).contains("expected 12 fields"));
	}

	@Test
	void brokenQuotingStopsTheFileWithAClearReason() {
		Read read = read(HEADER + "a,2019-01,R,F,,,\"On or near, the end,,,Burglary,,\nb,2019-01,R,F,,,L,,,Burglary,,\n");
		assertThat(read.tally().hasRejections()).isTrue();
		assertThat(read.tally().report(0, 0, 0, 0).rejected().rows()).singleElement().satisfies(r -> {
			assertThat(r.line()).isEqualTo(2);
			assertThat(r.reason()).contains("quote is not closed");
		});
	}

	@Test
	void textAfterAClosingQuoteStopsTheFile() {
		Read read = read(HEADER + "a,2019-01,R,F,,,\"On or near\"x,,,Burglary,,\n");
		assertThat(read.tally().report(0, 0, 0, 0).rejected().rows()).singleElement()
			.satisfies(r -> assertThat(r.reason()).contains("cannot be read as CSV"));
	}

	@Test
	void aFileThatIsNotUtf8IsRejected() {
		byte[] latin1 = (HEADER + "a,2019-01,R,F,,,Caf\u00e9 corner,,,Burglary,,\n").getBytes(StandardCharsets.ISO_8859_1);
		Read read = read(latin1);
		assertThat(read.tally().report(0, 0, 0, 0).rejected().rows()).singleElement()
			.satisfies(r -> assertThat(r.reason()).contains("not UTF-8"));
	}

	@Test
	void anEmptyFileIsRejected() {
		Read read = read("");
		assertThat(read.tally().report(0, 0, 0, 0).rejected().rows()).singleElement()
			.satisfies(r -> assertThat(r.reason()).contains("empty"));
	}

	@Test
	void aByteOrderMarkIsSkipped() {
		Read read = read("\uFEFF" + HEADER + "a,2019-01,R,F,,,L,,,Burglary,,\n");
		assertThat(read.tally().hasRejections()).isFalse();
		assertThat(read.rows()).hasSize(1);
	}

}
