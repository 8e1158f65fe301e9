package org.ringfence.performance.domain;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringfence.performance.EpicMeasure;

import static org.assertj.core.api.Assertions.assertThat;

class EpicCsvTest {

	static final Set<String> WARDS = Set.of("E05000137", "E05000138");

	static EpicCsv.Parsed parse(String csv) {
		return EpicCsv.parse(csv.getBytes(StandardCharsets.UTF_8), WARDS::contains);
	}

	@Test
	void readsRowsInAnyColumnOrderAndCase() {
		EpicCsv.Parsed parsed = parse("""
				Month,WARD_CODE,measure,count,priority_id
				2034-01,E05000137,arrests,4,
				2034-01,E05000137,arrests,2,17
				2034-01,e05000138,Home_Visits,9,
				""");
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.entries()).hasSize(3);
		assertThat(parsed.entries().get(0).month()).isEqualTo(YearMonth.of(2034, 1));
		assertThat(parsed.entries().get(1).priorityId()).contains(17L);
		assertThat(parsed.entries().get(2).measure()).isEqualTo(EpicMeasure.HOME_VISITS);
		assertThat(parsed.entries().get(2).wardCode()).isEqualTo("E05000138");
	}

	@Test
	void reportsEveryBadRowWithLineColumnAndReason() {
		EpicCsv.Parsed parsed = parse("""
				ward_code,month,measure,count
				E05000137,2034-13,arrests,4
				E09999999,2034-01,arrests,4
				E05000137,2034-01,parking,4
				E05000137,2034-01,arrests,-1
				E05000137,2034-01,arrests,x
				""");
		assertThat(parsed.entries()).isEmpty();
		assertThat(parsed.errors()).extracting(RowError::line, RowError::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "month"), org.assertj.core.groups.Tuple.tuple(3L, "ward_code"),
					org.assertj.core.groups.Tuple.tuple(4L, "measure"), org.assertj.core.groups.Tuple.tuple(5L, "count"),
					org.assertj.core.groups.Tuple.tuple(6L, "count"));
		assertThat(parsed.errors().get(2).reason()).contains("unknown measure").contains("home_visits");
	}

	@Test
	void refusesTheSameNaturalKeyTwiceInAFile() {
		EpicCsv.Parsed parsed = parse("""
				ward_code,month,measure,count
				E05000137,2034-01,arrests,4
				E05000137,2034-01,arrests,5
				""");
		assertThat(parsed.errors()).singleElement().satisfies(e -> {
			assertThat(e.line()).isEqualTo(3);
			assertThat(e.reason()).contains("line 2");
		});
	}

	@Test
	void refusesUnknownAndMissingColumns() {
		EpicCsv.Parsed parsed = parse("ward_code,month,measure,colour\nE05000137,2034-01,arrests,red\n");
		assertThat(parsed.errors()).extracting(RowError::column).contains("colour", "count");
		assertThat(parsed.entries()).isEmpty();
	}

	@Test
	void acceptsSemicolonsAndAByteOrderMark() {
		EpicCsv.Parsed parsed = parse("\uFEFFward_code;month;measure;count\nE05000137;2034-02;abcs;1\n");
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.entries()).singleElement().satisfies(e -> assertThat(e.priorityId()).isEqualTo(Optional.empty()));
	}

}
