package org.ringfence.flex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.workforce.WorkforceService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringfence.flex.FlexFixture.action;

/**
 * The flex workflow through the API on hand-built 2034 duties: the checks at authorisation, the
 * duty records and the monthly report changed by it, ending early, two superintendents at once.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlexWorkflowIT {

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	@Autowired
	WorkforceService workforce;

	@Autowired
	JdbcClient jdbc;

	FlexFixture fx;

	@BeforeAll
	void fixture() {
		this.fx = new FlexFixture(new Api(this.port), this.geography, this.workforce, this.jdbc);
	}

	String wardName(String code) {
		return this.geography.ward(code).name();
	}

	@Test
	void anAuthorisationLeavingAProvidingWardBelowItsRingFenceIsRefusedNamingWardDayAndShortfall() {
		LocalDate first = FlexFixture.window();
		LocalDate last = first.plusDays(6);
		FlexFixture.Ward providing = this.fx.otherCluster;
		// only two constables on duty: flexing one leaves one, the One Met minimum is two
		this.fx.roster(providing, first, 7, 2);
		this.fx.roster(this.fx.receiving, first, 7, 2);
		long id = this.fx.draft(FlexFixture.request(this.fx.receiving.code(), first, last, providing.constables().get(0),
				providing.code()));
		this.fx.present(id, first.minusDays(7), this.fx.receiving.code(), providing.code());
		Api.Response refused = this.fx.step("supt.camden", id, action("AUTHORISE"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		JsonNode problem = refused.json();
		assertThat(problem.get("code").asString()).isEqualTo("flex-checks-failed");
		List<String> reasons = new ArrayList<>();
		problem.get("reasons").forEach(r -> reasons.add(r.asString()));
		assertThat(reasons).hasSize(7);
		assertThat(reasons.get(0)).contains("Ring-fence").contains(wardName(providing.code())).contains(first.toString())
			.contains("1 constable left").contains("short 1").contains("One Met 2017");
		// nothing changed: the request is still presented and the duty still on its own ward
		assertThat(this.fx.api.get("supt.camden", "/api/v1/flex-requests/" + id).json().get("status").asString())
			.isEqualTo("PRESENTED");
		assertThat(this.fx.planned(providing.constables().get(0), first)).containsExactly("SN_WARD", providing.code());
	}

	@Test
	void authorisingChangesTheDutyRecordsAndTheMonthlyReportAndEndingEarlyGivesTheRestBack() {
		LocalDate first = FlexFixture.window();
		LocalDate last = first.plusDays(13);
		FlexFixture.Ward providing = this.fx.otherCluster;
		this.fx.roster(providing, first, 14, 3);
		this.fx.roster(this.fx.receiving, first, 14, 2);
		long officer = providing.constables().get(2);
		String month = first.toString().substring(0, 7);
		String report = "/api/v1/reports/abstraction?month=" + month + "&kind=PLANNED&borough=" + FlexFixture.CAMDEN;
		assertThat(team(this.fx.api.get("supt.camden", report).json(), providing.code()).get("flexGivenMinutes").asLong())
			.isZero();
		long id = this.fx.draft(FlexFixture.request(this.fx.receiving.code(), first, last, officer, providing.code()));
		JsonNode whatIf = this.fx.post("supt.camden", "/api/v1/flex-requests/" + id + "/what-if", java.util.Map.of()).json();
		assertThat(whatIf.get("passed").asBoolean()).as(whatIf.toString()).isTrue();
		assertThat(whatIf.get("dutiesToFlex").asInt()).isEqualTo(14);
		this.fx.present(id, first.minusDays(7), this.fx.receiving.code(), providing.code());
		JsonNode authorised = this.fx.stepOk("supt.camden", id, action("AUTHORISE", "note", "Agreed at tasking"));
		assertThat(authorised.get("status").asString()).isEqualTo("AUTHORISED");
		assertThat(authorised.get("dutiesFlexed").asInt()).isEqualTo(14);
		assertThat(authorised.get("ruleSet").get("name").asString()).isEqualTo("One Met 2017");
		JsonNode history = authorised.get("history");
		JsonNode authorisation = history.get(history.size() - 1);
		assertThat(authorisation.get("action").asString()).isEqualTo("AUTHORISE");
		assertThat(authorisation.get("details").get("ruleSets").get(0).asString()).isEqualTo("One Met 2017");
		assertThat(authorisation.get("ruleSetId").asLong()).isEqualTo(authorised.get("ruleSet").get("id").asLong());
		// the duty records carry the flex code and the receiving ward as soon as the authorisation answers
		assertThat(this.fx.planned(officer, first)).containsExactly("FLEX", this.fx.receiving.code());
		assertThat(this.fx.planned(officer, last)).containsExactly("FLEX", this.fx.receiving.code());
		JsonNode flexedReport = this.fx.api.get("supt.camden", report).json();
		long given = team(flexedReport, providing.code()).get("flexGivenMinutes").asLong();
		long fromThisFlex = 8 * 60 * java.time.temporal.ChronoUnit.DAYS.between(first,
				last.getMonth() == first.getMonth() ? last.plusDays(1) : first.withDayOfMonth(1).plusMonths(1));
		assertThat(given).isEqualTo(fromThisFlex);
		assertThat(team(flexedReport, this.fx.receiving.code()).get("flexReceivedMinutes").asLong()).isEqualTo(given);
		assertThat(team(flexedReport, providing.code()).get("minutesByType").get("Authorised SNT flex").asLong())
			.isEqualTo(given);
		// the resource office sees the changed duties
		Api.Response duties = this.fx.api.get("resources.camden", "/api/v1/flex-requests/" + id + "/duties");
		assertThat(duties.status()).isEqualTo(200);
		assertThat(duties.json().size()).isEqualTo(14);
		assertThat(duties.json().get(0).get("previousCode").asString()).isEqualTo("SN_WARD");
		this.fx.stepOk("supt.camden", id, action("ENDORSE"));
		// end early: the flex runs its first week, the second week is given back
		LocalDate endOn = first.plusDays(6);
		JsonNode ended = this.fx.stepOk("supt.camden", id, action("END", "lastDay", endOn.toString(), "note", "Problem resolved"));
		assertThat(ended.get("status").asString()).isEqualTo("ENDED");
		assertThat(ended.get("dutiesFlexed").asInt()).isEqualTo(7);
		assertThat(ended.get("dutiesReleased").asInt()).isEqualTo(7);
		assertThat(this.fx.planned(officer, endOn)).containsExactly("FLEX", this.fx.receiving.code());
		assertThat(this.fx.planned(officer, endOn.plusDays(1))).containsExactly("SN_WARD", providing.code());
		assertThat(this.fx.planned(officer, last)).containsExactly("SN_WARD", providing.code());
		// each change kept the earlier version of the duty and went to the audit trail
		long dutyId = this.jdbc.sql("select id from duties.duty where person_id = ? and kind = 'PLANNED' and duty_date = ?")
			.params(officer, java.sql.Date.valueOf(last))
			.query(Long.class)
			.single();
		JsonNode dutyHistory = this.fx.api.get("admin", "/api/v1/duties/" + dutyId + "/history").json();
		assertThat(dutyHistory.size()).isEqualTo(2);
		assertThat(dutyHistory.get(0).get("code").asString()).isEqualTo("SN_WARD");
		assertThat(dutyHistory.get(1).get("code").asString()).isEqualTo("FLEX");
		assertThat(this.jdbc.sql("select count(*) from audit.entry where entity_type = 'duty' and entity_id = ? ")
			.param(Long.toString(dutyId))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void twoSuperintendentsAuthorisingAtOnceExactlyOneSucceeds() throws Exception {
		LocalDate first = FlexFixture.window();
		LocalDate last = first.plusDays(6);
		FlexFixture.Ward providing = this.fx.otherCluster2;
		this.fx.roster(providing, first, 7, 3);
		long officer = providing.constables().get(2);
		long id = this.fx.draft(FlexFixture.request(this.fx.receiving.code(), first, last, officer, providing.code()));
		this.fx.present(id, first.minusDays(7), this.fx.receiving.code(), providing.code());
		String second = secondSuperintendent();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Api.Response>> results = new ArrayList<>();
			for (String user : List.of("supt.camden", second)) {
				Callable<Api.Response> call = () -> {
					start.await();
					return this.fx.step(user, id, action("AUTHORISE"));
				};
				results.add(pool.submit(call));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Api.Response> result : results) {
				statuses.add(result.get().status());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from duties.flex_assignment where flex_reference = ?")
			.param("FLEX-" + id)
			.query(Long.class)
			.single()).isEqualTo(7);
		assertThat(this.jdbc.sql("select count(*) from flex.transition where request_id = ? and action = 'AUTHORISE'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anIllegalTransitionIsRefusedWith409AndTheReason() {
		LocalDate first = FlexFixture.window();
		this.fx.roster(this.fx.otherCluster, first, 2, 3);
		long id = this.fx.draft(FlexFixture.request(this.fx.receiving.code(), first, first.plusDays(1),
				this.fx.otherCluster.constables().get(2), this.fx.otherCluster.code()));
		Api.Response refused = this.fx.step("supt.camden", id, action("AUTHORISE"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("code").asString()).isEqualTo("illegal-transition");
		assertThat(refused.json().get("detail").asString()).contains("draft").contains("presented at borough tasking");
		Api.Response stale = this.fx.step("sergeant.camden", id, action("SUBMIT", "version", 7));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("code").asString()).isEqualTo("conflict");
	}

	@Test
	void closingNeedsFeedbackToEveryWardPanelAndARejectionNeedsReasons() {
		LocalDate first = FlexFixture.window();
		FlexFixture.Ward providing = this.fx.otherCluster;
		this.fx.roster(providing, first, 3, 3);
		long id = this.fx.draft(FlexFixture.request(this.fx.receiving.code(), first, first.plusDays(2),
				providing.constables().get(2), providing.code()));
		this.fx.present(id, first.minusDays(7), this.fx.receiving.code(), providing.code());
		Api.Response noReasons = this.fx.step("supt.camden", id, action("REJECT"));
		assertThat(noReasons.status()).isEqualTo(400);
		this.fx.stepOk("supt.camden", id, action("AUTHORISE"));
		this.fx.stepOk("supt.camden", id, action("ENDORSE"));
		this.fx.stepOk("supt.camden", id, action("REVIEW", "heldOn", first.plusDays(1).toString(), "outcome", "END",
				"note", "Done early"));
		this.fx.stepOk("smt.camden", id, action("RECORD_FEEDBACK", "feedback",
				List.of(java.util.Map.of("wardCode", this.fx.receiving.code(), "givenOn", first.plusDays(5).toString(),
						"summary", "Outcome explained at the panel meeting"))));
		Api.Response early = this.fx.step("inspector.camden", id, action("CLOSE"));
		assertThat(early.status()).as(early.body()).isEqualTo(422);
		assertThat(early.json().get("detail").asString()).contains(wardName(providing.code()));
		this.fx.stepOk("smt.camden", id, action("RECORD_FEEDBACK", "feedback",
				List.of(java.util.Map.of("wardCode", providing.code(), "givenOn", first.plusDays(6).toString(), "summary",
						"Thanked the panel; officers back on the ward"))));
		JsonNode closed = this.fx.stepOk("inspector.camden", id, action("CLOSE"));
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("feedback").size()).isEqualTo(2);
		assertThat(closed.get("reviews").get(0).get("outcome").asString()).isEqualTo("END");
	}

	@Test
	void aDutyChangeThatBreaksTheRingFenceOfALiveFlexIsCaughtByTheRecheck() {
		LocalDate first = FlexFixture.window();
		LocalDate last = first.plusDays(6);
		FlexFixture.Ward providing = this.fx.otherCluster2;
		this.fx.roster(providing, first, 7, 3);
		long id = this.fx.draft(FlexFixture.request(this.fx.receiving.code(), first, last, providing.constables().get(2),
				providing.code()));
		this.fx.present(id, first.minusDays(7), this.fx.receiving.code(), providing.code());
		this.fx.stepOk("supt.camden", id, action("AUTHORISE"));
		this.fx.stepOk("supt.camden", id, action("ENDORSE"));
		JsonNode live = this.fx.post("supt.camden", "/api/v1/flex-requests/" + id + "/what-if", java.util.Map.of()).json();
		assertThat(live.get("passed").asBoolean()).isTrue();
		assertThat(live.get("dutiesFlexed").asInt()).isEqualTo(7);
		// the resource office records one of the two constables left as sick on the third day
		LocalDate sickDay = first.plusDays(2);
		long other = providing.constables().get(0);
		java.util.Map<String, Object> duty = this.jdbc.sql("""
				select id, version from duties.duty where person_id = ? and kind = 'PLANNED' and duty_date = ?""")
			.params(other, java.sql.Date.valueOf(sickDay))
			.query()
			.singleRow();
		Api.Response changed = this.fx.api.put("admin", "/api/v1/duties/" + duty.get("id"), FlexFixture.json(java.util.Map
			.of("version", duty.get("version"), "duty", java.util.Map.of("personId", other, "kind", "PLANNED", "date",
					sickDay.toString(), "start", "07:00", "end", "15:00", "activityCode", "SICK"))));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		JsonNode request = this.fx.api.get("smt.camden", "/api/v1/flex-requests/" + id).json();
		assertThat(request.get("lastChecks").get("passed").asBoolean()).isFalse();
		assertThat(request.get("flags").toString()).contains("CHECKS_FAIL");
		JsonNode history = request.get("history");
		JsonNode recheck = history.get(history.size() - 1);
		assertThat(recheck.get("action").asString()).isEqualTo("RECHECK");
		assertThat(recheck.get("details").get("failures").get(0).asString()).contains(sickDay.toString())
			.contains("1 constable left");
		assertThat(request.get("status").asString()).isEqualTo("LIVE");
	}

	@Test
	void aReviewExtendingTheFlexPastFourWeeksNeedsAnExceptionAndFlexesTheNewDays() {
		LocalDate first = FlexFixture.window();
		LocalDate last = first.plusDays(20);
		FlexFixture.Ward providing = this.fx.otherCluster;
		this.fx.roster(providing, first, 35, 3);
		long officer = providing.constables().get(2);
		long id = this.fx.draft(FlexFixture.request(this.fx.receiving.code(), first, last, officer, providing.code()));
		this.fx.present(id, first.minusDays(7), this.fx.receiving.code(), providing.code());
		this.fx.stepOk("supt.camden", id, action("AUTHORISE"));
		this.fx.stepOk("supt.camden", id, action("ENDORSE"));
		LocalDate longer = first.plusDays(34);
		Api.Response refused = this.fx.step("supt.camden", id, action("REVIEW", "heldOn", first.plusDays(13).toString(),
				"outcome", "CHANGE", "newLastDay", longer.toString()));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("reasons").toString()).contains("Duration and review").contains("35 days");
		assertThat(this.fx.planned(officer, longer)).containsExactly("SN_WARD", providing.code());
		JsonNode extended = this.fx.stepOk("supt.camden", id, action("REVIEW", "heldOn", first.plusDays(13).toString(),
				"outcome", "CHANGE", "newLastDay", longer.toString(), "exceptionReason",
				"Panel and partners ask for another week over the half-term"));
		assertThat(extended.get("lastDay").asString()).isEqualTo(longer.toString());
		assertThat(extended.get("dutiesFlexed").asInt()).isEqualTo(35);
		assertThat(extended.get("durationException").asString()).contains("half-term");
		assertThat(this.fx.planned(officer, longer)).containsExactly("FLEX", this.fx.receiving.code());
		// shortening it again gives the days after the new last day back
		JsonNode shortened = this.fx.stepOk("supt.camden", id, action("REVIEW", "heldOn", first.plusDays(15).toString(),
				"outcome", "CHANGE", "newLastDay", first.plusDays(27).toString()));
		assertThat(shortened.get("dutiesFlexed").asInt()).isEqualTo(28);
		assertThat(shortened.get("dutiesReleased").asInt()).isEqualTo(7);
		assertThat(this.fx.planned(officer, longer)).containsExactly("SN_WARD", providing.code());
	}

	@Test
	void theOpenApiListsEveryWorkflowAction() {
		JsonNode docs = this.fx.api.get(null, "/v3/api-docs").json();
		JsonNode transitions = docs.get("paths").get("/api/v1/flex-requests/{id}/transitions").get("post");
		String schema = transitions.get("requestBody").get("content").get("application/json").get("schema").get("$ref")
			.asString();
		JsonNode body = docs.get("components").get("schemas").get(schema.substring(schema.lastIndexOf('/') + 1));
		List<String> actions = new ArrayList<>();
		body.get("properties").get("action").get("enum").forEach(a -> actions.add(a.asString()));
		assertThat(actions).containsExactly(java.util.Arrays.stream(FlexAction.values()).map(Enum::name).toArray(String[]::new));
		assertThat(body.get("required").toString()).contains("action");
	}

	/** A second Camden superintendent (created once). */
	String secondSuperintendent() {
		String user = "supt2.camden";
		if (this.fx.api.get(user, "/api/v1/me").status() != 200) {
			Api.Response created = this.fx.post("admin", "/api/v1/users", java.util.Map.of("username", user, "displayName",
					"Second Camden superintendent", "password", Api.PASSWORD, "role", "SUPERINTENDENT", "scopes",
					List.of(java.util.Map.of("type", "BOROUGH", "code", FlexFixture.CAMDEN))));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
		}
		return user;
	}

	static JsonNode team(JsonNode report, String ward) {
		for (JsonNode team : report.get("teams")) {
			if (team.get("code").asString().equals(ward)) {
				return team;
			}
		}
		throw new AssertionError("no team " + ward + " in the report");
	}

}
