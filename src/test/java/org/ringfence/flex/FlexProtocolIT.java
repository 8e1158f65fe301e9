package org.ringfence.flex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.NewPerson;
import org.ringfence.workforce.WorkforceViews.NewPosting;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol rule sets as the flex checks use them, and an administrator adding one. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlexProtocolIT {

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

	static JsonNode check(JsonNode report, String name) {
		for (JsonNode check : report.get("checks")) {
			if (check.get("name").asString().equals(name)) {
				return check;
			}
		}
		throw new AssertionError("no check " + name + " in " + report);
	}

	@Test
	void underTheOneMetSetTheStricterMinimumAppliesFromItsEffectiveDate() {
		// a ward team of September 2017: two constables and a PCSO on duty every day
		String ward = this.fx.otherCluster.code();
		LocalDate from = LocalDate.of(2017, 9, 19);
		List<Long> team = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			String number = "FY17" + ward.substring(5) + i;
			WorkforceRole role = i < 3 ? WorkforceRole.DWO : WorkforceRole.PCSO;
			if (this.workforce.personIdByServiceNumber(number).isEmpty()) {
				this.workforce.addPeople(List.of(new NewPerson(number, "Past" + i, "Officer", role, true,
						List.of(new NewPosting(role, role.title(), Unit.ward(ward), Optional.empty(), LocalDate.of(2017, 9, 1),
								Optional.of(LocalDate.of(2017, 10, 1)))))), "flex test officers of 2017");
			}
			team.add(this.workforce.personIdByServiceNumber(number).orElseThrow());
		}
		for (int d = 0; d < 4; d++) {
			this.fx.tour(team.get(0), from.plusDays(d), 7, ward, "SN_WARD");
			this.fx.tour(team.get(1), from.plusDays(d), 15, ward, "SN_WARD");
			this.fx.tour(team.get(2), from.plusDays(d), 7, ward, "SN_WARD");
		}
		Map<String, Object> body = FlexFixture.request(this.fx.receiving.code(), from, from.plusDays(3), team.get(0), ward);
		Api.Response response = this.fx.post("supt.camden", "/api/v1/flex-requests/what-if", body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode report = response.json();
		JsonNode ringFence = check(report, "Ring-fence");
		assertThat(ringFence.get("outcome").asString()).isEqualTo("FAIL");
		List<String> days = new ArrayList<>();
		ringFence.get("findings").forEach(f -> days.add(f.get("from").asString()));
		assertThat(days).containsExactly("2017-09-21", "2017-09-22");
		assertThat(ringFence.get("findings").get(0).get("detail").asString()).contains("One Met 2017").contains("short 1");
		assertThat(report.get("ruleSets").get(0).get("name").asString()).isEqualTo("SN Deployment Protocol 2011");
		assertThat(report.get("ruleSets").get(0).get("to").asString()).isEqualTo("2017-09-20");
		assertThat(report.get("ruleSets").get(1).get("name").asString()).isEqualTo("One Met 2017");
		// nothing was stored
		assertThat(this.fx.planned(team.get(0), from.plusDays(2))).containsExactly("SN_WARD", ward);
	}

	@Test
	void crossBoroughFlexIsRefusedWhenNoSignificantEventIsDeclared() {
		WardSummary hackneyWard = this.geography.wards(Optional.of("E09000012")).get(0);
		FlexFixture.Ward hackney = this.fx.ward(hackneyWard.code(), hackneyWard.clusterId());
		LocalDate first = FlexFixture.window();
		this.fx.roster(hackney, first, 2, 3);
		Map<String, Object> body = FlexFixture.request(this.fx.receiving.code(), first, first.plusDays(1),
				hackney.constables().get(2), hackney.code());
		JsonNode report = this.fx.post("supt.camden", "/api/v1/flex-requests/what-if", body).json();
		JsonNode sameBorough = check(report, "Same borough");
		assertThat(sameBorough.get("outcome").asString()).isEqualTo("FAIL");
		assertThat(sameBorough.get("findings").get(0).get("detail").asString()).contains(hackneyWard.name())
			.contains("another borough");
		assertThat(report.get("passed").asBoolean()).isFalse();
	}

	@Test
	void anAdministratorAddsARuleSetInForceFromItsDateAndOnlyAnAdministratorMay() {
		Map<String, Object> set = Map.of("name", "Test protocol 2090", "effectiveFrom", "2090-01-01", "note",
				"A stricter ring-fence", "minConstables", 3, "minPcsos", 2);
		assertThat(this.fx.post("analyst", "/api/v1/protocol/rule-sets", set).status()).isEqualTo(403);
		assertThat(this.fx.post("supt.camden", "/api/v1/protocol/rule-sets", set).status()).isEqualTo(403);
		Api.Response added = this.fx.post("admin", "/api/v1/protocol/rule-sets", set);
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().get("ringFence").get("minConstables").asInt()).isEqualTo(3);
		assertThat(added.json().get("duration").get("maxDays").asInt()).isEqualTo(28);
		assertThat(this.fx.api.get("officer.camden", "/api/v1/protocol/rule-sets/in-force?date=2090-01-01").json()
			.get("name").asString()).isEqualTo("Test protocol 2090");
		assertThat(this.fx.api.get("officer.camden", "/api/v1/protocol/rule-sets/in-force?date=2089-12-31").json()
			.get("name").asString()).isEqualTo("One Met 2017");
		Api.Response backdated = this.fx.post("admin", "/api/v1/protocol/rule-sets",
				Map.of("name", "Backdated", "effectiveFrom", "2020-01-01", "minConstables", 1, "minPcsos", 1));
		assertThat(backdated.status()).isEqualTo(422);
		assertThat(backdated.json().get("code").asString()).isEqualTo("rule-set-backdated");
		Api.Response outOfOrder = this.fx.post("admin", "/api/v1/protocol/rule-sets",
				Map.of("name", "Out of order", "effectiveFrom", "2080-01-01", "minConstables", 1, "minPcsos", 1));
		assertThat(outOfOrder.json().get("code").asString()).isEqualTo("rule-set-order");
		assertThat(this.jdbc.sql("select count(*) from audit.entry where entity_type = 'protocol rule set'")
			.query(Long.class)
			.single()).isEqualTo(1);
		JsonNode sets = this.fx.api.get("oversight", "/api/v1/protocol/rule-sets").json();
		assertThat(sets.get(0).get("name").asString()).isEqualTo("SN Deployment Protocol 2011");
		assertThat(sets.get(0).get("effectiveFrom").asString()).isEqualTo("2011-10-24");
		assertThat(sets.get(1).get("effectiveFrom").asString()).isEqualTo("2017-09-21");
	}

}
