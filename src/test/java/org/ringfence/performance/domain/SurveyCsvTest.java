package org.ringfence.performance.domain;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SurveyCsvTest {

	static SurveyCsv.Parsed parse(String csv) {
		return SurveyCsv.parse(csv.getBytes(StandardCharsets.UTF_8), a -> a.startsWith("E09") || a.equals("E05000137"),
				Set.of("satisfaction", "feel_safe"));
	}

	@Test
	void readsPositivesOrAProportion() {
		SurveyCsv.Parsed parsed = parse("""
				period,area_code,question,proportion,positives,sample_size
				2024-Q1,E09000007,satisfaction,,250,400
				2024-Q1,E09000007,feel_safe,0.625,,400
				2024-Q2,E05000137,feel_safe,70%,,100
				""");
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.results()).extracting(SurveyCsv.Result::positives).containsExactly(250, 250, 70);
		assertThat(parsed.results().get(2).period()).isEqualTo(new Quarter(2024, 2));
	}

	@Test
	void reportsBadRows() {
		SurveyCsv.Parsed parsed = parse("""
				period,area_code,question,proportion,positives,sample_size
				2024-Q5,E09000007,satisfaction,,250,400
				2024-Q1,X,satisfaction,,250,400
				2024-Q1,E09000007,happiness,,250,400
				2024-Q1,E09000007,satisfaction,,500,400
				2024-Q1,E09000007,feel_safe,1.5,,400
				2024-Q1,E09000007,feel_safe,,,400
				""");
		assertThat(parsed.results()).isEmpty();
		assertThat(parsed.errors()).extracting(RowError::column)
			.containsExactly("period", "area_code", "question", "positives", "proportion", "positives");
	}

	@Test
	void quartersKnowTheirNeighbours() {
		Quarter q = Quarter.parse("2024-q1");
		assertThat(q.previous()).hasToString("2023-Q4");
		assertThat(q.yearBefore()).hasToString("2023-Q1");
		assertThat(Quarter.latestEndedBy(YearMonth.of(2024, 3))).hasToString("2024-Q1");
		assertThat(Quarter.latestEndedBy(YearMonth.of(2024, 5))).hasToString("2024-Q1");
	}

}
