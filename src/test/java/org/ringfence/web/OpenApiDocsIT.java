package org.ringfence.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OpenApiDocsIT {

	@LocalServerPort
	int port;

	@Test
	void theApiIsDocumentedWithItsErrorsAndWithoutDuplicateOperationIds() {
		Api.Response docs = new Api(this.port).get(null, "/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().get("paths");
		for (String path : List.of("/api/v1/boroughs", "/api/v1/wards", "/api/v1/wards/{code}", "/api/v1/wards/{code}/team",
				"/api/v1/locate", "/api/v1/geography/boundaries", "/api/v1/audit", "/api/v1/audit/verify")) {
			assertThat(paths.has(path)).as(path).isTrue();
		}
		List<String> problems = new ArrayList<>();
		paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			JsonNode responses = operation.getValue().get("responses");
			String id = operation.getValue().get("operationId").asString();
			if (!responses.has("401") || !responses.has("403")) {
				problems.add(operation.getKey() + " " + path.getKey() + " lacks 401/403");
			}
			if (id.matches(".*_[0-9]+$")) {
				problems.add(operation.getKey() + " " + path.getKey() + " has a duplicate operationId " + id);
			}
		}));
		assertThat(problems).isEmpty();
	}

}
