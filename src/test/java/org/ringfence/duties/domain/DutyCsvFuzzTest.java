package org.ringfence.duties.domain;

import java.time.Duration;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the duty CSV reader (the layer under {@code POST /api/v1/imports/duties}). Under plain JUnit
 * it replays the corpus in {@code DutyCsvFuzzTestInputs/dutyCsv}; with {@code JAZZER_FUZZ=1} it
 * fuzzes ({@code bench/fuzz}). Property: the reader never throws (every fault is a problem in the
 * result), every row it accepts is a valid duty, and a file without problems loses no row (the import
 * stores nothing when there is any problem, so a problem-free file must be complete: never a part).
 */
class DutyCsvFuzzTest {

	@FuzzTest(maxDuration = "60s")
	void dutyCsv(FuzzedDataProvider data) {
		byte[] content = data.consumeRemainingAsBytes();
		DutyCsvFile file = DutyCsvReader.read("fuzz.csv", content);
		assertThat(file.rows().size()).isLessThanOrEqualTo(file.rowsRead());
		if (file.problems().isEmpty()) {
			assertThat(file.rows()).as("a file without problems keeps every row").hasSize(file.rowsRead());
		}
		for (DutyCsvRow row : file.rows()) {
			assertThat(row.serviceNumber()).matches("[A-Z0-9]{4,12}");
			assertThat(row.activityCode()).matches("[A-Z][A-Z0-9_]{1,19}");
			assertThat(row.endsAt()).isAfter(row.startsAt());
			assertThat(Duration.between(row.startsAt(), row.endsAt())).isLessThanOrEqualTo(Duration.ofHours(24));
			assertThat(row.kind()).isNotNull();
		}
		file.problems().forEach(problem -> assertThat(problem.reason()).isNotBlank());
	}

}
