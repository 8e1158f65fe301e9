package org.ringfence.duties.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ringfence.duties.DutyImportReport.Problem;
import org.ringfence.duties.DutyKind;

import static org.assertj.core.api.Assertions.assertThat;

class DutyCsvReaderTest {

	static final String HEADER = "service_number,kind,date,start,end,ward_code,place,activity_code\n";

	static DutyCsvFile read(String text) {
		return DutyCsvReader.read("roster.csv", text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void readsAGoodRowInLondonTime() {
		DutyCsvFile file = read(HEADER + "ab1234,planned,2031-01-15,07:00,15:00,E05000137,,sn_ward\n");
		assertThat(file.problems()).isEmpty();
		assertThat(file.rowsRead()).isEqualTo(1);
		DutyCsvRow row = file.rows().get(0);
		assertThat(row.line()).isEqualTo(2);
		assertThat(row.serviceNumber()).isEqualTo("AB1234");
		assertThat(row.kind()).isEqualTo(DutyKind.PLANNED);
		assertThat(row.startsAt()).isEqualTo(Instant.parse("2031-01-15T07:00:00Z"));
		assertThat(row.endsAt()).isEqualTo(Instant.parse("2031-01-15T15:00:00Z"));
		assertThat(row.wardCode()).contains("E05000137");
		assertThat(row.activityCode()).isEqualTo("SN_WARD");
	}

	@Test
	void summerTimeIsBritishSummerTime() {
		DutyCsvRow row = read(HEADER + "AB1234,ACTUAL,2031-07-01,07:00,15:00,,,SN_WARD\n").rows().get(0);
		assertThat(row.startsAt()).isEqualTo(Instant.parse("2031-07-01T06:00:00Z"));
		assertThat(row.wardCode()).isEmpty();
	}

	@Test
	void anEndAtOrBeforeTheStartIsTheNextDay() {
		DutyCsvFile file = read(HEADER + "AB1234,PLANNED,2031-01-15,22:00,06:00,,,SN_WARD\n"
				+ "AB1234,ACTUAL,2031-01-20,08:00,08:00,,,SN_WARD\n");
		assertThat(file.problems()).isEmpty();
		assertThat(file.rows().get(0).endsAt()).isEqualTo(Instant.parse("2031-01-16T06:00:00Z"));
		assertThat(file.rows().get(0).dutyDate()).isEqualTo(LocalDate.of(2031, 1, 15));
		assertThat(file.rows().get(1).endsAt()).isEqualTo(Instant.parse("2031-01-21T08:00:00Z"));
	}

	@Test
	void badDatesAndTimesAreRowProblemsWithTheirColumn() {
		DutyCsvFile file = read(HEADER + "AB1234,PLANNED,2031-02-30,07:00,15:00,,,SN_WARD\n"
				+ "AB1234,PLANNED,15/01/2031,07:00,15:00,,,SN_WARD\n" + "AB1234,PLANNED,2031-01-15,7am,24:00,,,SN_WARD\n"
				+ "AB1234,SOMETIMES,2031-01-15,07:00,15:00,,,SN_WARD\n" + "AB1234,PLANNED,2031-01-15,07:00,15:00,,,\n");
		assertThat(file.rows()).isEmpty();
		assertThat(file.rowsRead()).isEqualTo(5);
		assertThat(file.problems()).extracting(Problem::line, Problem::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "date"), org.assertj.core.groups.Tuple.tuple(3L, "date"),
					org.assertj.core.groups.Tuple.tuple(4L, "start"), org.assertj.core.groups.Tuple.tuple(4L, "end"),
					org.assertj.core.groups.Tuple.tuple(5L, "kind"),
					org.assertj.core.groups.Tuple.tuple(6L, "activity_code"));
	}

	@Test
	void aTimeSkippedWhenTheClocksGoForwardIsAProblem() {
		DutyCsvFile file = read(HEADER + "AB1234,PLANNED,2031-03-30,01:30,09:00,,,SN_WARD\n"
				+ "AB1234,PLANNED,2031-03-29,22:00,06:00,,,SN_WARD\n");
		assertThat(file.problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(2);
			assertThat(p.column()).isEqualTo("start");
			assertThat(p.reason()).contains("does not exist");
		});
		// the night tour across the change lasts seven hours
		DutyCsvRow night = file.rows().get(0);
		assertThat(java.time.Duration.between(night.startsAt(), night.endsAt()).toHours()).isEqualTo(7);
	}

	@Test
	void aRepeatedTimeWhenTheClocksGoBackIsTheFirstAndTwentyFiveHoursIsTooLong() {
		DutyCsvFile file = read(HEADER + "AB1234,PLANNED,2031-10-26,01:30,09:00,,,SN_WARD\n"
				+ "AB1234,ACTUAL,2031-10-25,08:00,08:00,,,SN_WARD\n");
		assertThat(file.rows()).singleElement()
			.satisfies(r -> assertThat(r.startsAt()).isEqualTo(Instant.parse("2031-10-26T00:30:00Z")));
		assertThat(file.problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(3);
			assertThat(p.column()).isEqualTo("end");
			assertThat(p.reason()).contains("at most 24 hours");
		});
	}

	@Test
	void aByteOrderMarkSemicolonsAnyOrderAndAnyCaseAreAccepted() {
		DutyCsvFile file = read("\uFEFFActivity_Code;KIND;Service_Number;Date;Start;End\r\n"
				+ "SN_WARD;PLANNED;AB1234;2031-01-15;07:00;15:00\r\n\r\n" + "REST;PLANNED;AB1234;2031-01-16;07:00;15:00\r\n");
		assertThat(file.problems()).isEmpty();
		assertThat(file.rows()).extracting(DutyCsvRow::line).containsExactly(2L, 4L);
		assertThat(file.rows().get(1).activityCode()).isEqualTo("REST");
	}

	@Test
	void missingUnknownAndRepeatedColumnsAreHeaderProblems() {
		DutyCsvFile file = read("service_number,kind,date,start,shift_end,kind,activity_code\n"
				+ "AB1234,PLANNED,2031-01-15,07:00,15:00,PLANNED,SN_WARD\n");
		assertThat(file.rows()).isEmpty();
		assertThat(file.rowsRead()).isEqualTo(1);
		assertThat(file.problems()).extracting(Problem::line, Problem::column, Problem::reason)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(1L, "shift_end",
							"unknown column: the columns are service_number, kind, date, start, end, ward_code, place, activity_code"),
					org.assertj.core.groups.Tuple.tuple(1L, "kind", "the column is named twice"),
					org.assertj.core.groups.Tuple.tuple(1L, "end", "missing column"));
	}

	@Test
	void emptyFilesWrongFieldCountsAndNonUtf8AreProblems() {
		assertThat(read("").problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("empty"));
		assertThat(read(HEADER + "AB1234,PLANNED,2031-01-15,07:00\n").problems()).singleElement()
			.satisfies(p -> assertThat(p.reason()).contains("expected 8 fields"));
		byte[] latin1 = (HEADER + "AB1234,PLANNED,2031-01-15,07:00,15:00,,Caf\u00e9,SN_WARD\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(DutyCsvReader.read("x.csv", latin1).problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(2);
			assertThat(p.reason()).contains("not UTF-8");
		});
	}

	@Test
	void formulaLookingPlacesAreKeptAsText() {
		DutyCsvFile file = read(HEADER + "AB1234,PLANNED,2031-01-15,07:00,15:00,,\"=HYPERLINK(\"\"x\"\")\",AB_CENTRAL\n"
				+ "AB1234,PLANNED,2031-01-16,07:00,15:00,,@SUM(A1),AB_CENTRAL\n"
				+ "AB1234,PLANNED,2031-01-17,07:00,15:00,,-1+2,AB_CENTRAL\n");
		assertThat(file.problems()).isEmpty();
		assertThat(file.rows()).extracting(DutyCsvRow::place).containsExactly("=HYPERLINK(\"x\")", "@SUM(A1)", "-1+2");
	}

}
