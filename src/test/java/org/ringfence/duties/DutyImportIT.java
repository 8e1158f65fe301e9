package org.ringfence.duties;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ringfence.duties.DutyCsvFixture.WardPerson;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v1/imports/duties over HTTP against the demo database. Each test uses its own people
 * and dates from 2031 on, so that it clashes neither with the others nor with other tests.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DutyImportIT {

	static final String CAMDEN = "E09000007";

	static final String HACKNEY = "E09000012";

	static final String PATH = "/api/v1/imports/duties";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	DutyCsvFixture fixture;

	List<WardPerson> camden;

	List<WardPerson> hackney;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.fixture = new DutyCsvFixture(this.jdbc);
		this.camden = this.fixture.wardPeople(Optional.of(CAMDEN));
		this.hackney = this.fixture.wardPeople(Optional.of(HACKNEY));
		assertThat(this.camden).hasSizeGreaterThan(10);
		assertThat(this.hackney).isNotEmpty();
	}

	Api.Response csv(String user, String query, String body) {
		return this.api.post(user, PATH + query, "text/csv; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
	}

	/** The person's stored duties in 2031 and 2032 (the 20,000-row test gives everyone duties in 2033). */
	long storedDuties(long personId) {
		return this.jdbc.sql("select count(*) from duties.duty where person_id = ? and duty_date >= date '2031-01-01' and duty_date < date '2033-01-01'")
			.param(personId)
			.query(Long.class)
			.single();
	}

	static String row(WardPerson person, String kind, String date, String start, String end, String code) {
		return person.serviceNumber() + "," + kind + "," + date + "," + start + "," + end + "," + person.wardCode() + ",,"
				+ code + "\n";
	}

	@Test
	void aFileWithBadRowsIsRejectedWithEveryProblemAndNothingStored() {
		WardPerson a = this.camden.get(0);
		WardPerson b = this.camden.get(1);
		String file = DutyCsvFixture.HEADER + row(a, "PLANNED", "2031-01-05", "07:00", "15:00", "SN_WARD") // 2 good
				+ "ZZ99999,PLANNED,2031-01-05,07:00,15:00,,,SN_WARD\n" // 3 unknown officer
				+ row(a, "ACTUAL", "2031-10-25", "08:00", "08:00", "SN_WARD") // 4 25 h over the clock change
				+ row(a, "PLANNED", "2031-13-01", "07:00", "15:00", "SN_WARD") // 5 bad date
				+ row(b, "PLANNED", "2031-01-06", "07:00", "15:00", "NO_SUCH_CODE") // 6 unknown code
				+ row(a, "PLANNED", "2031-01-05", "10:00", "18:00", "SN_WARD") // 7 overlaps line 2
				+ row(b, "PLANNED", "2031-01-07", "07:00", "15:00", "SN_WARD") // 8 good
				+ row(b, "PLANNED", "2031-01-07", "07:00", "15:00", "SN_WARD") // 9 duplicate of 8
				+ a.serviceNumber() + ",PLANNED,2031-01-08,07:00,15:00,E05999999,\"=cmd|' /C calc'!A0\",SN_WARD\n"; // 10
		Api.Response response = csv("admin", "", file);
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode report = response.json().get("report");
		assertThat(report.get("rowsRead").asInt()).isEqualTo(9);
		assertThat(report.get("stored").asInt()).isZero();
		List<String> problems = new ArrayList<>();
		report.get("rejected").forEach(p -> problems.add(p.get("file").asString() + ":" + p.get("line").asInt() + ":"
				+ p.get("column").asString() + ":" + p.get("reason").asString()));
		System.out.println("Rejected: " + String.join("\n  ", problems));
		assertThat(problems).hasSize(7);
		assertThat(problems.get(0)).startsWith("(request body):3:service_number:no person has service number ZZ99999");
		assertThat(problems.get(1)).startsWith("(request body):4:end:a tour lasts at most 24 hours");
		assertThat(problems.get(2)).startsWith("(request body):5:date:not a date");
		assertThat(problems.get(3)).startsWith("(request body):6:activity_code:unknown activity code NO_SUCH_CODE");
		assertThat(problems.get(4)).startsWith("(request body):7:start:overlaps the planned duty on line 2");
		assertThat(problems.get(5)).startsWith("(request body):9:start:the same person, kind and start as line 8");
		assertThat(problems.get(6)).startsWith("(request body):10:ward_code:unknown ward E05999999");
		assertThat(report.get("problemCount").asInt()).isEqualTo(7);
		assertThat(report.get("rejectedRows").asInt()).isEqualTo(7);
		assertThat(response.json().get("errors")).hasSize(7);
		assertThat(storedDuties(a.id()) + storedDuties(b.id())).isZero();
	}

	@Test
	void theSameFileImportedTwiceIsStoredOnceAndChangesAreRefused() {
		WardPerson person = this.camden.get(2);
		String file = DutyCsvFixture.validFile(List.of(person), 7, LocalDate.of(2031, 2, 2))
				+ person.serviceNumber() + ",ACTUAL,2031-02-02,22:00,06:00,,\"@Central aid, Westminster\",AB_CENTRAL\n";
		JsonNode first = json(csv("admin", "", file), 200);
		assertThat(first.get("rowsRead").asInt()).isEqualTo(8);
		assertThat(first.get("stored").asInt()).isEqualTo(8);
		assertThat(first.get("unchanged").asInt()).isZero();
		assertThat(first.get("rejected")).isEmpty();
		long importsAudited = this.jdbc.sql("select count(*) from audit.entry where entity_type = 'duty import'")
			.query(Long.class)
			.single();
		JsonNode second = json(csv("admin", "", file), 200);
		assertThat(second.get("stored").asInt()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit.entry where entity_type = 'duty import'")
			.query(Long.class)
			.single()).as("an import that changes nothing leaves no audit entry").isEqualTo(importsAudited);
		assertThat(second.get("unchanged").asInt()).isEqualTo(8);
		assertThat(storedDuties(person.id())).isEqualTo(8);
		assertThat(this.jdbc.sql("select place from duties.duty where person_id = ? and kind = 'ACTUAL' and duty_date >= date '2031-01-01'")
			.param(person.id())
			.query(String.class)
			.single()).isEqualTo("@Central aid, Westminster");

		JsonNode dryRun = json(csv("admin", "?dryRun=true", file + row(person, "PLANNED", "2031-02-20", "07:00", "15:00",
				"SN_WARD")), 200);
		assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
		assertThat(dryRun.get("stored").asInt()).isEqualTo(1);
		assertThat(storedDuties(person.id())).isEqualTo(8);

		String changed = DutyCsvFixture.HEADER + row(person, "PLANNED", "2031-02-02", "07:00", "16:00", "SN_WARD")
				+ row(person, "PLANNED", "2031-02-03", "14:00", "22:00", "SN_WARD");
		Api.Response refused = csv("admin", "", changed);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		JsonNode rejected = refused.json().get("report").get("rejected");
		assertThat(rejected.get(0).get("reason").asString()).matches("differs from the stored duty \\d+: use the duty API to change it");
		assertThat(rejected.get(1).get("reason").asString()).startsWith("overlaps the stored planned duty ")
			.endsWith("(2031-02-03 07:00 to 2031-02-03 15:00)");
		assertThat(storedDuties(person.id())).isEqualTo(8);
	}

	@Test
	void aResourceOfficeImportsOnlyItsOwnBoroughAndOthersAreRefused() {
		WardPerson hackneyOfficer = this.hackney.get(0);
		WardPerson camdenOfficer = this.camden.get(3);
		String outside = DutyCsvFixture.HEADER + row(camdenOfficer, "PLANNED", "2032-03-01", "07:00", "15:00", "SN_WARD")
				+ row(hackneyOfficer, "PLANNED", "2032-03-01", "07:00", "15:00", "SN_WARD");
		Api.Response refused = csv("resources.camden", "", outside);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		JsonNode rejected = refused.json().get("report").get("rejected");
		assertThat(rejected).hasSize(1);
		assertThat(rejected.get(0).get("line").asInt()).isEqualTo(3);
		assertThat(rejected.get(0).get("reason").asString()).contains("no one posted in your scope today");
		// an unknown service number gets the very same answer, so a borough learns nothing about others
		Api.Response unknown = csv("resources.camden", "",
				DutyCsvFixture.HEADER + "ZZ99998,PLANNED,2032-03-02,07:00,15:00,,,SN_WARD\n");
		assertThat(unknown.json().get("report").get("rejected").get(0).get("reason").asString())
			.isEqualTo(rejected.get(0).get("reason").asString());
		assertThat(storedDuties(hackneyOfficer.id()) + storedDuties(camdenOfficer.id())).isZero();

		// two files as multipart, one with semicolons and a byte order mark
		String semicolons = "\uFEFF" + DutyCsvFixture.HEADER.replace(',', ';')
				+ row(camdenOfficer, "ACTUAL", "2032-03-01", "07:00", "15:00", "SN_WARD").replace(',', ';');
		JsonNode report = json(multipart("resources.camden", "", List.of("planned.csv", "../../actual.csv"),
				List.of(DutyCsvFixture.HEADER + row(camdenOfficer, "PLANNED", "2032-03-01", "07:00", "15:00", "SN_WARD"),
						semicolons)), 200);
		assertThat(report.get("files").toString()).isEqualTo("[\"planned.csv\",\"actual.csv\"]");
		assertThat(report.get("stored").asInt()).isEqualTo(2);
		assertThat(this.jdbc.sql("select source from duties.duty where person_id = ? and duty_date = date '2032-03-01' order by kind")
			.param(camdenOfficer.id())
			.query(String.class)
			.list()).containsExactly("csv import: actual.csv", "csv import: planned.csv");

		Api.Response oversight = csv("oversight", "", outside);
		assertThat(oversight.status()).isEqualTo(403);
		assertThat(oversight.contentType()).startsWith("application/problem+json");
		assertThat(csv("officer.camden", "", outside).status()).isEqualTo(403);
		Api.Response anonymous = csv(null, "", outside);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(storedDuties(hackneyOfficer.id())).isZero();
	}

	@Test
	void twentyThousandRowsImport() {
		measure(20_000, LocalDate.of(2033, 1, 1));
	}

	/** Run with -DdutyImportRows=200000 to measure a larger file. */
	@Test
	@EnabledIfSystemProperty(named = "dutyImportRows", matches = "[0-9]+")
	void aLargeFileImports() {
		measure(Integer.parseInt(System.getProperty("dutyImportRows")), LocalDate.of(2040, 1, 1));
	}

	void measure(int rows, LocalDate first) {
		List<WardPerson> people = this.fixture.wardPeople(Optional.empty());
		String file = DutyCsvFixture.validFile(people, rows, first);
		long started = System.nanoTime();
		JsonNode report = json(csv("admin", "", file), 200);
		long wallMs = (System.nanoTime() - started) / 1_000_000;
		assertThat(report.get("rowsRead").asInt()).isEqualTo(rows);
		assertThat(report.get("stored").asInt()).isEqualTo(rows);
		long serverMs = Math.max(1, report.get("durationMs").asLong());
		System.out.printf("Duty import of %,d rows (%,d people, %.1f MB): %,d ms in the service (%,d rows/s), %,d ms over HTTP (%,d rows/s)%n",
				rows, people.size(), file.length() / 1e6, serverMs, rows * 1000L / serverMs, wallMs,
				rows * 1000L / Math.max(1, wallMs));
		started = System.nanoTime();
		JsonNode again = json(csv("admin", "", file), 200);
		System.out.printf("Same %,d rows again (all unchanged): %,d ms%n", rows, (System.nanoTime() - started) / 1_000_000);
		assertThat(again.get("unchanged").asInt()).isEqualTo(rows);
	}

	static JsonNode json(Api.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response.json();
	}

	Api.Response multipart(String user, String query, List<String> names, List<String> files) {
		String boundary = "----duty-import-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (int i = 0; i < files.size(); i++) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + names.get(i)
					+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(files.get(i).getBytes(StandardCharsets.UTF_8));
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.api.post(user, PATH + query, "multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

}
