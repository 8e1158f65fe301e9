package org.ringfence.allocation;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the shared application (whatever demand data it has: none in this branch, the demand module's
 * once built), a period with no demand recorded is refused with 422 naming what to import, while an
 * allocation by population needs no demand data at all.
 */
@IntegrationTest
class AllocationWithoutDemandIT {

	static final String CAMDEN = "E09000007";

	@LocalServerPort
	int port;

	@Test
	void withoutDemandDataEverythingThatNeedsItSaysToImportCrimeOrCallsFirst() {
		Api api = new Api(this.port);
		Api.Response recommendation = api.get("supt.camden",
				"/api/v1/supervision/recommendation?borough=" + CAMDEN + "&sergeants=12&from=2040-01-01&to=2040-12-31");
		assertThat(recommendation.status()).isEqualTo(422);
		assertThat(recommendation.contentType()).startsWith("application/problem+json");
		assertThat(recommendation.json().get("code").asString()).isEqualTo("no-demand-data");
		assertThat(recommendation.json().get("detail").asString())
			.startsWith("No demand data for Camden from 2040-01-01 to 2040-12-31 (import crime or calls first)");
		Api.Response allocation = api.post("supt.camden", "/api/v1/allocation/officers", "application/json",
				("{\"scope\":\"BOROUGH\",\"code\":\"" + CAMDEN + "\",\"total\":60,\"minimumPerWard\":2,\"measure\":\"SN\","
						+ "\"method\":\"HAMILTON\",\"from\":\"2040-01-01\",\"to\":\"2040-12-31\"}")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(allocation.status()).isEqualTo(422);
		assertThat(allocation.json().get("detail").asString()).contains("import crime or calls first");
	}

	@Test
	void allocationByPopulationNeedsNoDemandData() {
		Api.Response response = new Api(this.port).post("supt.camden", "/api/v1/allocation/officers", "application/json",
				("{\"scope\":\"BOROUGH\",\"code\":\"" + CAMDEN + "\",\"total\":60,\"minimumPerWard\":2,\"noLoss\":true,"
						+ "\"measure\":\"POPULATION\",\"method\":\"HUNTINGTON_HILL\"}")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode result = response.json();
		int sum = 0;
		for (JsonNode ward : result.get("wards")) {
			sum += ward.get("allocation").asInt();
			assertThat(ward.get("allocation").asInt()).isGreaterThanOrEqualTo(ward.get("current").asInt());
		}
		assertThat(sum).isEqualTo(60);
		assertThat(result.get("from").isNull()).isTrue();
	}

}
