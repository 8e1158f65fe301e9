package org.ringfence.allocation.domain;

import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the Safer Schools CSV reader (under the schools import). Under plain JUnit it replays
 * {@code SchoolCsvFuzzTestInputs/schools}; with {@code JAZZER_FUZZ=1} it fuzzes. Property: the reader
 * never throws (every fault is a problem), accepted rows are well formed, and a file without problems
 * keeps every row (the import stores nothing when there is a problem: never a part).
 */
class SchoolCsvFuzzTest {

	static final Set<String> IMPORTABLE = Set.of("free_school_meals", "gcse_ac", "permanent_exclusions");

	static final Set<String> DERIVED = Set.of("asb_around", "crime_around");

	@FuzzTest(maxDuration = "60s")
	void schools(FuzzedDataProvider data) {
		SchoolCsvReader.Result result = SchoolCsvReader.read(data.consumeRemainingAsBytes(), IMPORTABLE, DERIVED);
		assertThat(result.rows().size()).isLessThanOrEqualTo(result.rowsRead());
		if (result.problems().isEmpty()) {
			assertThat(result.rows()).as("a file without problems keeps every row").hasSize(result.rowsRead());
		}
		for (SchoolCsvReader.Row row : result.rows()) {
			assertThat(row.urn()).matches("[0-9]{5,8}");
			assertThat(row.name()).isNotBlank();
			assertThat(row.phase()).isNotNull();
			assertThat(row.wardCode().isPresent() || row.location().isPresent()).isTrue();
			assertThat(IMPORTABLE).containsAll(row.values().keySet());
			row.values().values().forEach(value -> assertThat(value).isFinite());
		}
		result.problems().forEach(problem -> assertThat(problem.message()).isNotBlank());
	}

}
