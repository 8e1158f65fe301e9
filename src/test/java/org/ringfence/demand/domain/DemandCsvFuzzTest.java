package org.ringfence.demand.domain;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the demand imports' readers (the layer under {@code POST /api/v1/imports/...}): the
 * data.police.uk street CSV, the Met's ward counts CSV and the CAD calls CSV (and its column
 * mapping). Under plain JUnit each method replays its corpus in {@code DemandCsvFuzzTestInputs/<method>};
 * with {@code JAZZER_FUZZ=1} it fuzzes ({@code bench/fuzz}). Property: a reader never throws (a fault
 * is a rejection in the tally, and any rejection makes the pipeline refuse the whole import), and
 * when nothing is rejected every data row read reached the sink: never a part of a file.
 */
class DemandCsvFuzzTest {

	@FuzzTest(maxDuration = "60s")
	void policeUkStreet(FuzzedDataProvider data) {
		ImportTally tally = new ImportTally();
		AtomicLong sunk = new AtomicLong();
		long rows = PoliceUkStreetCsv.read("fuzz.csv", new ByteArrayInputStream(data.consumeRemainingAsBytes()), tally,
				(line, row, text) -> {
					sunk.incrementAndGet();
					assertThat(line).isGreaterThan(1);
					assertThat(row.crimeKey()).isNotEmpty();
					assertThat(row.month()).isNotNull();
				});
		assertComplete(tally, rows, sunk.get());
	}

	@FuzzTest(maxDuration = "60s")
	void mpsWardCrime(FuzzedDataProvider data) {
		ImportTally tally = new ImportTally();
		AtomicLong sunk = new AtomicLong();
		long rows = MpsWardCrimeCsv.read("fuzz.csv", new ByteArrayInputStream(data.consumeRemainingAsBytes()), tally,
				(line, row, text) -> {
					sunk.incrementAndGet();
					assertThat(row.counts()).hasSize(row.months().size());
					for (int count : row.counts()) {
						assertThat(count).isNotNegative();
					}
				});
		assertComplete(tally, rows, sunk.get());
	}

	@FuzzTest(maxDuration = "60s")
	void cadCalls(FuzzedDataProvider data) {
		ImportTally tally = new ImportTally();
		AtomicLong sunk = new AtomicLong();
		long rows = CadCallsCsv.read("fuzz.csv", new ByteArrayInputStream(data.consumeRemainingAsBytes()), Map.of(), tally,
				(line, row, text) -> {
					sunk.incrementAndGet();
					assertThat(row.reference()).isNotEmpty().hasSizeLessThanOrEqualTo(64);
					assertThat(row.received()).isNotNull();
					assertThat(Double.isNaN(row.latitude())).isEqualTo(Double.isNaN(row.longitude()));
					text.get();
				});
		assertComplete(tally, rows, sunk.get());
	}

	/** The mapping form field of a CAD import: only IllegalArgumentException (a 400 naming the fault). */
	@FuzzTest(maxDuration = "30s")
	void cadCallsMapping(FuzzedDataProvider data) {
		String text = data.consumeRemainingAsString();
		Map<String, String> mapping;
		try {
			mapping = CadCallsCsv.mapping(text);
		}
		catch (IllegalArgumentException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			return;
		}
		mapping.forEach((field, column) -> {
			assertThat(CadCallsCsv.ALIASES).containsKey(field);
			assertThat(column).isNotEmpty().hasSizeLessThanOrEqualTo(100);
		});
	}

	private static void assertComplete(ImportTally tally, long rows, long sunk) {
		assertThat(sunk).isLessThanOrEqualTo(rows);
		if (!tally.hasRejections()) {
			assertThat(sunk).as("with no rejection every row read reaches the import").isEqualTo(rows);
		}
	}

}
