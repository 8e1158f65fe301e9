package org.ringfence.performance;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.duties.AbstractionReport;
import org.ringfence.duties.AbstractionReports;
import org.ringfence.duties.DutyKind;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The performance module over the whole application: activity entry, problems, surveys, the report and its totals. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerformanceIT {

	static final String CAMDEN = "E09000007";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AbstractionReports abstraction;

	@Autowired
	GeographyService geography;

	Api api;

	String sergeantWard;

	String otherCamdenWard;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.sergeantWard = this.api.get("sergeant.camden", "/api/v1/me").json().get("scopes").get(0).get("code").asString();
		this.otherCamdenWard = this.geography.wards(Optional.of(CAMDEN))
			.stream()
			.map(w -> w.code())
			.filter(w -> !w.equals(this.sergeantWard))
			.findFirst()
			.orElseThrow();
	}

	Api.Response csv(String user, String path, String body) {
		return this.api.post(user, path, "text/csv", body.getBytes(StandardCharsets.UTF_8));
	}

	Api.Response json(String user, String path, String body) {
		return this.api.post(user, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	long sql(String ward, String month) {
		return this.jdbc.sql("select coalesce(sum(count), 0) from performance.epic_activity where ward_code = ? and month = ?::date "
				+ "and measure <> 'meeting_attendance'").params(ward, month + "-01").query(Long.class).single();
	}

	@Test
	void aSergeantImportsActivityForTheirWardIdempotently() {
		String file = "ward_code,month,measure,count\n" + this.sergeantWard + ",2034-01,arrests,4\n" + this.sergeantWard
				+ ",2034-01,home_visits,9\n" + this.sergeantWard + ",2034-01,meeting_attendance,40\n";
		Api.Response first = csv("sergeant.camden", "/api/v1/performance/activity/import", file);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("created").asInt()).isEqualTo(3);
		Api.Response again = csv("sergeant.camden", "/api/v1/performance/activity/import", file);
		assertThat(again.json().get("unchanged").asInt()).isEqualTo(3);
		assertThat(again.json().get("created").asInt()).isZero();
		assertThat(sql(this.sergeantWard, "2034-01")).isEqualTo(13);
	}

	@Test
	void aBadFileIsRejectedWholeWithLineAndColumn() {
		Api.Response response = csv("sergeant.camden", "/api/v1/performance/activity/import",
				"ward_code,month,measure,count\n" + this.sergeantWard + ",2034-02,arrests,3\n" + this.sergeantWard
						+ ",2034-02,arrests,x\n");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body()).contains("line 3, column count");
		assertThat(sql(this.sergeantWard, "2034-02")).isZero();
	}

	@Test
	void aSergeantCannotEnterAnotherWardsActivity() {
		Api.Response response = csv("sergeant.camden", "/api/v1/performance/activity/import",
				"ward_code,month,measure,count\n" + this.otherCamdenWard + ",2034-03,arrests,3\n");
		assertThat(response.status()).isEqualTo(403);
		assertThat(sql(this.otherCamdenWard, "2034-03")).isZero();
	}

	/** A priority of the ward agreed on the day (through the neighbourhood module's API); its id. */
	long priority(String user, String ward, String agreedOn) {
		Api.Response created = json(user, "/api/v1/neighbourhoods/" + ward + "/priorities", """
				{"issue":"Youths gathering at the estate garages","category":"ASB - youth","action":"Evening patrols",				"agreedOn":"%s"}""".formatted(agreedOn));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	@Test
	void activityLinksOnlyToAPriorityOfItsOwnWard() {
		String today = java.time.LocalDate.now().toString();
		String thisMonth = java.time.YearMonth.now().toString();
		long own = priority("sergeant.camden", this.sergeantWard, today);
		Api.Response linked = json("sergeant.camden", "/api/v1/performance/activity", "{\"entries\":[{\"wardCode\":\""
				+ this.sergeantWard + "\",\"month\":\"" + thisMonth + "\",\"measure\":\"arrests\",\"count\":2,\"priorityId\":" + own
				+ "}]}");
		assertThat(linked.status()).as(linked.body()).isBetween(200, 201);
		assertThat(this.jdbc.sql("select count from performance.epic_activity where ward_code = ? and month = ?::date "
				+ "and measure = 'arrests' and priority_id = ?").params(this.sergeantWard, thisMonth + "-01", own).query(Long.class).single())
			.isEqualTo(2);
		long elsewhere = priority("admin", this.otherCamdenWard, today);
		for (long wrong : new long[] { elsewhere, 999_999_999L }) {
			Api.Response refused = json("sergeant.camden", "/api/v1/performance/activity", "{\"entries\":[{\"wardCode\":\""
					+ this.sergeantWard + "\",\"month\":\"2034-05\",\"measure\":\"arrests\",\"count\":2,\"priorityId\":" + wrong
					+ "}]}");
			assertThat(refused.status()).as(refused.body()).isEqualTo(422);
			assertThat(refused.json().get("code").asString()).isEqualTo("priority-link-refused");
		}
		assertThat(sql(this.sergeantWard, "2034-05")).isZero();
		JsonNode ward = this.api.get("analyst", "/api/v1/performance/report?month=" + thisMonth + "&level=ward&code="
				+ this.sergeantWard).json();
		assertThat(ward.get("activity").toString()).contains("Youths gathering at the estate garages");
	}

	@Test
	void aProblemMovesThroughTheStagesAndIsEvaluatedAtClose() {
		Api.Response opened = json("sergeant.camden", "/api/v1/performance/problems", "{\"wardCode\":\"" + this.sergeantWard
				+ "\",\"title\":\"Youths gathering at the estate garages\",\"category\":\"ASB - youth\",\"openedOn\":\"2034-05-01\"}");
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		long id = opened.json().get("id").asLong();
		String base = "/api/v1/performance/problems/" + id;
		assertThat(json("sergeant.camden", base + "/stage", "{\"stage\":\"IDENTIFY_PUBLIC_ISSUES\"}").status()).isEqualTo(409);
		assertThat(json("sergeant.camden", base + "/stage", "{\"stage\":\"ENGAGE\"}").status()).isEqualTo(200);
		assertThat(json("sergeant.camden", base + "/stage", "{\"stage\":\"RESEARCH\"}").status()).isEqualTo(409);
		assertThat(json("sergeant.camden", base + "/stage", "{\"stage\":\"RESEARCH\",\"reason\":\"profile incomplete\"}").status())
			.isEqualTo(200);
		assertThat(json("sergeant.camden", base + "/close", "{\"whatWasDone\":\"x\"}").status()).isEqualTo(409);
		long agreed = priority("sergeant.camden", this.sergeantWard, java.time.LocalDate.now().toString());
		Api.Response priority = json("sergeant.camden", base + "/links", "{\"kind\":\"PRIORITY\",\"refId\":" + agreed + "}");
		assertThat(priority.status()).as(priority.body()).isEqualTo(200);
		assertThat(json("sergeant.camden", base + "/links", "{\"kind\":\"PRIORITY\",\"refId\":999999999}").status())
			.isEqualTo(422);
		assertThat(json("sergeant.camden", base + "/links", "{\"kind\":\"FLEX_REQUEST\",\"refId\":999999}").status()).isEqualTo(422);
		assertThat(json("sergeant.camden", base + "/partners", "{\"organisation\":\"Camden Council ASB team\"}").status())
			.isEqualTo(200);
		for (String stage : new String[] { "ENGAGE", "IDENTIFY_PUBLIC_ISSUES", "INVESTIGATE_AND_ANALYSE",
				"ESTABLISH_PUBLIC_CHOICES", "PLAN_AND_ACTION", "REVIEW" }) {
			Api.Response moved = json("sergeant.camden", base + "/stage", "{\"stage\":\"" + stage + "\"}");
			assertThat(moved.status()).as(stage + " " + moved.body()).isEqualTo(200);
		}
		Api.Response closed = json("sergeant.camden", base + "/close",
				"{\"whatWasDone\":\"Diversion sessions with the youth service\",\"closedOn\":\"2034-06-30\"}");
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		JsonNode problem = closed.json();
		assertThat(problem.get("status").asString()).isEqualTo("CLOSED");
		assertThat(problem.get("evaluation").get("demand").get("available").asBoolean()).isFalse();
		assertThat(problem.get("history")).hasSize(10);
		assertThat(problem.get("history").get(2).get("reason").asString()).isEqualTo("profile incomplete");
		assertThat(json("sergeant.camden", base + "/stage", "{\"stage\":\"REVIEW\"}").status()).isEqualTo(409);
		long audited = this.jdbc.sql("select count(*) from audit.entry where entity_type = 'problem' and entity_id = ?")
			.param(Long.toString(id))
			.query(Long.class)
			.single();
		assertThat(audited).isGreaterThanOrEqualTo(11);
		JsonNode found = this.api.get("analyst", "/api/v1/performance/problems?text=garages&stage=REVIEW&status=CLOSED").json();
		assertThat(found.get("total").asLong()).isEqualTo(1);
		assertThat(found.get("items").get(0).get("id").asLong()).isEqualTo(id);
		assertThat(this.api.get("supt.hackney", "/api/v1/performance/problems?text=garages").json().get("total").asLong()).isZero();
	}

	@Test
	void theSurveyTestFlagsASignificantChangeAfterImport() {
		String file = "period,area_code,question,positives,sample_size\n2034-Q1,E09000007,satisfaction,200,400\n"
				+ "2034-Q2,E09000007,satisfaction,240,400\n2034-Q1,E09000007,feel_safe,50,100\n"
				+ "2034-Q2,E09000007,feel_safe,53,100\n";
		Api.Response imported = csv("analyst", "/api/v1/performance/surveys/import", file);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(csv("smt.camden", "/api/v1/performance/surveys/import", file).status()).isEqualTo(403);
		JsonNode outcomes = this.api.get("smt.camden", "/api/v1/performance/surveys?level=borough&code=" + CAMDEN
				+ "&period=2034-Q2").json().get("outcomes");
		JsonNode satisfaction = null;
		JsonNode safe = null;
		for (JsonNode o : outcomes) {
			if (o.get("question").asString().equals("satisfaction")) {
				satisfaction = o;
			}
			if (o.get("question").asString().equals("feel_safe")) {
				safe = o;
			}
		}
		assertThat(satisfaction.get("quarterOnQuarter").get("significant").asBoolean()).isTrue();
		assertThat(satisfaction.get("quarterOnQuarter").get("pValue").asDouble()).isCloseTo(0.004473649256611767, within(1e-12));
		assertThat(satisfaction.get("assessment").asString()).isEqualTo("better quarter on quarter");
		assertThat(safe.get("quarterOnQuarter").get("significant").asBoolean()).isFalse();
		assertThat(this.api.get("supt.hackney", "/api/v1/performance/surveys?level=borough&code=" + CAMDEN).status())
			.isEqualTo(403);
	}

	@Test
	void pagesShowTheReportAndWorkAProblemThroughItsForms() {
		org.ringfence.support.WebSession analyst = org.ringfence.support.WebSession.signIn(this.port, "analyst");
		org.ringfence.support.WebSession.Page report = analyst.get("/performance?month=2034-01&level=borough&code=" + CAMDEN);
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.body()).contains("Wards needing attention").doesNotContain("priorities: not available");
		org.ringfence.support.WebSession sergeant = org.ringfence.support.WebSession.signIn(this.port, "sergeant.camden");
		org.ringfence.support.WebSession.Page opened = sergeant.post("/performance/problems/new", "/performance/problems/new",
				java.util.Map.of("ward", this.sergeantWard, "title", "Graffiti on the underpass", "category", "criminal damage"));
		assertThat(opened.status()).isEqualTo(302);
		String page = opened.location().substring(opened.location().indexOf("/performance/problems/"));
		long id = Long.parseLong(page.substring("/performance/problems/".length()));
		assertThat(sergeant.post(page, page + "/partners", java.util.Map.of("organisation", "Transport for London")).status())
			.isEqualTo(302);
		org.ringfence.support.WebSession.Page skipped = sergeant.post(page, page + "/stage", java.util.Map.of("stage", "REVIEW"));
		assertThat(skipped.status()).isEqualTo(200);
		assertThat(skipped.body()).contains("one stage at a time");
		assertThat(this.api.get("analyst", "/api/v1/performance/problems/" + id).json().get("partners").get(0)
			.get("organisation").asString()).isEqualTo("Transport for London");
	}

	@Test
	void reportTotalsMatchTheirSources() {
		YearMonth month = YearMonth.now().minusMonths(1);
		String m = month.toString();
		JsonNode borough = this.api.get("analyst", "/api/v1/performance/report?month=" + m + "&level=borough&code=" + CAMDEN).json();
		long epic = this.jdbc.sql("select coalesce(sum(count), 0) from performance.epic_activity where borough_code = ? "
				+ "and month = ?::date and measure <> 'meeting_attendance'").params(CAMDEN, m + "-01").query(Long.class).single();
		assertThat(epic).isPositive();
		assertThat(borough.get("activity").get("total").asLong()).isEqualTo(epic);
		long unitSum = 0;
		for (JsonNode unit : borough.get("units")) {
			unitSum += unit.get("activity").asLong();
		}
		assertThat(unitSum).isEqualTo(epic);
		AbstractionReport source = this.abstraction.report(month.atDay(1), month.atEndOfMonth(), DutyKind.ACTUAL,
				Optional.of(CAMDEN));
		AbstractionReport.Summary camden = source.boroughs().stream().filter(s -> s.code().equals(CAMDEN)).findFirst().orElseThrow();
		assertThat(borough.get("visibility").get("dutyMinutes").asLong()).isEqualTo(camden.dutyMinutes());
		assertThat(borough.get("visibility").get("ownWardMinutes").asLong()).isEqualTo(camden.ownWardMinutes());
		assertThat(borough.get("visibility").get("abstractedMinutes").asLong()).isEqualTo(camden.abstractedMinutes());
		assertThat(borough.get("visibility").get("flexGivenMinutes").asLong()).isEqualTo(camden.flexGivenMinutes());
		JsonNode ward = this.api.get("analyst", "/api/v1/performance/report?month=" + m + "&level=ward&code=" + this.sergeantWard)
			.json();
		assertThat(ward.get("activity").get("total").asLong()).isEqualTo(sql(this.sergeantWard, m));
		assertThat(ward.get("activity").get("prioritiesNote").asString()).isNotEqualTo("priorities: not available");
		AbstractionReport.Summary team = source.teams().stream().filter(s -> s.code().equals(this.sergeantWard)).findFirst().orElseThrow();
		assertThat(ward.get("visibility").get("dutyMinutes").asLong()).isEqualTo(team.dutyMinutes());
		JsonNode force = this.api.get("oversight", "/api/v1/performance/report?month=" + m).json();
		long londonEpic = this.jdbc.sql("select coalesce(sum(count), 0) from performance.epic_activity where month = ?::date "
				+ "and measure <> 'meeting_attendance'").param(m + "-01").query(Long.class).single();
		assertThat(force.get("activity").get("total").asLong()).isEqualTo(londonEpic);
		assertThat(force.get("units")).hasSize(this.geography.boroughs().size());
		assertThat(force.get("diagnostics").size()).isEqualTo(this.geography.wards(Optional.empty()).size());
		assertThat(force.get("outcomes").get("synthetic").asBoolean()).isTrue();
	}

	@Autowired
	Surveys surveys;

	@Test
	void theOutcomesOfAllBoroughsReadInOneQueryAreThoseReadOneByOne() {
		org.ringfence.performance.domain.Quarter quarter = org.ringfence.performance.domain.Quarter
			.latestEndedBy(YearMonth.now().minusMonths(1));
		java.util.List<Area> boroughs = this.geography.boroughs()
			.stream()
			.map(b -> new Area(Area.Level.BOROUGH, b.code(), b.name(), java.util.List.of(b.code()), Optional.empty()))
			.toList();
		java.util.Map<String, java.util.List<SurveyOutcome>> together = this.surveys.outcomesOfEach(boroughs, quarter);
		assertThat(together).hasSize(boroughs.size());
		for (Area borough : boroughs) {
			assertThat(together.get(borough.code())).isEqualTo(this.surveys.outcomes(borough, quarter));
		}
		assertThat(together.get(CAMDEN).get(0).proportion()).isPresent();
	}

	@Test
	void problemCountsInTheReportMatchTheDatabase() {
		json("sergeant.camden", "/api/v1/performance/problems", "{\"wardCode\":\"" + this.sergeantWard
				+ "\",\"title\":\"Cycle thefts at the station\",\"category\":\"theft\",\"openedOn\":\"2034-09-10\"}");
		JsonNode report = this.api.get("smt.camden", "/api/v1/performance/report?month=2034-09&level=borough&code=" + CAMDEN).json();
		long opened = this.jdbc.sql("select count(*) from performance.problem where borough_code = ? and opened_on between "
				+ "'2034-09-01' and '2034-09-30'").param(CAMDEN).query(Long.class).single();
		assertThat(opened).isPositive();
		assertThat(report.get("problems").get("opened").asLong()).isEqualTo(opened);
	}

	@Test
	void theReportComesAsPdfAndXlsx() {
		byte[] pdf = this.api.download("analyst", "/api/v1/performance/report.pdf?month=2034-01&level=borough&code=" + CAMDEN);
		assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
		byte[] xlsx = this.api.download("analyst", "/api/v1/performance/report?format=xlsx&month=2034-01&level=ward&code="
				+ this.sergeantWard);
		assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
	}

	@Test
	void boroughRolesReadOnlyTheirBorough() {
		assertThat(this.api.get("supt.hackney", "/api/v1/performance/report?month=2034-01&level=borough&code=" + CAMDEN).status())
			.isEqualTo(403);
		assertThat(this.api.get("supt.camden", "/api/v1/performance/report?month=2034-01").status()).isEqualTo(403);
		assertThat(this.api.get("inspector.camden", "/api/v1/performance/report?month=2034-01&level=borough&code=" + CAMDEN)
			.status()).isEqualTo(200);
		assertThat(this.api.get("sergeant.camden", "/api/v1/performance/report?month=2034-01&level=ward&code="
				+ this.sergeantWard).status()).isEqualTo(403);
	}


}
