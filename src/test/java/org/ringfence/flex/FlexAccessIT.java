package org.ringfence.flex;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.workforce.WorkforceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringfence.flex.FlexFixture.action;

/**
 * Every step of the workflow refused to every demo user whose role or scope does not take it (403,
 * nothing changes), then taken by the one who does; drafting and reading likewise.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlexAccessIT {

	static final List<String> USERS = List.of("admin", "analyst", "oversight", "controller", "supt.camden", "smt.camden",
			"inspector.camden", "sergeant.camden", "officer.camden", "resources.camden", "supt.hackney");

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

	/** Tries a step as every user not allowed it (each must get 403), then as the first allowed one. */
	void step(long id, Set<String> allowed, Map<String, Object> body, String expectedStatus) {
		for (String user : USERS) {
			if (allowed.contains(user)) {
				continue;
			}
			Api.Response refused = this.fx.step(user, id, body);
			assertThat(refused.status()).as(user + " " + body.get("action") + ": " + refused.body()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		String user = allowed.iterator().next();
		assertThat(this.fx.stepOk(user, id, body).get("status").asString()).isEqualTo(expectedStatus);
	}

	@Test
	void everyStepIsRefusedToEveryRoleAndScopeThatDoesNotTakeIt() {
		LocalDate first = FlexFixture.window();
		LocalDate last = first.plusDays(6);
		FlexFixture.Ward providing = this.fx.otherCluster;
		this.fx.roster(providing, first, 7, 3);
		long id = this.fx.draft(FlexFixture.request(this.fx.receiving.code(), first, last, providing.constables().get(2),
				providing.code()));
		step(id, ordered("sergeant.camden", "inspector.camden"), action("SUBMIT"), "SUBMITTED");
		step(id, ordered("inspector.camden"), action("ESCALATE"), "ESCALATED");
		step(id, ordered("smt.camden"), action("APPROVE_WARDS", "dialogues",
				FlexFixture.dialogues(first.minusDays(10), this.fx.receiving.code(), providing.code())), "WARDS_APPROVED");
		step(id, ordered("smt.camden", "supt.camden"),
				action("PRESENT", "meetingDate", first.minusDays(7).toString(), "meetingReference", "BTM-1"), "PRESENTED");
		step(id, ordered("supt.camden"), action("AUTHORISE"), "AUTHORISED");
		step(id, ordered("supt.camden"), action("ENDORSE"), "LIVE");
		step(id, ordered("supt.camden"), action("REVIEW", "heldOn", first.plusDays(3).toString(), "outcome", "CONTINUE"),
				"LIVE");
		step(id, ordered("supt.camden", "smt.camden"), action("END", "lastDay", last.toString()), "ENDED");
		step(id, ordered("smt.camden", "inspector.camden"), action("RECORD_FEEDBACK", "feedback", List.of(
				Map.of("wardCode", this.fx.receiving.code(), "givenOn", last.plusDays(3).toString(), "summary", "Told"),
				Map.of("wardCode", providing.code(), "givenOn", last.plusDays(3).toString(), "summary", "Told"))), "ENDED");
		step(id, ordered("smt.camden", "inspector.camden"), action("CLOSE"), "CLOSED");
	}

	@Test
	void aRejectionIsTheSuperintendentsAlone() {
		LocalDate first = FlexFixture.window();
		FlexFixture.Ward providing = this.fx.otherCluster2;
		this.fx.roster(providing, first, 2, 3);
		long id = this.fx.draft(FlexFixture.request(this.fx.receiving.code(), first, first.plusDays(1),
				providing.constables().get(2), providing.code()));
		this.fx.present(id, first.minusDays(7), this.fx.receiving.code(), providing.code());
		step(id, ordered("supt.camden"), action("REJECT", "reasons", "Not beyond the local team; try partners first"),
				"REJECTED");
		assertThat(this.fx.api.get("analyst", "/api/v1/flex-requests/" + id).json().get("rejectionReasons").asString())
			.contains("partners");
	}

	@Test
	void theClusterInspectorAndSergeantActOnlyForTheirOwnClusterAndWard() {
		LocalDate first = FlexFixture.window();
		FlexFixture.Ward receiving = this.fx.otherCluster;
		FlexFixture.Ward providing = this.fx.otherCluster2;
		this.fx.roster(providing, first, 2, 3);
		Map<String, Object> body = FlexFixture.request(receiving.code(), first, first.plusDays(1), providing.constables().get(2),
				providing.code());
		// the demo sergeant and inspector cannot draft for a ward of another cluster; other roles cannot draft at all
		for (String user : USERS) {
			Api.Response refused = this.fx.post(user, "/api/v1/flex-requests", body);
			assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
		}
		String sergeant = user("sergeant2.camden", "SERGEANT", "WARD", receiving.code());
		Api.Response created = this.fx.post(sergeant, "/api/v1/flex-requests", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(this.fx.step("sergeant.camden", id, action("SUBMIT")).status()).isEqualTo(403);
		this.fx.stepOk(sergeant, id, action("SUBMIT"));
		Api.Response otherInspector = this.fx.step("inspector.camden", id, action("ESCALATE"));
		assertThat(otherInspector.status()).isEqualTo(403);
		assertThat(otherInspector.json().get("detail").asString()).contains("outside your role or scope");
		String inspector = user("inspector2.camden", "INSPECTOR", "CLUSTER", receiving.clusterCode());
		this.fx.stepOk(inspector, id, action("ESCALATE"));
		// readers: the analyst and the borough's resource office; not oversight, officers, controllers, other boroughs
		for (String user : List.of("analyst", "resources.camden", "supt.camden", sergeant)) {
			assertThat(this.fx.api.get(user, "/api/v1/flex-requests/" + id).status()).as(user).isEqualTo(200);
		}
		for (String user : List.of("oversight", "officer.camden", "controller", "supt.hackney", "sergeant.camden",
				"inspector.camden")) {
			assertThat(this.fx.api.get(user, "/api/v1/flex-requests/" + id).status()).as(user).isEqualTo(403);
		}
		assertThat(this.fx.api.get("supt.hackney", "/api/v1/flex-requests?borough=" + FlexFixture.CAMDEN).json()
			.toString()).doesNotContain("\"id\":" + id + ",");
	}

	String user(String username, String role, String scopeType, String scopeCode) {
		if (this.fx.api.get(username, "/api/v1/me").status() != 200) {
			Api.Response created = this.fx.post("admin", "/api/v1/users", Map.of("username", username, "displayName",
					username, "password", Api.PASSWORD, "role", role, "scopes",
					List.of(Map.of("type", scopeType, "code", scopeCode))));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
		}
		return username;
	}

	static Set<String> ordered(String... users) {
		Set<String> set = new java.util.LinkedHashSet<>();
		for (String user : users) {
			set.add(user);
		}
		return set;
	}


}
