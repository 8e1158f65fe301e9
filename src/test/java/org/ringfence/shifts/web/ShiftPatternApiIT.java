package org.ringfence.shifts.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The pattern API: the inspector covering a cluster saves and reads its pattern; others are kept to their scope. */
@IntegrationTest
class ShiftPatternApiIT {

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	Api api;

	String inspectorCluster;

	String otherCluster;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.inspectorCluster = this.api.get("inspector.camden", "/api/v1/me").json().get("scopes").get(0).get("code")
			.asString();
		this.otherCluster = this.geography.clusters(Optional.of("E09000007"))
			.stream()
			.map(ClusterSummary::id)
			.filter(c -> !c.equals(this.inspectorCluster))
			.findFirst()
			.orElseThrow();
	}

	static byte[] body(String cluster, String role) {
		return ("{\"clusterId\":\"" + cluster + "\",\"name\":\"Tens\",\"description\":\"designed\",\"shifts\":["
				+ "{\"start\":\"07:00\",\"lengthMinutes\":600,\"role\":\"" + role + "\",\"workersPerDay\":[2,2,2,2,2,1,1]}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void theInspectorSavesAndReadsTheirClustersPattern() {
		Api.Response saved = this.api.post("inspector.camden", "/api/v1/shift-patterns", "application/json",
				body(this.inspectorCluster, "CONSTABLE"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);
		long id = saved.json().get("id").asLong();
		JsonNode one = this.api.get("smt.camden", "/api/v1/shift-patterns/" + id).json();
		assertThat(one.get("clusterId").asString()).isEqualTo(this.inspectorCluster);
		assertThat(one.get("shifts").get(0).get("start").asString()).isEqualTo("07:00");
		assertThat(one.get("shifts").get(0).get("workersPerDay").get(5).asInt()).isEqualTo(1);
		assertThat(one.get("createdBy").asString()).isEqualTo("inspector.camden");
		JsonNode list = this.api.get("inspector.camden", "/api/v1/shift-patterns?cluster=" + this.inspectorCluster).json();
		assertThat(list.findValues("id").stream().map(JsonNode::asLong)).contains(id);
		assertThat(this.api.get("supt.hackney", "/api/v1/shift-patterns/" + id).status()).isEqualTo(403);
	}

	@Test
	void saversAreKeptToTheirScopeAndRole() {
		assertThat(this.api.post("inspector.camden", "/api/v1/shift-patterns", "application/json",
				body(this.otherCluster, "CONSTABLE")).status()).isEqualTo(403);
		assertThat(this.api.post("sergeant.camden", "/api/v1/shift-patterns", "application/json",
				body(this.inspectorCluster, "CONSTABLE")).status()).isEqualTo(403);
		assertThat(this.api.post("supt.hackney", "/api/v1/shift-patterns", "application/json",
				body(this.inspectorCluster, "CONSTABLE")).status()).isEqualTo(403);
		assertThat(this.api.post("smt.camden", "/api/v1/shift-patterns", "application/json",
				body(this.otherCluster, "CONSTABLE")).status()).isEqualTo(201);
		Api.Response bad = this.api.post("admin", "/api/v1/shift-patterns", "application/json",
				body(this.otherCluster, "CHIEF"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("shifts[0]");
	}

}
