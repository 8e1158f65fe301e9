package org.ringfence.platform;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Prometheus metrics at /actuator/prometheus: administrators read request latency, import rows,
 * solver runs and report times; every other role is refused (403), anonymous callers must
 * authenticate (401); health stays open.
 */
@IntegrationTest
class OperationsMetricsIT {

	@LocalServerPort
	int port;

	@Autowired
	Metrics metrics;

	@Autowired
	JdbcClient jdbc;

	@Test
	void administratorsReadTheApplicationsFigures() {
		Api api = new Api(this.port);
		// other tests share this application: the counts are compared with those before this test's calls
		String before = api.get("admin", "/actuator/prometheus").body();
		assertThat(api.get("admin", "/api/v1/reports/abstraction?month=2026-10").status()).isEqualTo(200);
		assertThat(api.get("admin", "/api/v1/demand/profile?borough=E09000007").status()).isEqualTo(200);
		String[] person = this.jdbc.sql("""
				select p.service_number, po.ward_code from workforce.person p
				join workforce.posting po on po.person_id = p.id
				where po.ward_code is not null and po.start_date <= current_date
				  and (po.end_date is null or po.end_date > current_date)
				order by p.id limit 1""").query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		String serviceNumber = person[0];
		String ward = person[1];
		String csv = "service_number,kind,date,start,end,ward_code,place,activity_code\n" + serviceNumber
				+ ",PLANNED,2047-03-01,07:00,15:00," + ward + ",,SN_WARD\n" + serviceNumber + ",PLANNED,2047-03-02,07:00,15:00,"
				+ ward + ",,SN_WARD\n" + serviceNumber + ",PLANNED,2047-03-03,07:00,15:00,NOT-A-WARD,,SN_WARD\n";
		Api.Response rejected = api.post("admin", "/api/v1/imports/duties", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(422);
		String valid = csv.substring(0, csv.lastIndexOf(serviceNumber + ",PLANNED,2047-03-03"));
		Api.Response stored = api.post("admin", "/api/v1/imports/duties", "text/csv", valid.getBytes(StandardCharsets.UTF_8));
		assertThat(stored.status()).as(stored.body()).isBetween(200, 201);
		byte[] instance;
		try (var in = getClass().getResourceAsStream("/shifts/msd/DataSet1-RandomExample1.txt")) {
			instance = in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		Api.Response designed = api.post("admin", "/api/v1/shift-design/msd?seconds=1", "text/plain", instance);
		assertThat(designed.status()).as(designed.body()).isEqualTo(200);
		assertThat(this.metrics.solverRun("test-solver", () -> 42)).isEqualTo(42);
		assertThatThrownBy(() -> this.metrics.solverRun("test-solver", () -> {
			throw new IllegalStateException("no solution");
		})).hasMessage("no solution");

		Api.Response scrape = api.get("admin", "/actuator/prometheus");

		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.contentType()).startsWith("text/plain");
		String text = scrape.body();
		assertThat(text).contains("http_server_requests_seconds_count{")
			.containsPattern("ringfence_report_time_seconds_count\\{[^}]*report=\"abstraction\"")
			.containsPattern("ringfence_report_time_seconds_count\\{[^}]*report=\"demand-profile\"");
		assertThat(increase(before, text, "ringfence_import_rows_total", "kind=\"duties\"", "outcome=\"stored\"")).isEqualTo(2);
		assertThat(increase(before, text, "ringfence_import_rows_total", "kind=\"duties\"", "outcome=\"rejected\"")).isEqualTo(1);
		assertThat(increase(before, text, "ringfence_solver_runs_seconds_count", "outcome=\"ok\"", "solver=\"test-solver\""))
			.isEqualTo(1);
		assertThat(increase(before, text, "ringfence_solver_runs_seconds_count", "outcome=\"failed\"",
				"solver=\"test-solver\"")).isEqualTo(1);
		assertThat(increase(before, text, "ringfence_solver_runs_seconds_count", "outcome=\"ok\"", "solver=\"shift-design\""))
			.isEqualTo(1);
	}

	@Test
	void everyOtherRoleIsRefusedAndAnonymousCallersMustAuthenticate() {
		Api api = new Api(this.port);
		for (String user : new String[] { "analyst", "oversight", "controller", "supt.camden", "smt.camden",
				"inspector.camden", "sergeant.camden", "officer.camden", "resources.camden" }) {
			Api.Response refused = api.get(user, "/actuator/prometheus");
			assertThat(refused.status()).as(user).isEqualTo(403);
			assertThat(refused.body()).doesNotContain("http_server_requests");
		}
		Api.Response anonymous = api.get(null, "/actuator/prometheus");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(api.get(null, "/actuator/metrics").status()).isIn(401, 404);
		assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
	}


	/** How much a series (the metric with these labels) grew between two scrapes (absent = 0). */
	static double increase(String before, String after, String metric, String... labels) {
		return value(after, metric, labels) - value(before, metric, labels);
	}

	static double value(String scrape, String metric, String... labels) {
		for (String line : scrape.split("\n")) {
			if (!line.startsWith(metric + "{")) {
				continue;
			}
			String head = line.substring(0, line.lastIndexOf('}') + 1);
			if (java.util.Arrays.stream(labels).allMatch(head::contains)) {
				return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return 0;
	}

}
