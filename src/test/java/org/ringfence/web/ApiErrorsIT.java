package org.ringfence.web;

import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every failure of the API is RFC 9457 problem+json with a stable code and a specific message. */
@IntegrationTest
class ApiErrorsIT {

	@LocalServerPort
	int port;

	Api.Response createUser(String json) {
		return new Api(this.port).post("admin", "/api/v1/users", "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void bodyThatIsNotJsonSaysSo() {
		Api.Response response = createUser("{bad");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).startsWith("The body is not valid JSON");
	}

	@Test
	void aValueOfTheWrongKindNamesTheFieldAndTheAllowedValues() {
		JsonNode problem = createUser("{\"username\":\"abc\",\"displayName\":\"a\",\"password\":\"123456789012\","
				+ "\"role\":\"KING\",\"scopes\":[{\"type\":\"FORCE\",\"code\":\"MPS\"}]}").json();
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("role");
		assertThat(problem.get("detail").asString()).contains("SERGEANT");
	}

	@Test
	void missingFieldsAreAllListed() {
		JsonNode problem = createUser("{}").json();
		assertThat(problem.get("code").asString()).isEqualTo("invalid-input");
		assertThat(problem.get("errors")).hasSize(5);
	}

	@Test
	void unknownPathsMethodsAndMediaTypesAreProblemsToo() {
		Api api = new Api(this.port);
		Api.Response missing = api.get("admin", "/api/v1/nothing-here");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().get("code").asString()).isEqualTo("not-found");
		Api.Response method = api.send("admin", Api.PASSWORD,
				HttpRequest.newBuilder(api.uri("/api/v1/boroughs")).DELETE());
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.json().get("code").asString()).isEqualTo("method-not-allowed");
		Api.Response media = api.post("admin", "/api/v1/geography/boundaries", "application/xml",
				"<a/>".getBytes(StandardCharsets.UTF_8));
		assertThat(media.status()).isEqualTo(415);
		assertThat(media.contentType()).startsWith("application/problem+json");
	}

	@Test
	void theApiNeverCreatesASessionForScripts() {
		Api api = new Api(this.port);
		java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
		try {
			var response = client.send(HttpRequest.newBuilder(api.uri("/api/v1/boroughs")).GET().build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

}
