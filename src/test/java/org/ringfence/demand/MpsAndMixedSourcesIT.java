package org.ringfence.demand;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Met's ward counts (the real file, loaded at first start, and hand-made files of 2034), one
 * ward with every source at once in 2036 (so that each measure takes one source per month), the
 * figures other modules read, local factors, and jobs left behind by a stopped instance.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MpsAndMixedSourcesIT {

	static final String CAMDEN = "E09000007";

	static final String MPS_HEADER = "MajorText,MinorText,WardName,WardCode,LookUp_BoroughName";

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	@Autowired
	WardDemand wardDemand;

	@Autowired
	ImportRunner runner;

	@Autowired
	JdbcClient jdbc;

	DemandApi demand;

	String ward;

	String otherWard;

	@BeforeAll
	void client() {
		this.demand = new DemandApi(this.port);
		List<String> wards = this.geography.wards(Optional.of(CAMDEN)).stream().map(w -> w.code()).toList();
		this.ward = wards.get(wards.size() - 1);
		this.otherWard = wards.get(wards.size() - 2);
	}

	@Test
	void theMetsCountsMatchTheFilesTotalsPerWardAndMonthAndAgainAreAllDuplicates() throws IOException {
		byte[] file = new ClassPathResource("data/london/mps-ward-level-crime-2020-04_2022-03.csv").getInputStream()
			.readAllBytes();
		Map<String, Long> expected = new TreeMap<>();
		List<String> header = null;
		long lines = 0;
		try (Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(file), StandardCharsets.UTF_8)) {
			for (CsvRecord row : CsvReader.builder().ofCsvRecord(reader)) {
				if (header == null) {
					header = row.getFields();
					continue;
				}
				lines++;
				for (int i = 5; i < row.getFieldCount(); i++) {
					String month = header.get(i).substring(0, 4) + "-" + header.get(i).substring(4);
					expected.merge(row.getField(3) + " " + month, Long.parseLong(row.getField(i)), Long::sum);
				}
			}
		}
		JsonNode job = this.demand.importAndWait("/api/v1/imports/mps-ward-crime",
				List.of(new DemandApi.File("mps.csv", file)));
		assertThat(job.get("status").asString()).isEqualTo("succeeded");
		assertThat(job.get("report").get("rowsRead").asLong()).isEqualTo(lines);
		assertThat(job.get("report").get("duplicate").asLong()).isEqualTo(lines);
		assertThat(job.get("report").get("stored").asLong()).isZero();
		assertThat(job.get("report").get("unmatched").get("total").asLong()).isZero();
		Map<String, Long> held = new TreeMap<>();
		for (YearMonth month = YearMonth.of(2020, 4); !month.isAfter(YearMonth.of(2022, 3)); month = month.plusMonths(1)) {
			YearMonth m = month;
			this.demand.get("analyst", "/api/v1/demand/ranking?kind=tno&from=" + m.atDay(1) + "&to=" + m.atEndOfMonth())
				.get("wards")
				.forEach(w -> held.put(w.get("wardCode").asString() + " " + m, Math.round(w.get("total").asDouble())));
		}
		assertThat(held).isEqualTo(expected);
	}

	@Test
	void unknownWardCodesAreReportedAndARevisedCountReplacesTheStoredOne() {
		String file = MPS_HEADER + ",203401,203402,203403\n" + "Burglary,Domestic Burglary,A," + this.ward + ",Camden,1,2,3\n"
				+ "Theft,Other Theft,A," + this.ward + ",Camden,4,0,6\n"
				+ "Theft,Other Theft,Nowhere,E05999999,Nowhere,9,9,9\n";
		JsonNode job = this.demand.importAndWait("/api/v1/imports/mps-ward-crime", List.of(DemandApi.File.of("m.csv", file)));
		JsonNode report = job.get("report");
		assertThat(job.get("status").asString()).isEqualTo("succeeded");
		assertThat(report.get("stored").asLong()).isEqualTo(2);
		assertThat(DemandApi.unmatchedByReason(report)).isEqualTo(Map.of("unknown-ward", 1L));
		assertThat(report.get("unmatched").get("examples").get(0).get("row").asString()).contains("E05999999");
		assertThat(report.get("unmatched").get("examples").get(0).get("line").asLong()).isEqualTo(4);
		assertThat(tno(this.ward, "2034-01-01", "2034-03-31")).isEqualTo(16);

		String revised = MPS_HEADER + ",203402\n" + "Burglary,Domestic Burglary,A," + this.ward + ",Camden,5\n"
				+ "Theft,Other Theft,A," + this.ward + ",Camden,0\n";
		JsonNode again = this.demand.importAndWait("/api/v1/imports/mps-ward-crime",
				List.of(DemandApi.File.of("m2.csv", revised)));
		assertThat(again.get("report").get("revised").asLong()).isEqualTo(1);
		assertThat(again.get("report").get("duplicate").asLong()).isEqualTo(1);
		assertThat(again.get("report").get("stored").asLong()).isZero();
		assertThat(tno(this.ward, "2034-02-01", "2034-02-28")).isEqualTo(5);
		assertThat(tno(this.ward, "2034-01-01", "2034-03-31")).isEqualTo(19);
	}

	@Test
	void aCountGivenTwiceWithDifferentValuesRejectsTheImport() {
		String file = MPS_HEADER + ",203405\n" + "Burglary,Domestic Burglary,A," + this.ward + ",Camden,1\n"
				+ "Burglary,Domestic Burglary,A," + this.ward + ",Camden,2\n";
		JsonNode job = this.demand.importAndWait("/api/v1/imports/mps-ward-crime", List.of(DemandApi.File.of("d.csv", file)));
		assertThat(job.get("status").asString()).isEqualTo("failed");
		assertThat(job.get("report").get("rejected").get("rows").get(0).get("line").asLong()).isEqualTo(3);
		assertThat(tno(this.ward, "2034-05-01", "2034-05-31")).isZero();
	}

	long tno(String ward, String from, String to) {
		return Math.round(this.demand.get("analyst", "/api/v1/demand/profile?ward=" + ward + "&kind=tno&from=" + from + "&to="
				+ to).get("total").asDouble());
	}

	@Test
	void eachMeasureTakesOneSourcePerWardAndMonthAndProfilesSumToTheRecordsBehindThem() {
		String lsoa = lsoaOf(this.ward);
		String police = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
				+ "Crime type,Last outcome category,Context\n" + row("mix-1", "2036-01", lsoa, "Burglary")
				+ row("mix-2", "2036-01", lsoa, "Vehicle crime") + row("", "2036-01", lsoa, "Anti-social behaviour")
				+ row("mix-3", "2036-02", lsoa, "Burglary") + row("mix-4", "2036-02", lsoa, "Burglary")
				+ row("mix-5", "2036-02", lsoa, "Robbery") + row("", "2036-02", lsoa, "Anti-social behaviour")
				+ row("", "2036-02", lsoa, "Anti-social behaviour");
		JsonNode policeJob = this.demand.importAndWait("/api/v1/imports/police-uk-street",
				List.of(DemandApi.File.of("2036.csv", police)));
		assertThat(policeJob.get("report").get("stored").asLong()).isEqualTo(8);
		String mps = MPS_HEADER + ",203602\n" + "Burglary,Domestic Burglary,A," + this.ward + ",Camden,7\n"
				+ "Theft,Other Theft,A," + this.ward + ",Camden,4\n";
		assertThat(this.demand.importAndWait("/api/v1/imports/mps-ward-crime", List.of(DemandApi.File.of("m.csv", mps)))
			.get("status")
			.asString()).isEqualTo("succeeded");
		String calls = "reference,received,ward_code,category,grade\n" + call("MIX-1", "2036-02-03 21:10", "ASB")
				+ call("MIX-2", "2036-02-12 09:00", "ASB") + call("MIX-3", "2036-02-14 10:00", "Theft")
				+ call("MIX-4", "2036-02-20 23:30", "Theft") + call("MIX-5", "2036-02-27 04:00", "Theft")
				+ call("MIX-6", "2036-03-01 12:00", "ASB") + call("MIX-7", "2036-03-02 12:00", "Theft")
				+ call("MIX-8", "2036-03-10 12:00", "Theft") + call("MIX-9", "2036-03-31 23:59", "Theft");
		assertThat(this.demand.importAndWait("/api/v1/imports/cad-calls", List.of(DemandApi.File.of("c.csv", calls)))
			.get("report")
			.get("stored")
			.asLong()).isEqualTo(9);

		// January: data.police.uk only; February: the Met's counts, and calls; March: calls only
		expect("tno", "2036-01-01", "2036-03-31", 2 + 11, 13, Map.of("2036-01", 2.0, "2036-02", 11.0, "2036-03", 0.0));
		expect("asb", "2036-01-01", "2036-03-31", 1 + 2 + 1, 1, Map.of("2036-01", 1.0, "2036-02", 2.0, "2036-03", 1.0));
		expect("calls", "2036-01-01", "2036-03-31", 9, 0, Map.of("2036-01", 0.0, "2036-02", 5.0, "2036-03", 4.0));
		expect("all", "2036-01-01", "2036-03-31", 3 + 11 + 5 + 4, 14, Map.of("2036-01", 3.0, "2036-02", 16.0, "2036-03", 4.0));
		// part of February: only the calls of those days count; records known by their month do not
		expect("all", "2036-02-10", "2036-03-31", 4 + 4, 0, Map.of("2036-02", 4.0, "2036-03", 4.0));
		expect("tno", "2036-02-10", "2036-03-31", 0, 0, Map.of("2036-02", 0.0, "2036-03", 0.0));
		expect("asb", "2036-02-01", "2036-02-01", 0, 0, Map.of("2036-02", 0.0));

		Api.Response added = this.demand.api.post("admin", "/api/v1/demand/local-factors", "application/json",
				("{\"wardCode\":\"" + this.ward + "\",\"kind\":\"HOSPITAL\",\"description\":\"Mixed test hospital\","
						+ "\"weight\":2}").getBytes(StandardCharsets.UTF_8));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		List<WardDemandFigures> figures = this.wardDemand.figures(Optional.of(CAMDEN), LocalDate.of(2036, 1, 1),
				LocalDate.of(2036, 3, 31));
		assertThat(figures).hasSize(this.geography.wards(Optional.of(CAMDEN)).size());
		assertThat(figures).extracting(WardDemandFigures::wardCode).isSorted();
		WardDemandFigures mine = figures.stream().filter(f -> f.wardCode().equals(this.ward)).findFirst().orElseThrow();
		assertThat(mine.tno()).isEqualTo(13);
		assertThat(mine.asb()).isEqualTo(4);
		assertThat(mine.calls()).isEqualTo(9);
		assertThat(mine.localFactors()).isCloseTo(2 * 3.0, within(1e-9));
		assertThat(mine.snDemand()).isCloseTo(13 + 4 + 6.0, within(1e-9));
		assertThat(figures).filteredOn(f -> !f.wardCode().equals(this.ward)).allMatch(f -> f.tno() == 0 && f.calls() == 0);
	}

	void expect(String kind, String from, String to, double total, double untimed, Map<String, Double> byMonth) {
		JsonNode profile = this.demand.get("analyst", "/api/v1/demand/profile?ward=" + this.ward + "&kind=" + kind + "&from="
				+ from + "&to=" + to);
		String what = kind + " " + from + ".." + to;
		assertThat(profile.get("total").asDouble()).as(what).isEqualTo(total);
		assertThat(profile.get("untimed").asDouble()).as(what).isEqualTo(untimed);
		double hours = 0;
		for (JsonNode h : profile.get("hourOfWeek")) {
			hours += h.asDouble();
		}
		assertThat(hours).as(what).isEqualTo(total - untimed);
		Map<String, Double> months = new HashMap<>();
		profile.get("byMonth").forEach(m -> months.put(m.get("month").asString(), m.get("total").asDouble()));
		assertThat(months).as(what).isEqualTo(byMonth);
	}

	static String row(String id, String month, String lsoa, String type) {
		return id + "," + month + ",Metropolitan Police Service,Metropolitan Police Service,,,On or near Somewhere," + lsoa
				+ ",Camden 001A," + type + ",,\n";
	}

	String call(String reference, String received, String category) {
		return reference + "," + received + "," + this.ward + "," + category + ",S\n";
	}

	static String lsoaOf(String ward) {
		try (Reader reader = new InputStreamReader(new ClassPathResource("data/london/lsoa11-to-ward2018.csv").getInputStream(),
				StandardCharsets.UTF_8)) {
			for (var row : CsvReader.builder().ofNamedCsvRecord(reader)) {
				if (row.getField("WD18CD").equals(ward)) {
					return row.getField("LSOA11CD");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException("No LSOA in " + ward);
	}

	@Test
	void aJobLeftRunningByAStoppedInstanceIsMarkedFailed() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into demand.import_job (id, kind, status, files, submitted_by, instance_id, started_at, heartbeat_at)
				values (?, 'cad-calls', 'running', '[{"name":"lost.csv","bytes":10}]', 'analyst', 'gone/1', now() - interval '5 minutes',
				        now() - interval '5 minutes')""").param(id).update();
		this.runner.failAbandoned();
		JsonNode job = this.demand.get("analyst", "/api/v1/imports/" + id);
		assertThat(job.get("status").asString()).isEqualTo("failed");
		assertThat(job.get("message").asString()).contains("stopped before it finished");
		assertThat(job.get("files").get(0).get("name").asString()).isEqualTo("lost.csv");
	}

	@Test
	void localFactorsAreKeptPerWardWithVersionsAndOnlyTheBoroughMayChangeThem() {
		Api api = this.demand.api;
		Api.Response added = api.post("smt.camden", "/api/v1/demand/local-factors", "application/json",
				("{\"wardCode\":\"" + this.otherWard + "\",\"kind\":\"NIGHT_TIME_ECONOMY\",\"description\":\"Camden Town clubs\","
						+ "\"weight\":12.5}").getBytes(StandardCharsets.UTF_8));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		long id = added.json().get("id").asLong();
		assertThat(added.json().get("version").asInt()).isZero();
		assertThat(api.post("supt.hackney", "/api/v1/demand/local-factors", "application/json",
				("{\"wardCode\":\"" + this.otherWard + "\",\"kind\":\"COLLEGE\",\"description\":\"x\",\"weight\":1}")
					.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
		Api.Response invalid = api.post("smt.camden", "/api/v1/demand/local-factors", "application/json",
				("{\"wardCode\":\"" + this.otherWard + "\",\"kind\":\"ZOO\",\"description\":\"\",\"weight\":-1}")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("kind").contains("description").contains("weight");
		Api.Response changed = api.put("supt.camden", "/api/v1/demand/local-factors/" + id,
				"{\"kind\":\"NIGHT_TIME_ECONOMY\",\"description\":\"Camden Town clubs and bars\",\"weight\":15,\"version\":0}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("version").asInt()).isEqualTo(1);
		assertThat(api.put("supt.camden", "/api/v1/demand/local-factors/" + id,
				"{\"kind\":\"OTHER\",\"description\":\"stale\",\"weight\":1,\"version\":0}").status()).isEqualTo(409);
		JsonNode list = this.demand.get("sergeant.camden", "/api/v1/demand/local-factors?ward=" + this.otherWard);
		assertThat(list).anySatisfy(f -> {
			assertThat(f.get("description").asString()).isEqualTo("Camden Town clubs and bars");
			assertThat(f.get("weight").asDouble()).isEqualTo(15.0);
			assertThat(f.get("changedBy").asString()).isEqualTo("supt.camden");
		});
		assertThat(this.demand.get("analyst", "/api/v1/audit?limit=1000").toString()).contains("local factor changed");
		Api.Response removed = api.send("smt.camden", Api.PASSWORD, java.net.http.HttpRequest
			.newBuilder(api.uri("/api/v1/demand/local-factors/" + id + "?version=1"))
			.DELETE());
		assertThat(removed.status()).isEqualTo(204);
		assertThat(this.demand.get("analyst", "/api/v1/demand/local-factors?ward=" + this.otherWard).toString())
			.doesNotContain("Camden Town clubs");
	}

}
