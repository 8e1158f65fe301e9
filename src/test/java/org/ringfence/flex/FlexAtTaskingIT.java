package org.ringfence.flex;

import java.time.LocalDate;
import java.util.Map;

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
import static org.ringfence.flex.FlexFixture.dialogues;

/**
 * A flex request decided at a borough tasking meeting: it is on the agenda once its providing
 * wards are approved; the chair's AUTHORISE presents and authorises it in one transaction (duties
 * updated, the meeting cited); an authorisation the protocol refuses is refused at the meeting and
 * nothing of it is recorded.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlexAtTaskingIT {

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

	@Test
	void theChairAuthorisesAFlexAtTheMeetingAndARefusedOneLeavesNoTrace() {
		LocalDate first = FlexFixture.window();
		FlexFixture.Ward providing = this.fx.otherCluster;
		FlexFixture.Ward short1 = this.fx.otherCluster2;
		this.fx.roster(providing, first, 7, 3);
		this.fx.roster(short1, first, 7, 2);
		this.fx.roster(this.fx.receiving, first, 7, 2);
		long good = approved(FlexFixture.request(this.fx.receiving.code(), first, first.plusDays(6),
				providing.constables().get(2), providing.code()), providing.code());
		long bad = approved(FlexFixture.request(this.fx.receiving.code(), first, first.plusDays(6),
				short1.constables().get(0), short1.code()), short1.code());

		LocalDate day = LocalDate.now().plusDays(60);
		Api.Response planned = this.fx.post("supt.camden", "/api/v1/tasking/meetings",
				Map.of("boroughCode", FlexFixture.CAMDEN, "heldOn", day.toString(), "chair", "Supt Camden"));
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		long meeting = planned.json().get("id").asLong();
		JsonNode agenda = this.fx.post("smt.camden", "/api/v1/tasking/meetings/" + meeting + "/agenda", Map.of())
			.json()
			.get("agenda");
		JsonNode goodItem = item(agenda, "flex-request:" + good);
		JsonNode badItem = item(agenda, "flex-request:" + bad);
		assertThat(goodItem.get("kind").asString()).isEqualTo("FLEX_PRESENTATION");
		assertThat(goodItem.get("outcomes").toString()).contains("AUTHORISE", "REJECT", "DEFERRED");

		String decision = "/api/v1/tasking/meetings/" + meeting + "/items/%d/decision";
		Api.Response refused = this.fx.post("supt.camden", decision.formatted(badItem.get("id").asLong()),
				Map.of("outcome", "AUTHORISE", "note", "Approved subject to checks"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("Ring-fence").contains("short 1");
		assertThat(status(bad)).as("nothing of a refused authorisation is recorded").isEqualTo("WARDS_APPROVED");
		JsonNode afterRefusal = this.fx.api.get("supt.camden", "/api/v1/tasking/meetings/" + meeting).json();
		assertThat(item(afterRefusal.get("agenda"), "flex-request:" + bad).get("outcome").isNull()).isTrue();

		Api.Response authorised = this.fx.post("supt.camden", decision.formatted(goodItem.get("id").asLong()),
				Map.of("outcome", "AUTHORISE", "note", "Robbery series: meets the protocol"));
		assertThat(authorised.status()).as(authorised.body()).isEqualTo(200);
		JsonNode flex = this.fx.api.get("supt.camden", "/api/v1/flex-requests/" + good).json();
		assertThat(flex.get("status").asString()).isEqualTo("AUTHORISED");
		assertThat(flex.get("meeting").toString()).contains("tasking-meeting:" + meeting);
		assertThat(flex.get("dutiesFlexed").asInt()).isPositive();

		Api.Response rejected = this.fx.post("supt.camden", decision.formatted(badItem.get("id").asLong()),
				Map.of("outcome", "REJECT", "note", "The providing ward cannot spare a constable"));
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
		assertThat(status(bad)).isEqualTo("REJECTED");
	}

	private long approved(Map<String, Object> request, String providingWard) {
		long id = this.fx.draft(request);
		this.fx.stepOk("sergeant.camden", id, action("SUBMIT"));
		this.fx.stepOk("inspector.camden", id, action("ESCALATE"));
		this.fx.stepOk("smt.camden", id, action("APPROVE_WARDS", "dialogues",
				dialogues(LocalDate.now(), this.fx.receiving.code(), providingWard)));
		return id;
	}

	private String status(long id) {
		return this.fx.api.get("supt.camden", "/api/v1/flex-requests/" + id).json().get("status").asString();
	}

	private static JsonNode item(JsonNode agenda, String ref) {
		for (JsonNode item : agenda) {
			if (item.get("sourceRef").asString().equals(ref)) {
				return item;
			}
		}
		throw new AssertionError("no agenda item " + ref + " in " + agenda);
	}

}
