package org.ringfence.deflection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.DutyService;
import org.ringfence.duties.NewDuty;
import org.ringfence.duties.WardPresence;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.LocatedWard;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.TeamMember;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call deflection through the API on hand-built duties in March 2037 (far from the demo roster and
 * other tests) for one Camden ward team: each of the protocol's four conditions alone blocks a
 * deflection; the override works and is on the audit trail; deflected calls carry the SNT tag;
 * outcomes feed the monthly evaluation; the borough board shows who is on duty.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallDeflectionIT {

	static final String CAMDEN = "E09000007";

	/** Both on duty on the ward: a dedicated ward officer and a PCSO (planned tours 07:00-15:00). */
	static final String BOTH = "2037-03-10T10:00:00Z";

	/** Only the PCSO on duty on the ward: the officer has a rest day. */
	static final String PCSO_ONLY = "2037-03-11T10:00:00Z";

	/** Nobody: the PCSO's planned tour was replaced by an actual custody duty; the officer has a rest day. */
	static final String NOBODY = "2037-03-12T10:00:00Z";

	@LocalServerPort
	int port;

	@Autowired
	DutyService duties;

	@Autowired
	WorkforceService workforce;

	@Autowired
	GeographyService geography;

	@Autowired
	WardPresence presence;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Api api;

	String ward;

	TeamMember officer;

	TeamMember pcso;

	@BeforeAll
	void buildDutiesAndPriorities() {
		this.api = new Api(this.port);
		List<String> sergeantWards = new ArrayList<>();
		this.api.get("sergeant.camden", "/api/v1/me").json().get("scopes").forEach(s -> sergeantWards.add(s.get("code").asString()));
		this.ward = this.geography.clusters(Optional.of(CAMDEN))
			.get(2)
			.wardCodes()
			.stream()
			.filter(w -> !sergeantWards.contains(w))
			.findFirst()
			.orElseThrow();
		List<TeamMember> team = this.workforce.team(this.ward)
			.stream()
			.filter(m -> m.postedWard().equals(this.ward))
			.toList();
		this.officer = team.stream().filter(m -> m.role() == WorkforceRole.DWO).findFirst().orElseThrow();
		this.pcso = team.stream().filter(m -> m.role() == WorkforceRole.PCSO).findFirst().orElseThrow();
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken("resources.camden", null, List.of()));
		try {
			duty(this.officer.personId(), DutyKind.PLANNED, "2037-03-10", this.ward, "SN_WARD");
			duty(this.pcso.personId(), DutyKind.PLANNED, "2037-03-10", this.ward, "SN_WARD");
			duty(this.officer.personId(), DutyKind.PLANNED, "2037-03-11", null, "REST");
			duty(this.pcso.personId(), DutyKind.PLANNED, "2037-03-11", this.ward, "SN_WARD");
			duty(this.officer.personId(), DutyKind.PLANNED, "2037-03-12", null, "REST");
			duty(this.pcso.personId(), DutyKind.PLANNED, "2037-03-12", this.ward, "SN_WARD");
			duty(this.pcso.personId(), DutyKind.ACTUAL, "2037-03-12", null, "AB_CUSTODY");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		Api.Response existing = this.api.get("admin", "/api/v1/deflection/wards/" + this.ward + "/priorities");
		String version = existing.status() == 200 ? ",\"version\":" + existing.json().get("version").asInt() : "";
		Api.Response saved = this.api.put("admin", "/api/v1/deflection/wards/" + this.ward + "/priorities",
				"{\"categories\":[\"ASB_YOUTH\",\"BURGLARY_FOLLOW_UP\",\"SHOPLIFTER_DETAINED\"],\"notes\":\"Youth ASB on the estate\""
						+ version + "}");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
	}

	void duty(long person, DutyKind kind, String date, String ward, String code) {
		this.duties.record(NewDuty.ofLocalTimes(person, kind, LocalDate.parse(date), LocalTime.of(7, 0), LocalTime.of(15, 0),
				Optional.ofNullable(ward), "", code));
	}

	Api.Response decide(String user, String at, String category, boolean needsOfficer, int minutes, boolean critical,
			String override) {
		String body = "{\"cadReference\":\"CAD-" + System.nanoTime() % 1_000_000 + "\",\"at\":\"" + at + "\",\"wardCode\":\""
				+ this.ward + "\",\"callCategory\":\"" + category + "\",\"needsPoliceOfficer\":" + needsOfficer
				+ ",\"expectedMinutes\":" + minutes + ",\"criticalIncident\":" + critical
				+ (override == null ? "" : ",\"overrideReason\":\"" + override + "\"") + "}";
		return this.api.post(user, "/api/v1/deflection/decisions", "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	JsonNode decided(String at, String category, boolean needsOfficer, int minutes) {
		Api.Response response = decide("controller", at, category, needsOfficer, minutes, false, null);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	static List<Boolean> verdicts(JsonNode decision) {
		List<Boolean> passed = new ArrayList<>();
		decision.get("conditions").forEach(c -> passed.add(c.get("passed").asBoolean()));
		return passed;
	}

	static List<String> names(JsonNode people) {
		List<String> names = new ArrayList<>();
		people.forEach(p -> names.add(p.get("name").asString()));
		return names;
	}

	@Test
	void wardPresenceTakesTheActualRecordOverThePlan() {
		assertThat(this.presence.inWard(this.ward, Instant.parse(BOTH))).extracting(WardPresence.OnDuty::personId)
			.contains(this.officer.personId(), this.pcso.personId());
		assertThat(this.presence.inWard(this.ward, Instant.parse(PCSO_ONLY))).extracting(WardPresence.OnDuty::personId)
			.contains(this.pcso.personId())
			.doesNotContain(this.officer.personId());
		assertThat(this.presence.inWard(this.ward, Instant.parse(NOBODY))).isEmpty();
		assertThat(this.presence.inWard(this.ward, Instant.parse("2037-03-10T16:00:00Z"))).isEmpty();
	}

	@Test
	void whenAllFourConditionsPassTheCallIsDeflectedTaggedSntAndTheOfficersAreNamed() {
		JsonNode decision = decided(BOTH, "ASB_YOUTH", false, 30);
		assertThat(decision.get("deflect").asBoolean()).isTrue();
		assertThat(verdicts(decision)).containsExactly(true, true, true, true);
		assertThat(decision.get("tags").get(0).asString()).isEqualTo("SNT");
		assertThat(names(decision.get("officers"))).contains(this.officer.name(), this.pcso.name());
		assertThat(decision.get("officers").get(0).get("roleTitle").asString()).isNotBlank();
		// stored: read back, and listed among the SNT-tagged calls
		long id = decision.get("id").asLong();
		JsonNode stored = this.api.get("analyst", "/api/v1/deflection/decisions/" + id).json();
		assertThat(stored.get("tags").toString()).isEqualTo("[\"SNT\"]");
		JsonNode tagged = this.api.get("analyst", "/api/v1/deflection/decisions?from=2037-03-01&to=2037-03-31&tag=SNT").json();
		List<Long> ids = new ArrayList<>();
		tagged.forEach(d -> {
			ids.add(d.get("id").asLong());
			assertThat(d.get("tags").get(0).asString()).isEqualTo("SNT");
		});
		assertThat(ids).contains(id);
	}

	@Test
	void conditionOneAloneBlocksWhenNoTeamMemberIsOnDutyOnTheWard() {
		JsonNode decision = decided(NOBODY, "ASB_YOUTH", false, 30);
		assertThat(verdicts(decision)).containsExactly(false, true, true, true);
		assertThat(decision.get("deflect").asBoolean()).isFalse();
		assertThat(decision.get("tags")).isEmpty();
		assertThat(decision.get("officers")).isEmpty();
	}

	@Test
	void conditionTwoAloneBlocksACallNeedingAPoliceOfficerWhenOnlyAPcsoIsOnDuty() {
		JsonNode decision = decided(PCSO_ONLY, "ASB_YOUTH", true, 30);
		assertThat(verdicts(decision)).containsExactly(true, false, true, true);
		assertThat(decision.get("deflect").asBoolean()).isFalse();
		assertThat(decision.get("conditions").get(1).get("reason").asString()).contains("Needs a police officer");
		// the same call suitable for a PCSO goes to the PCSO
		JsonNode pcsoCall = decided(PCSO_ONLY, "ASB_YOUTH", false, 30);
		assertThat(pcsoCall.get("deflect").asBoolean()).isTrue();
		assertThat(names(pcsoCall.get("officers"))).containsExactly(this.pcso.name());
	}

	@Test
	void conditionThreeAloneBlocksACallOutsideTheTeamsPriorities() {
		JsonNode decision = decided(BOTH, "NOISE", false, 30);
		assertThat(verdicts(decision)).containsExactly(true, true, false, true);
		assertThat(decision.get("deflect").asBoolean()).isFalse();
		assertThat(decision.get("conditions").get(2).get("reason").asString()).contains("not among");
	}

	@Test
	void conditionFourAloneBlocksALongCallAndACallLikelyToEndInAnArrest() {
		JsonNode longCall = decided(BOTH, "ASB_YOUTH", false, 90);
		assertThat(verdicts(longCall)).containsExactly(true, true, true, false);
		assertThat(longCall.get("deflect").asBoolean()).isFalse();
		JsonNode arrest = decided(BOTH, "SHOPLIFTER_DETAINED", false, 20);
		assertThat(verdicts(arrest)).containsExactly(true, true, true, false);
		assertThat(arrest.get("deflect").asBoolean()).isFalse();
		assertThat(arrest.get("settings").get("maxExpectedMinutes").asInt()).isEqualTo(60);
	}

	@Test
	void theOverrideDeflectsADevelopingCriticalIncidentAndIsOnTheAuditTrail() {
		Instant before = Instant.now().minusSeconds(1);
		String reason = "Developing major incident: the PCSO is nearest and most appropriate";
		Api.Response response = decide("controller", PCSO_ONLY, "FIGHT_IN_PROGRESS", true, 120, true, reason);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode decision = response.json();
		assertThat(decision.get("deflect").asBoolean()).isTrue();
		assertThat(decision.get("overridden").asBoolean()).isTrue();
		assertThat(decision.get("overrideReason").asString()).isEqualTo(reason);
		// only a PCSO on duty for a call needing an officer; not a priority; long and arrest-likely
		assertThat(verdicts(decision)).containsExactly(true, false, false, false);
		assertThat(decision.get("tags").get(0).asString()).isEqualTo("SNT");
		String id = decision.get("id").asString();
		JsonNode audit = this.api.get("admin", "/api/v1/audit?from=" + before + "&limit=1000").json();
		JsonNode entry = null;
		for (JsonNode e : audit) {
			if (e.get("entityType").asString().equals("deflection decision") && e.get("entityId").asString().equals(id)) {
				entry = e;
			}
		}
		assertThat(entry).as("audit entry of decision " + id).isNotNull();
		assertThat(entry.get("actor").asString()).isEqualTo("controller");
		assertThat(entry.get("boroughCode").asString()).isEqualTo(CAMDEN);
		assertThat(entry.get("after").get("overridden").asBoolean()).isTrue();
		assertThat(entry.get("after").get("overrideReason").asString()).isEqualTo(reason);
	}

	@Test
	void anOverrideWithoutACriticalIncidentIsRefused() {
		Api.Response response = decide("controller", BOTH, "NOISE", false, 30, false, "Seems right");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("code").asString()).isEqualTo("override-needs-critical-incident");
	}

	@Test
	void theWardIsFoundFromTheLocation() {
		LocatedWard located = this.geography.locate(51.5390, -0.1426).orElseThrow();
		String body = "{\"cadReference\":\"CAD-LOC\",\"at\":\"" + BOTH + "\",\"latitude\":51.5390,\"longitude\":-0.1426,"
				+ "\"callCategory\":\"ASB_YOUTH\",\"needsPoliceOfficer\":false,\"expectedMinutes\":20}";
		Api.Response response = this.api.post("controller", "/api/v1/deflection/decisions", "application/json",
				body.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("wardCode").asString()).isEqualTo(located.wardCode());
		Api.Response outside = this.api.post("controller", "/api/v1/deflection/decisions", "application/json",
				body.replace("51.5390", "52.2").getBytes(StandardCharsets.UTF_8));
		assertThat(outside.status()).isEqualTo(400);
	}

	@Test
	void outcomesFeedTheMonthlyEvaluationInJsonAndCsv() {
		JsonNode decision = decided(BOTH, "BURGLARY_FOLLOW_UP", false, 40);
		long id = decision.get("id").asLong();
		Api.Response outcome = this.api.post("controller", "/api/v1/deflection/decisions/" + id + "/outcome",
				"application/json", "{\"minutesAway\":75,\"result\":\"RESOLVED_BY_SNT\",\"note\":\"Advice given\"}"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
		assertThat(outcome.json().get("outcome").get("minutesAway").asInt()).isEqualTo(75);
		long refused = decided(BOTH, "NOISE", false, 30).get("id").asLong();
		assertThat(this.api.post("controller", "/api/v1/deflection/decisions/" + refused + "/outcome", "application/json",
				"{\"minutesAway\":5,\"result\":\"NO_TRACE\"}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(422);

		JsonNode evaluation = this.api.get("supt.camden", "/api/v1/deflection/evaluation?month=2037-03").json();
		assertThat(evaluation.get("boroughCode").asString()).isEqualTo(CAMDEN);
		JsonNode call = null;
		for (JsonNode c : evaluation.get("calls")) {
			if (c.get("id").asLong() == id) {
				call = c;
			}
			assertThat(c.get("boroughCode").asString()).isEqualTo(CAMDEN);
		}
		assertThat(call).isNotNull();
		assertThat(call.get("minutesAway").asInt()).isEqualTo(75);
		JsonNode wardRow = null;
		for (JsonNode w : evaluation.get("wards")) {
			if (w.get("code").asString().equals(this.ward)) {
				wardRow = w;
			}
		}
		assertThat(wardRow).isNotNull();
		assertThat(wardRow.get("decisions").asInt()).isGreaterThan(wardRow.get("deflected").asInt());
		assertThat(wardRow.get("minutesAway").asLong()).isGreaterThanOrEqualTo(75);
		assertThat(wardRow.get("overThreshold").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(evaluation.get("total").get("deflected").asInt()).isEqualTo(evaluation.get("calls").size());

		Api.Response csv = this.api.get("analyst", "/api/v1/deflection/evaluation?month=2037-03&borough=" + CAMDEN + "&format=csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("Month,Borough,Borough Code,Ward,Ward Code,CAD Reference")
			.contains(decision.get("cadReference").asString())
			.contains(",SNT,75,RESOLVED_BY_SNT,Advice given");
		// a Hackney superintendent may not read Camden's
		assertThat(this.api.get("supt.hackney", "/api/v1/deflection/evaluation?month=2037-03&borough=" + CAMDEN).status())
			.isEqualTo(403);
	}

	@Test
	void theBoroughBoardShowsEachWardsPrioritiesAndWhoIsOnDuty() {
		JsonNode board = this.api.get("controller", "/api/v1/deflection/boroughs/" + CAMDEN + "/board?at=" + BOTH).json();
		assertThat(board.get("boroughName").asString()).isEqualTo("Camden");
		assertThat(board.get("wards").size()).isEqualTo(this.geography.wards(Optional.of(CAMDEN)).size());
		JsonNode row = null;
		for (JsonNode w : board.get("wards")) {
			if (w.get("wardCode").asString().equals(this.ward)) {
				row = w;
			}
		}
		assertThat(row).isNotNull();
		assertThat(names(row.get("onDuty"))).contains(this.officer.name(), this.pcso.name());
		List<String> categories = new ArrayList<>();
		row.get("priorities").get("categories").forEach(c -> categories.add(c.get("code").asString()));
		assertThat(categories).containsExactly("ASB_YOUTH", "BURGLARY_FOLLOW_UP", "SHOPLIFTER_DETAINED");
		assertThat(row.get("priorities").get("stale").asBoolean()).isFalse();
	}

	@Test
	void theBoardOfATwentyWardBoroughOnTheDemoRosterIsFast() {
		// Westminster has 20 wards; the demo roster plans duties for the next three months
		String at = LocalDate.now(NewDuty.LONDON).plusDays(1).atTime(11, 0).atZone(NewDuty.LONDON).toInstant().toString();
		String path = "/api/v1/deflection/boroughs/E09000033/board?at=" + at;
		for (int i = 0; i < 3; i++) {
			this.api.get("controller", path);
		}
		long started = System.nanoTime();
		Api.Response response = this.api.get("controller", path);
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("wards").size()).isEqualTo(20);
		int onDuty = 0;
		for (JsonNode w : response.json().get("wards")) {
			onDuty += w.get("onDuty").size();
		}
		// an independent count: planned on-ward tours covering the instant in Westminster's wards (the
		// demo roster has no actual duties in the future, so every planned one counts)
		long independent = this.jdbc.sql("""
				select count(*) from duties.duty d join geography.ward_place p on p.ward_code = d.ward_code
				where p.borough_code = 'E09000033' and d.kind = 'PLANNED' and d.activity_code = 'SN_WARD'
				  and d.starts_at <= cast(? as timestamptz) and d.ends_at > cast(? as timestamptz)""")
			.params(at, at)
			.query(Long.class)
			.single();
		assertThat(independent).isPositive();
		assertThat(onDuty).as("team members on duty at 11:00 tomorrow across Westminster").isEqualTo((int) independent);
		System.out.println("Westminster board (20 wards) answered in " + millis + " ms");
	}

	@Test
	void aSergeantKeepsOnlyTheirOwnWardsPriorities() {
		JsonNode me = this.api.get("sergeant.camden", "/api/v1/me").json();
		String own = me.get("scopes").get(0).get("code").asString();
		Api.Response existing = this.api.get("sergeant.camden", "/api/v1/deflection/wards/" + own + "/priorities");
		String version = existing.status() == 200 ? ",\"version\":" + existing.json().get("version").asInt() : "";
		Api.Response saved = this.api.put("sergeant.camden", "/api/v1/deflection/wards/" + own + "/priorities",
				"{\"categories\":[\"ASB_REPEAT_VICTIM\"],\"notes\":\"\"" + version + "}");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("reviewedBy").asString()).isEqualTo("sergeant.camden");
		Api.Response stale = this.api.put("sergeant.camden", "/api/v1/deflection/wards/" + own + "/priorities",
				"{\"categories\":[\"NOISE\"],\"version\":" + (saved.json().get("version").asInt() - 1) + "}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(this.api.put("sergeant.camden", "/api/v1/deflection/wards/" + this.ward + "/priorities",
				"{\"categories\":[\"NOISE\"]}").status()).isEqualTo(403);
	}

}
