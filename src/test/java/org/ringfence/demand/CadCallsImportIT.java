package org.ringfence.demand;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * CAD calls of 2035 (a year no other data uses) through the import, with other column names mapped,
 * then profiles of a ward, its cluster, its borough and London for whole and part months, each
 * checked against the test's own sums of the calls it sent.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CadCallsImportIT {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final String CAMDEN = "E09000007";

	static final String THEFT = "ITTEST Theft";

	static final String ASB = "ITTEST ASB - nuisance";

	static final String WEIGHTED = "ITTEST weighted";

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	DemandApi demand;

	String ward;

	String sameCluster;

	String otherCluster;

	String located;

	ClusterSummary cluster;

	/** A call as sent and where it should be counted. */
	record Call(String reference, LocalDateTime received, String ward, String category) {

		boolean asb() {
			return this.category.equals(ASB);
		}

		double weight() {
			return this.category.equals(WEIGHTED) ? 2.5 : 1;
		}

	}

	final List<Call> accepted = new ArrayList<>();

	JsonNode report;

	@BeforeAll
	void importCalls() {
		this.demand = new DemandApi(this.port);
		this.cluster = this.geography.clusters(Optional.of(CAMDEN)).get(0);
		this.ward = this.cluster.wardCodes().get(0);
		this.sameCluster = this.cluster.wardCodes().get(1);
		this.otherCluster = this.geography.clusters(Optional.of(CAMDEN)).get(1).wardCodes().get(0);
		this.located = this.geography.locate(51.5390, -0.1426).orElseThrow().wardCode();
		StringBuilder csv = new StringBuilder("Incident Number,Logged,Ward,Lat,Lon,Call Type,Priority,On Scene,Notes\n");
		String[] wards = { this.ward, this.sameCluster, this.otherCluster };
		String[] categories = { THEFT, ASB, WEIGHTED, THEFT };
		LocalDateTime start = LocalDateTime.of(2035, 1, 1, 0, 7);
		for (int i = 0; i < 400; i++) {
			LocalDateTime at = start.plusMinutes(i * 317L);
			String category = categories[i % categories.length];
			String reference = "IT2035-" + i;
			if (i % 10 == 9) {
				csv.append(reference).append(',').append(at.toLocalDate()).append(' ').append(at.toLocalTime())
					.append(",,51.5390,-0.1426,").append(category).append(",I,,\n");
				this.accepted.add(new Call(reference, at, this.located, category));
			}
			else {
				String ward = wards[i % wards.length];
				csv.append(reference).append(',').append(at.toLocalDate()).append(' ').append(at.toLocalTime())
					.append(',').append(ward).append(",,,").append(category).append(",S,").append(i % 60).append(",note\n");
				this.accepted.add(new Call(reference, at, ward, category));
			}
		}
		// the same reference again, an unknown ward, no location, a point outside London
		csv.append("IT2035-5,2035-02-02 10:00,").append(this.ward).append(",,,").append(THEFT).append(",S,,\n");
		csv.append("IT2035-U1,2035-02-02 10:00,E05999999,,,").append(THEFT).append(",S,,\n");
		csv.append("IT2035-U2,2035-02-02 10:00,,,,").append(THEFT).append(",S,,\n");
		csv.append("IT2035-U3,2035-02-02 10:00,,52.2053,0.1218,").append(THEFT).append(",S,,\n");
		Api.Response accepted = this.demand.api.send("analyst", Api.PASSWORD, java.net.http.HttpRequest
			.newBuilder(this.demand.api.uri("/api/v1/imports/cad-calls?columns=received%3DLogged"))
			.header("Content-Type", "text/csv")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv.toString())));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		JsonNode job = this.demand.await(accepted.json().get("statusUrl").asString());
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
		this.report = job.get("report");
		Api.Response weighted = this.demand.api.put("admin", "/api/v1/demand/weights",
				"{\"category\":\"" + WEIGHTED + "\",\"weight\":2.5}");
		assertThat(weighted.status()).as(weighted.body()).isEqualTo(200);
	}

	@Test
	void theReportCountsEveryRowOnceAndTheUnmatchedByReason() {
		assertThat(this.report.get("rowsRead").asLong()).isEqualTo(404);
		assertThat(this.report.get("stored").asLong()).isEqualTo(400);
		assertThat(this.report.get("duplicate").asLong()).isEqualTo(1);
		assertThat(DemandApi.unmatchedByReason(this.report)).isEqualTo(
				Map.of("unknown-ward", 1L, "no-location", 1L, "point-outside-met", 1L));
		assertThat(this.report.get("details").get("placedBy").get("coordinates").asLong()).isEqualTo(40);
		assertThat(this.report.get("details").get("ignoredColumns").get(0).asString()).isEqualTo("Notes");
	}

	@Test
	void importingTheSameCallsAgainStoresNothing() {
		StringBuilder csv = new StringBuilder("reference,received,ward_code,category,grade\n");
		for (Call call : this.accepted.subList(0, 50)) {
			csv.append(call.reference()).append(',').append(call.received()).append(',').append(call.ward()).append(',')
				.append(call.category()).append(",S\n");
		}
		JsonNode before = profile("borough=" + CAMDEN, "2035-01-01", "2035-03-31", "all");
		JsonNode job = this.demand.importAndWait("/api/v1/imports/cad-calls", List.of(DemandApi.File.of("again.csv",
				csv.toString())));
		assertThat(job.get("report").get("stored").asLong()).isZero();
		assertThat(job.get("report").get("duplicate").asLong()).isEqualTo(50);
		assertThat(profile("borough=" + CAMDEN, "2035-01-01", "2035-03-31", "all")).isEqualTo(before);
	}

	@Test
	void profilesSumToTheCallsBehindThemForAnyScopeAndPeriod() {
		Map<String, Predicate<Call>> scopes = Map.of("ward=" + this.ward, c -> c.ward().equals(this.ward),
				"cluster=" + this.cluster.id(), c -> this.cluster.wardCodes().contains(c.ward()), "borough=" + CAMDEN,
				c -> this.geography.placeOfWard(c.ward()).boroughCode().equals(CAMDEN), "", c -> true);
		List<LocalDate[]> periods = List.of(new LocalDate[] { LocalDate.of(2035, 1, 1), LocalDate.of(2035, 3, 31) },
				new LocalDate[] { LocalDate.of(2035, 1, 15), LocalDate.of(2035, 2, 10) },
				new LocalDate[] { LocalDate.of(2035, 2, 3), LocalDate.of(2035, 2, 3) },
				new LocalDate[] { LocalDate.of(2034, 12, 1), LocalDate.of(2035, 1, 31) });
		for (Map.Entry<String, Predicate<Call>> scope : scopes.entrySet()) {
			for (LocalDate[] period : periods) {
				for (String kind : List.of("all", "calls", "asb", "tno")) {
					JsonNode profile = profile(scope.getKey(), period[0].toString(), period[1].toString(), kind);
					String what = scope.getKey() + " " + period[0] + ".." + period[1] + " " + kind;
					List<Call> behind = this.accepted.stream()
						.filter(scope.getValue())
						.filter(c -> !c.received().toLocalDate().isBefore(period[0]) && !c.received().toLocalDate().isAfter(period[1]))
						.filter(c -> kind.equals("all") || kind.equals("calls") || (kind.equals("asb") && c.asb()))
						.toList();
					double total = behind.stream().mapToDouble(Call::weight).sum();
					assertThat(profile.get("total").asDouble()).as(what).isCloseTo(total, within(1e-9));
					assertThat(profile.get("untimed").asDouble()).as(what).isZero();
					double[] hours = new double[168];
					behind.forEach(c -> {
						ZonedDateTime at = c.received().atZone(LONDON);
						hours[(at.getDayOfWeek().getValue() - 1) * 24 + at.getHour()] += c.weight();
					});
					for (int h = 0; h < 168; h++) {
						assertThat(profile.get("hourOfWeek").get(h).asDouble()).as(what + " hour " + h)
							.isCloseTo(hours[h], within(1e-9));
					}
					double byMonth = 0;
					for (JsonNode month : profile.get("byMonth")) {
						YearMonth m = YearMonth.parse(month.get("month").asString());
						double expected = behind.stream()
							.filter(c -> YearMonth.from(c.received()).equals(m))
							.mapToDouble(Call::weight)
							.sum();
						assertThat(month.get("total").asDouble()).as(what + " " + m).isCloseTo(expected, within(1e-9));
						byMonth += month.get("total").asDouble();
					}
					assertThat(byMonth).as(what).isCloseTo(total, within(1e-9));
				}
			}
		}
	}

	@Test
	void theProfileSaysWhereAndWhatAndThatTotalsAreWeighted() {
		JsonNode profile = profile("cluster=" + this.cluster.id(), "2035-01-01", "2035-03-31", "calls");
		assertThat(profile.get("scope").get("type").asString()).isEqualTo("cluster");
		assertThat(profile.get("scope").get("code").asString()).isEqualTo(this.cluster.id());
		assertThat(profile.get("scope").get("wards").asInt()).isEqualTo(this.cluster.wardCodes().size());
		assertThat(profile.get("from").asString()).isEqualTo("2035-01-01");
		assertThat(profile.get("kind").asString()).isEqualTo("calls");
		assertThat(profile.get("hourOfWeek")).hasSize(168);
		assertThat(profile.get("byMonth")).hasSize(3);
		assertThat(profile.get("weighted").asBoolean()).isTrue();
		assertThat(profile.get("records").get("cad").asLong()).isPositive();
	}

	@Test
	void badParametersAreRefusedClearly() {
		assertThat(this.demand.api.get("analyst", "/api/v1/demand/profile?ward=" + this.ward + "&borough=" + CAMDEN).status())
			.isEqualTo(400);
		assertThat(this.demand.api.get("analyst", "/api/v1/demand/profile?kind=crime").status()).isEqualTo(400);
		assertThat(this.demand.api.get("analyst", "/api/v1/demand/profile?from=2035-02-01&to=2035-01-01").status())
			.isEqualTo(400);
		assertThat(this.demand.api.get("analyst", "/api/v1/demand/profile?ward=E05999999").status()).isEqualTo(404);
		assertThat(this.demand.api.get("analyst", "/api/v1/imports/00000000-0000-0000-0000-000000000000").status())
			.isEqualTo(404);
	}

	@Test
	void theRankingPutsTheBusiestWardFirst() {
		JsonNode ranking = this.demand.get("analyst", "/api/v1/demand/ranking?borough=" + CAMDEN
				+ "&from=2035-01-01&to=2035-03-31&kind=calls");
		JsonNode wards = ranking.get("wards");
		assertThat(wards).hasSize(this.geography.wards(Optional.of(CAMDEN)).size());
		for (int i = 1; i < wards.size(); i++) {
			assertThat(wards.get(i).get("total").asDouble()).isLessThanOrEqualTo(wards.get(i - 1).get("total").asDouble());
			assertThat(wards.get(i).get("rank").asInt()).isEqualTo(i + 1);
		}
		double expected = this.accepted.stream().filter(c -> c.ward().equals(this.ward)).mapToDouble(Call::weight).sum();
		JsonNode mine = null;
		for (JsonNode w : wards) {
			if (w.get("wardCode").asString().equals(this.ward)) {
				mine = w;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.get("total").asDouble()).isCloseTo(expected, within(1e-9));
	}

	JsonNode profile(String scope, String from, String to, String kind) {
		return this.demand.get("analyst", "/api/v1/demand/profile?" + (scope.isEmpty() ? "" : scope + "&") + "from=" + from
				+ "&to=" + to + "&kind=" + kind);
	}

}
