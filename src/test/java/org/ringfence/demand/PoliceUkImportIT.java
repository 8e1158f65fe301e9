package org.ringfence.demand;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data.police.uk samples (three months of Met burglary with their real quirks, and a month of
 * the City of London with anti-social behaviour) through the import API, against counts the test
 * makes itself from the files and the ONS lookups.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoliceUkImportIT {

	static final List<String> SAMPLES = List.of("2019-01-metropolitan-street.csv", "2019-02-metropolitan-street.csv",
			"2019-03-metropolitan-street.csv", "2024-01-city-of-london-street.csv");

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	DemandApi demand;

	@BeforeAll
	void client() {
		this.demand = new DemandApi(this.port);
	}

	/** What the test expects of the samples, worked out without the import's code. */
	record Expected(Map<String, Long> byWardAndMonth, Map<String, Long> unmatched, long distinct, long duplicate,
			long rows) {
	}

	Expected expected() {
		Map<String, String[]> lsoa11 = lookup("data/london/lsoa11-to-ward2018.csv", "LSOA11CD");
		Map<String, String[]> lsoa21 = lookup("data/london/lsoa21-to-ward2018.csv", "LSOA21CD");
		Set<String> metWards = this.geography.wards(Optional.empty())
			.stream()
			.map(WardSummary::code)
			.collect(Collectors.toSet());
		Map<String, Long> byWardAndMonth = new TreeMap<>();
		Map<String, Long> unmatched = new TreeMap<>();
		Set<String> ids = new HashSet<>();
		long distinct = 0;
		long duplicate = 0;
		long rows = 0;
		for (String sample : SAMPLES) {
			for (NamedCsvRecord row : csv("demand/police-uk/" + sample)) {
				rows++;
				String lsoa = row.getField("LSOA code");
				String lat = row.getField("Latitude");
				String lng = row.getField("Longitude");
				String[] known = lsoa11.containsKey(lsoa) ? lsoa11.get(lsoa) : lsoa21.get(lsoa);
				String ward = null;
				String reason = null;
				if (known != null && known[1].equals("E09000001")) {
					reason = "city-of-london";
				}
				else if (known != null && metWards.contains(known[0])) {
					ward = known[0];
				}
				else if (!lat.isEmpty()) {
					ward = this.geography.locate(Double.parseDouble(lat), Double.parseDouble(lng))
						.map(l -> l.wardCode())
						.orElse(null);
					reason = lsoa.isEmpty() ? "point-outside-met" : "lsoa-outside-london";
				}
				else {
					reason = lsoa.isEmpty() ? "no-location" : "lsoa-outside-london";
				}
				if (ward == null) {
					unmatched.merge(reason, 1L, Long::sum);
					continue;
				}
				String id = row.getField("Crime ID");
				if (!id.isEmpty() && !ids.add(id)) {
					duplicate++;
					continue;
				}
				distinct++;
				byWardAndMonth.merge(ward + " " + row.getField("Month"), 1L, Long::sum);
			}
		}
		return new Expected(byWardAndMonth, unmatched, distinct, duplicate, rows);
	}

	@Test
	void theSamplesGiveTheCountsPerWardOfTheFilesAndTheLookupAndAgainChangeNothing() {
		Expected expected = expected();
		assertThat(expected.unmatched()).containsKeys("no-location", "city-of-london", "lsoa-outside-london");
		assertThat(expected.duplicate()).isPositive();

		JsonNode job = this.demand.importAndWait("/api/v1/imports/police-uk-street", files());
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
		assertThat(job.get("kind").asString()).isEqualTo("police-uk-street");
		assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
		JsonNode report = job.get("report");
		assertThat(report.get("rowsRead").asLong()).isEqualTo(expected.rows());
		assertThat(report.get("stored").asLong()).isEqualTo(expected.distinct());
		assertThat(report.get("duplicate").asLong()).isEqualTo(expected.duplicate());
		assertThat(report.get("rejected").get("total").asLong()).isZero();
		assertThat(DemandApi.unmatchedByReason(report)).isEqualTo(expected.unmatched());
		assertThat(report.get("unmatched").get("examples")).isNotEmpty();
		report.get("unmatched").get("examples").forEach(e -> {
			assertThat(e.get("file").asString()).isIn(SAMPLES);
			assertThat(e.get("line").asLong()).isGreaterThan(1);
			assertThat(e.get("row").asString()).isNotBlank();
		});
		assertThat(storedByWardAndMonth()).isEqualTo(expected.byWardAndMonth());

		JsonNode again = this.demand.importAndWait("/api/v1/imports/police-uk-street", files());
		assertThat(again.get("status").asString()).isEqualTo("succeeded");
		assertThat(again.get("report").get("stored").asLong()).isZero();
		assertThat(again.get("report").get("duplicate").asLong()).isEqualTo(expected.distinct() + expected.duplicate());
		assertThat(DemandApi.unmatchedByReason(again.get("report"))).isEqualTo(expected.unmatched());
		assertThat(storedByWardAndMonth()).isEqualTo(expected.byWardAndMonth());
	}

	/** The ranking API's totals per ward in the samples' months (every record counts: no other source holds them). */
	Map<String, Long> storedByWardAndMonth() {
		Map<String, Long> stored = new TreeMap<>();
		for (String month : List.of("2019-01", "2019-02", "2019-03", "2024-01")) {
			java.time.YearMonth m = java.time.YearMonth.parse(month);
			JsonNode ranking = this.demand.get("analyst",
					"/api/v1/demand/ranking?kind=all&from=" + m.atDay(1) + "&to=" + m.atEndOfMonth());
			ranking.get("wards").forEach(w -> {
				long total = Math.round(w.get("total").asDouble());
				if (total > 0) {
					stored.put(w.get("wardCode").asString() + " " + month, total);
				}
			});
		}
		return stored;
	}

	static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
			+ "Crime type,Last outcome category,Context\n";

	/** A good row in a month no other test uses: if anything of a refused file were stored, it would show. */
	static final String GOOD = "it-malformed-1,2037-01,Metropolitan Police Service,Metropolitan Police Service,-0.14,51.54,"
			+ "On or near Camden Road,E01000907,Camden 001A,Burglary,,\n";

	@Test
	void malformedFilesAreRejectedWithTheirLineAndReasonAndNothingIsStored() {
		Map<String, byte[]> files = new java.util.LinkedHashMap<>();
		files.put("wrong header", "Crime,Month,Type\nx,2037-01,Burglary\n".getBytes(StandardCharsets.UTF_8));
		files.put("Month '01/2037'", (HEADER + GOOD + "it-malformed-2,01/2037,R,F,,,L,,,Burglary,,\n")
			.getBytes(StandardCharsets.UTF_8));
		files.put("quote is not closed", (HEADER + GOOD + "it-malformed-3,2037-01,R,F,,,\"On or near, L,,,Burglary,,\n"
				+ "it-malformed-4,2037-01,R,F,,,L,,,Burglary,,\n").getBytes(StandardCharsets.UTF_8));
		files.put("not UTF-8", (HEADER + GOOD + "it-malformed-5,2037-01,R,F,,,Caf\u00e9,,,Burglary,,\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			JsonNode job = this.demand.importAndWait("/api/v1/imports/police-uk-street",
					List.of(new DemandApi.File("bad.csv", file.getValue())));
			assertThat(job.get("status").asString()).as(file.getKey()).isEqualTo("failed");
			assertThat(job.get("message").asString()).contains("nothing was imported");
			JsonNode report = job.get("report");
			assertThat(report.get("stored").asLong()).isZero();
			JsonNode rejection = report.get("rejected").get("rows").get(0);
			assertThat(rejection.get("file").asString()).isEqualTo("bad.csv");
			assertThat(rejection.get("reason").asString()).as(file.getKey()).contains(file.getKey().equals("wrong header")
					? "unknown column 'Crime'" : file.getKey());
			assertThat(rejection.get("line").asLong()).isEqualTo(file.getKey().equals("wrong header") ? 1 : 3);
		}
		JsonNode profile = this.demand.get("analyst", "/api/v1/demand/profile?from=2037-01-01&to=2037-01-31");
		assertThat(profile.get("total").asDouble()).isZero();
	}

	List<DemandApi.File> files() {
		List<DemandApi.File> files = new ArrayList<>();
		for (String sample : SAMPLES) {
			try {
				files.add(new DemandApi.File(sample,
						new ClassPathResource("demand/police-uk/" + sample).getInputStream().readAllBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files;
	}

	static Map<String, String[]> lookup(String resource, String lsoaColumn) {
		Map<String, String[]> lookup = new HashMap<>();
		for (NamedCsvRecord row : csv(resource)) {
			lookup.put(row.getField(lsoaColumn), new String[] { row.getField("WD18CD"), row.getField("LAD18CD") });
		}
		return lookup;
	}

	static List<NamedCsvRecord> csv(String resource) {
		try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
			List<NamedCsvRecord> rows = new ArrayList<>();
			CsvReader.builder().ofNamedCsvRecord(reader).forEach(rows::add);
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
